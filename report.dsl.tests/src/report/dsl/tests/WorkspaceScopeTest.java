package report.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.IContainer;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.IResourceDescriptions;
import org.eclipse.xtext.resource.IResourceFactory;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.resource.containers.StateBasedContainerManager;
import org.eclipse.xtext.util.Modules2;
import org.eclipse.xtext.util.StringInputStream;
import org.junit.jupiter.api.Test;

import com.google.inject.Guice;
import com.google.inject.Inject;
import com.google.inject.Injector;

import report.dsl.ReportRuntimeModule;
import report.dsl.ReportStandaloneSetup;
import report.dsl.report.ReportFile;

/**
 * Linking a file of a workspace (as the editors do, without a batch's index) looks its report type up by name and never
 * lists the workspace's files: listing them once for every file linked made opening a folder of a thousand reports
 * quadratic.
 */
class WorkspaceScopeTest {

	private static final Pattern REPORT_NAME = Pattern.compile("(?m)^报告 (\\S+) 遵循");
	private static final AtomicInteger LISTINGS = new AtomicInteger();

	@Test
	void linkingAFileNeverListsTheWorkspacesFiles() throws Exception {
		new ReportStandaloneSetup().createInjectorAndDoEMFRegistration();
		Injector language = Guice.createInjector(Modules2.mixin(new ReportRuntimeModule(),
				binder -> binder.bind(IContainer.Manager.class).to(CountingContainers.class)));
		XtextResourceSet workspace = language.getInstance(XtextResourceSet.class);
		workspace.getResourceFactoryRegistry().getExtensionToFactoryMap().put("report", language.getInstance(IResourceFactory.class));
		String example = Files.readString(Path.of("..", "examples", "003-liaocheng-kaifaqu-2023.report"));
		List<Resource> files = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			Matcher name = REPORT_NAME.matcher(example);
			name.find();
			Resource file = workspace.createResource(URI.createFileURI("/workspace/report-" + i + ".report"));
			file.load(new StringInputStream(name.replaceFirst(Matcher.quoteReplacement("报告 " + name.group(1) + "_" + i + " 遵循"))), null);
			files.add(file);
		}
		LISTINGS.set(0);
		for (Resource file : files) {
			EcoreUtil.resolveAll(file);
			assertFalse(((ReportFile) file.getContents().get(0)).getReports().get(0).getType().eIsProxy(), "遵循 found its type");
		}
		assertEquals(0, LISTINGS.get(), "times the workspace's files were listed while linking 20 files");
	}

	/** Xtext's containers, counting how often one is asked for all its files (or how many there are, or whether none). */
	static final class CountingContainers implements IContainer.Manager {
		@Inject
		private StateBasedContainerManager containers;

		@Override
		public IContainer getContainer(IResourceDescription description, IResourceDescriptions index) {
			return new Counting(containers.getContainer(description, index));
		}

		@Override
		public List<IContainer> getVisibleContainers(IResourceDescription description, IResourceDescriptions index) {
			return containers.getVisibleContainers(description, index).stream().<IContainer>map(Counting::new).toList();
		}
	}

	private record Counting(IContainer container) implements IContainer {
		@Override
		public Iterable<IResourceDescription> getResourceDescriptions() {
			LISTINGS.incrementAndGet();
			return container.getResourceDescriptions();
		}

		@Override
		public int getResourceDescriptionCount() {
			LISTINGS.incrementAndGet();
			return container.getResourceDescriptionCount();
		}

		@Override
		public boolean isEmpty() {
			LISTINGS.incrementAndGet();
			return container.isEmpty();
		}

		@Override
		public boolean hasResourceDescription(URI uri) {
			return container.hasResourceDescription(uri);
		}

		@Override
		public IResourceDescription getResourceDescription(URI uri) {
			return container.getResourceDescription(uri);
		}

		@Override
		public Iterable<IEObjectDescription> getExportedObjects() {
			return container.getExportedObjects();
		}

		@Override
		public Iterable<IEObjectDescription> getExportedObjects(EClass type, QualifiedName name, boolean ignoreCase) {
			return container.getExportedObjects(type, name, ignoreCase);
		}

		@Override
		public Iterable<IEObjectDescription> getExportedObjectsByType(EClass type) {
			return container.getExportedObjectsByType(type);
		}

		@Override
		public Iterable<IEObjectDescription> getExportedObjectsByObject(EObject object) {
			return container.getExportedObjectsByObject(object);
		}
	}
}
