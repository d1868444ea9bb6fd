package report.dsl.scoping;

import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.IContainer;
import org.eclipse.xtext.resource.IEObjectDescription;
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
}
