package report.dsl.ui;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.ui.IImportWizard;
import org.eclipse.ui.IWorkbench;

import report.dsl.importer.ReportImporter;

/**
 * File › Import › report.dsl › Import published report…: a published report (text, web page, Markdown) imported with
 * the importer of {@code report import} into a folder of the workspace, and opened in the editor.
 */
public class ImportPublishedReportWizard extends Wizard implements IImportWizard {

	private IWorkbench workbench;
	private IContainer selected;
	private ImportPublishedReportPage page;
	private IFile imported;

	@Override
	public void init(IWorkbench workbench, IStructuredSelection selection) {
		this.workbench = workbench;
		Object first = selection == null ? null : selection.getFirstElement();
		IResource resource = first instanceof IResource r ? r
				: first instanceof org.eclipse.core.runtime.IAdaptable a ? a.getAdapter(IResource.class) : null;
		selected = resource instanceof IContainer container ? container : resource == null ? null : resource.getParent();
		setWindowTitle("Import published report…");
		setNeedsProgressMonitor(false);
	}

	@Override
	public void addPages() {
		page = new ImportPublishedReportPage(selected);
		addPage(page);
	}

	public ImportPublishedReportPage getImportPage() {
		return page;
	}

	/** The file the import wrote, after finishing. */
	public IFile getImportedFile() {
		return imported;
	}

	@Override
	public boolean performFinish() {
		Path source = Path.of(page.source().strip());
		IContainer folder = ImportPublishedReportPage.container(page.folder()).orElse(null);
		if (page.problem() != null || folder == null) {
			page.setErrorMessage(page.problem());
			return false;
		}
		try {
			imported = importInto(source, folder);
		} catch (IllegalArgumentException | IOException | CoreException e) {
			page.setErrorMessage(e.getMessage());
			return false;
		}
		ReportNature.configureAndOpen(workbench, imported);
		return true;
	}

	/**
	 * Imports {@code source} into {@code folder} as `report import` does: the same reader by the file's extension, the
	 * same recogniser and writer, never over a different existing file.
	 *
	 * @throws IllegalArgumentException with the reason, when the source cannot be imported
	 */
	public static IFile importInto(Path source, IContainer folder) throws IOException, CoreException {
		ReportImporter importer = ReportUi.injector().getInstance(ReportImporter.class);
		String name = source.getFileName().toString();
		ReportImporter.Imported result = importer.importGrid(name, ReportImporter.grid(name, Files.readAllBytes(source)), Optional.empty());
		if (!result.complete()) {
			throw new IllegalArgumentException(name + " 未导入：表格不全或没有数值"
					+ result.report().notes().stream().findFirst().map(n -> "（第" + n.line() + "行：" + n.message() + "）").orElse(""));
		}
		IFile file = folder.getFile(new org.eclipse.core.runtime.Path(result.fileName()));
		byte[] text = result.text().getBytes(StandardCharsets.UTF_8);
		if (file.exists()) {
			try (var existing = file.getContents(true)) {
				if (!java.util.Arrays.equals(existing.readAllBytes(), text)) {
					throw new IllegalArgumentException(file.getFullPath() + " 已存在且内容不同，未覆盖");
				}
			}
			return file;
		}
		file.create(new ByteArrayInputStream(text), IResource.NONE, null);
		file.setCharset(StandardCharsets.UTF_8.name(), null);
		return file;
	}
}
