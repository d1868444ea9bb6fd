package report.dsl.scoping;

import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.IContainer;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.containers.FilterUriContainer;
import org.eclipse.xtext.scoping.IScope;
import org.eclipse.xtext.scoping.impl.DefaultGlobalScopeProvider;
import org.eclipse.xtext.scoping.impl.SelectableBasedScope;

import com.google.common.base.Predicate;
import com.google.inject.Inject;

/**
 * The workspace's report types and reports, in front of the report types shipped with the language; in a batch, those
 * of every file checked together, looked up by name in the batch's index.
 */
public class ReportGlobalScopeProvider extends DefaultGlobalScopeProvider {

	@Inject
	private ReportTypeLibrary library;

	@Override
	protected IScope getScope(Resource resource, boolean ignoreCase, EClass type,
			Predicate<IEObjectDescription> filter) {
		if (resource == null || resource.getResourceSet() == null) {
			return IScope.NULLSCOPE;
		}
		IScope parent = library.scope(resource.getResourceSet(), type, filter);
		Optional<BatchIndex> index = BatchIndex.of(resource.getResourceSet());
		if (index.isPresent()) { // the shipped types come from the parent, loaded into this resource set
			return SelectableBasedScope.createScope(parent, index.get(),
					d -> !ReportTypeLibrary.isLibrary(d.getEObjectURI()) && (filter == null || filter.apply(d)), type, ignoreCase);
		}
		List<IContainer> containers = getVisibleContainers(resource);
		Collections.reverse(containers);
		for (IContainer container : containers) {
			parent = createContainerScopeWithContext(resource, parent, container, filter, type, ignoreCase);
		}
		return parent;
	}

	/**
	 * The container's reports and types other than the file's own. Xtext's container that leaves the file out tests its
	 * emptiness by listing every file of the workspace: once for each file linked, which made opening a folder of many
	 * files quadratic. An empty container simply finds nothing, so the scope is built without asking.
	 */
	@Override
	protected IScope createContainerScopeWithContext(Resource resource, IScope parent, IContainer container,
			Predicate<IEObjectDescription> filter, EClass type, boolean ignoreCase) {
		return createContainerScope(parent, resource == null ? container : new OthersThan(resource.getURI(), container), filter, type,
				ignoreCase);
	}

	/** Xtext's container without one file, never listing its files to find out whether there are any. */
	private static final class OthersThan extends FilterUriContainer {
		OthersThan(URI file, IContainer container) {
			super(file, container);
		}

		@Override
		public boolean isEmpty() {
			return false;
		}
	}
}
