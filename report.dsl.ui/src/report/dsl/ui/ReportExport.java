package report.dsl.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.jface.text.IDocument;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.validation.Issue;

import report.dsl.batch.AtomicFiles;
import report.dsl.batch.ReportDependencies;
import report.dsl.generator.DocumentException;
import report.dsl.generator.ReportPublisher;
import report.dsl.report.Report;
import report.dsl.report.ReportFile;

/**
 * Export…: the previewed report (the editor's first report, as the preview shows it) written as one of the formats of
 * `report build`, refused like `report build` without --force when the file has errors, and written atomically.
 */
public final class ReportExport {

	/** Why nothing was exported, in one sentence for the user. */
	public static class Refused extends Exception {

		private static final long serialVersionUID = 1L;

		Refused(String message) {
			super(message);
		}
	}

	private ReportExport() {
	}

	/** The formats offered: those of `report build --format`. */
	public static List<String> formats() {
		return publisher().extensions();
	}

	/** The file name for a format: the report file's name with the format's extension. */
	public static String fileName(IDocument document, String format) {
		IFile file = ReportUi.fileOf(document);
		String base = file == null ? "report" : file.getFullPath().removeFileExtension().lastSegment();
		return base + "." + format;
	}

	/** Where the export goes unless the user picks another place: next to the report file. */
	public static Optional<Path> folder(IDocument document) {
		IFile file = ReportUi.fileOf(document);
		return file == null || file.getParent().getLocation() == null ? Optional.empty()
				: Optional.of(file.getParent().getLocation().toPath());
	}

	/**
	 * Writes the document's first report as the format to the target file, refreshing the workspace folder it is in;
	 * withheld, as `report build` withholds it without --force, when the file has errors or a file its numbers come
	 * from has (its report type, last year's report, the parts it adds up).
	 */
	public static void export(IDocument document, String format, Path target) throws Refused {
		IFile file = ReportUi.fileOf(document);
		String name = file == null ? "报告" : file.getName();
		XtextResource resource = ReportUi.parse(document);
		Optional<Issue> ownError = firstError(resource);
		if (ownError.isPresent()) {
			throw new Refused(name + " 有错误，未导出：" + at(ownError.get()));
		}
		if (resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof ReportFile reports)
				|| reports.getReports().isEmpty()) {
			throw new Refused(name + " 中没有报告，未导出");
		}
		Report report = reports.getReports().get(0);
		Map<Resource, Optional<Issue>> errors = new HashMap<>();
		Optional<Resource> blocking = ReportUi.injector().getInstance(ReportDependencies.class).erroneous(report,
				dependency -> errors.computeIfAbsent(dependency, ReportExport::firstError).isPresent());
		if (blocking.isPresent()) {
			throw new Refused(name + " 的报告「" + report.getName() + "」未导出：它的数值所依据的 " + path(blocking.get())
					+ " 有错误：" + at(errors.get(blocking.get()).orElseThrow()));
		}
		Optional<Path> font = ReportPreferences.font();
		if (font.isPresent() && !Files.isRegularFile(font.get())) {
			throw new Refused("找不到字体文件：" + font.get() + "（见 Window › Preferences › report.dsl）");
		}
		byte[] content;
		try {
			content = publisher().render(report, format, font);
		} catch (DocumentException e) { // a document output the user can remedy, e.g. no CJK font
			throw new Refused("无法导出为 " + format + "：" + e.getMessage());
		}
		try {
			AtomicFiles.write(target, content);
		} catch (IOException e) {
			throw new Refused("无法写入 " + target + "：" + (e.getMessage() == null ? e.toString() : e.getMessage()));
		}
		refresh(target);
	}

	private static Optional<Issue> firstError(Resource resource) {
		return ReportUi.validate(resource).stream().filter(issue -> issue.getSeverity() == Severity.ERROR).findFirst();
	}

	private static String at(Issue issue) {
		return "第" + issue.getLineNumber() + "行第" + issue.getColumn() + "列：" + issue.getMessage();
	}

	/** A file by its workspace path, as the Problems view names it. */
	private static String path(Resource resource) {
		URI uri = resource.getURI();
		return uri.isPlatformResource() ? uri.toPlatformString(true) : uri.lastSegment();
	}

	private static void refresh(Path target) {
		IContainer folder = ResourcesPlugin.getWorkspace().getRoot().getContainerForLocation(IPath.fromPath(target.toAbsolutePath().getParent()));
		if (folder != null) {
			try {
				folder.refreshLocal(IResource.DEPTH_ONE, null);
			} catch (CoreException e) {
				// the file is written; the workspace shows it at its next refresh
			}
		}
	}

	private static ReportPublisher publisher() {
		return ReportUi.injector().getInstance(ReportPublisher.class);
	}
}
