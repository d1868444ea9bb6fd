package report.dsl.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.validation.Issue;

/** Checks all report files of a project together (so cross-year rules see the previous year) and marks the problems. */
public class ReportBuilder extends IncrementalProjectBuilder {

	public static final String ID = "report.dsl.ui.builder";
	public static final String MARKER = "report.dsl.ui.problem";
	public static final String CODE = "code";
	public static final String DATA = "data";

	@Override
	protected IProject[] build(int kind, Map<String, String> args, IProgressMonitor monitor) throws CoreException {
		IResourceDeltaCheck: {
			if (kind != FULL_BUILD && getDelta(getProject()) != null) {
				boolean[] relevant = { false };
				getDelta(getProject()).accept(delta -> {
					if (delta.getResource() instanceof IFile f && ReportUi.EXTENSION.equals(f.getFileExtension())) {
						relevant[0] = true;
					}
					return true;
				});
				if (!relevant[0]) {
					break IResourceDeltaCheck;
				}
			}
			check(getProject());
		}
		return null;
	}

	@Override
	protected void clean(IProgressMonitor monitor) throws CoreException {
		getProject().deleteMarkers(MARKER, true, IResource.DEPTH_INFINITE);
	}

	/** Checks every report file of the project and replaces their markers. */
	public static void check(IProject project) throws CoreException {
		List<IFile> files = new ArrayList<>();
		project.accept(resource -> {
			if (resource instanceof IFile f && ReportUi.EXTENSION.equals(f.getFileExtension()) && !f.isDerived()) {
				files.add(f);
			}
			return !resource.getName().equals("target") && !resource.getName().startsWith(".");
		});
		project.deleteMarkers(MARKER, true, IResource.DEPTH_INFINITE);
		XtextResourceSet set = ReportUi.newResourceSet();
		List<XtextResource> resources = new ArrayList<>();
		for (IFile file : files) {
			resources.add(ReportUi.load(set, ReportUi.uriOf(file), ReportUi.read(file)));
		}
		for (int i = 0; i < files.size(); i++) {
			for (Issue issue : ReportUi.validate(resources.get(i))) {
				mark(files.get(i), issue);
			}
		}
	}

	private static void mark(IFile file, Issue issue) throws CoreException {
		IMarker marker = file.createMarker(MARKER);
		marker.setAttribute(IMarker.MESSAGE, issue.getMessage());
		marker.setAttribute(IMarker.SEVERITY, issue.getSeverity() == Severity.ERROR ? IMarker.SEVERITY_ERROR
				: issue.getSeverity() == Severity.WARNING ? IMarker.SEVERITY_WARNING : IMarker.SEVERITY_INFO);
		if (issue.getLineNumber() != null) {
			marker.setAttribute(IMarker.LINE_NUMBER, issue.getLineNumber());
		}
		if (issue.getOffset() != null) {
			marker.setAttribute(IMarker.CHAR_START, issue.getOffset());
			marker.setAttribute(IMarker.CHAR_END, issue.getOffset() + (issue.getLength() == null ? 0 : issue.getLength()));
		}
		if (issue.getCode() != null) {
			marker.setAttribute(CODE, issue.getCode());
		}
		if (issue.getData() != null) {
			marker.setAttribute(DATA, String.join("\u001f", issue.getData()));
		}
	}
}
