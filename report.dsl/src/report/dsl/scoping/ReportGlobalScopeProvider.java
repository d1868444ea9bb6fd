package report.dsl.scoping;

import java.util.Collections;
import java.util.List;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.IContainer;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.scoping.IScope;
import org.eclipse.xtext.scoping.impl.DefaultGlobalScopeProvider;

import com.google.common.base.Predicate;
import com.google.inject.Inject;

/** The workspace's report types and reports, in front of the report types shipped with the language. */
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
		List<IContainer> containers = getVisibleContainers(resource);
		Collections.reverse(containers);
		for (IContainer container : containers) {
			parent = createContainerScopeWithContext(resource, parent, container, filter, type, ignoreCase);
		}
		return parent;
	}
}
