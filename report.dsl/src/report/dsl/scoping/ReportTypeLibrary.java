package report.dsl.scoping;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.scoping.IScope;
import org.eclipse.xtext.scoping.impl.SimpleScope;
import org.eclipse.xtext.util.IResourceScopeCache;
import org.eclipse.xtext.util.Tuples;

import com.google.common.base.Predicate;
import com.google.inject.Inject;
import com.google.inject.Singleton;

/**
 * The report types shipped inside the language bundle, written in the language itself.
 * They are loaded into whichever resource set links a report, under a classpath URI, so that
 * cross-references into them resolve like references into any other file.
 */
@Singleton
public class ReportTypeLibrary {

	public static final List<String> FILES = List.of("gov-info-disclosure-2021.report", "gov-info-disclosure-2019.report");

	private static final String FOLDER = "report/dsl/library/";
	private static final String LOCATION = "classpath:/" + FOLDER;

	@Inject
	private IResourceDescription.Manager descriptions;

	@Inject
	private IResourceScopeCache cache;

	public static URI uri(String file) {
		return URI.createURI(LOCATION + file);
	}

	/** Whether a resource is one of the shipped report types rather than a user's file. */
	public static boolean isLibrary(URI uri) {
		return uri != null && uri.toString().startsWith(LOCATION);
	}

	/** Whether an element is declared by the shipped report types rather than a user's file. */
	public static boolean declares(EObject element) {
		return element != null && element.eResource() != null && isLibrary(element.eResource().getURI());
	}

	public List<Resource> load(ResourceSet resourceSet) {
		List<Resource> resources = new ArrayList<>(FILES.size());
		for (String file : FILES) {
			resources.add(load(resourceSet, file));
		}
		return resources;
	}

	/**
	 * The shipped types an earlier resource set loaded, moved into this one with all that was made of them (their parse,
	 * their links, the scopes and totals kept with them), as a thread of a batch hands them from chunk to chunk instead
	 * of parsing them for each: they refer to nothing outside themselves. The earlier resource set is done with.
	 */
	public List<Resource> moveInto(ResourceSet resourceSet, List<Resource> loaded) {
		for (Resource resource : loaded) {
			resource.eSetDeliver(false); // a move is no change of the types: what is kept with them stays valid
			try {
				// taken out of the earlier set first: only that lets the set drop what it attached to the resource,
				// which would otherwise keep the set and all its files alive
				if (resource.getResourceSet() != null) {
					resource.getResourceSet().getResources().remove(resource);
				}
				resourceSet.getResources().add(resource);
			} finally {
				resource.eSetDeliver(true);
			}
		}
		return load(resourceSet);
	}

	/**
	 * The shipped types (or whatever else of theirs is of the type asked for). Unfiltered, as every report's 遵循 asks,
	 * the scope is kept with the shipped files, which nothing edits.
	 */
	public IScope scope(ResourceSet resourceSet, EClass type, Predicate<IEObjectDescription> filter) {
		List<Resource> library = load(resourceSet);
		if (filter == null) {
			return cache.get(Tuples.create(ReportTypeLibrary.class, type), library.get(0), () -> exported(library, type, null));
		}
		return exported(library, type, filter);
	}

	private IScope exported(List<Resource> library, EClass type, Predicate<IEObjectDescription> filter) {
		List<IEObjectDescription> exported = new ArrayList<>();
		for (Resource resource : library) {
			for (IEObjectDescription d : descriptions.getResourceDescription(resource).getExportedObjectsByType(type)) {
				if (filter == null || filter.apply(d)) {
					exported.add(d);
				}
			}
		}
		return exported.isEmpty() ? IScope.NULLSCOPE : new SimpleScope(exported);
	}

	private static synchronized Resource load(ResourceSet resourceSet, String file) {
		URI uri = uri(file);
		Resource resource = resourceSet.getResource(uri, false);
		if (resource != null) {
			return resource;
		}
		resource = resourceSet.createResource(uri);
		try (InputStream in = ReportTypeLibrary.class.getClassLoader().getResourceAsStream(FOLDER + file)) {
			if (in == null) {
				throw new IllegalStateException("the language bundle lacks its library file " + FOLDER + file);
			}
			resource.load(in, resourceSet.getLoadOptions());
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return resource;
	}
}
