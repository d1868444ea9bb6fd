package report.dsl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import report.dsl.ui.ImportPublishedReportPage;
import report.dsl.ui.ImportPublishedReportWizard;

/** File › Import › Import published report…: the importer of `report import`, in the workbench. */
class ImportWizardTest {

	private static final Path SEED = Path.of(System.getProperty("report.seeds", "../report.dsl.importer/src/test/resources/seeds"),
			"002_494098ddfe450f28.txt").toAbsolutePath();

	@AfterEach
	void closeEditors() {
		UiSupport.page().closeAllEditors(false);
	}

	@Test
	void thePageSaysWhatIsMissingInOneSentence() throws Exception {
		IProject project = UiSupport.project("import-page");
		Path notPublished = Files.writeString(Files.createTempDirectory("import-page").resolve("report.pdf"), "%PDF");
		assertEquals("请选择已发布的报告（.txt、.html、.htm、.md）", ImportPublishedReportPage.problem("", ""));
		assertEquals("找不到文件：/no/such.txt", ImportPublishedReportPage.problem("/no/such.txt", "/import-page"));
		assertEquals("不是可导入的文件（.txt、.html、.htm、.md）：report.pdf", ImportPublishedReportPage.problem(notPublished.toString(), "/import-page"));
		assertEquals("请选择导入到的项目或文件夹", ImportPublishedReportPage.problem(SEED.toString(), " "));
		assertEquals("工作区中没有这个项目或文件夹：/no-such-project", ImportPublishedReportPage.problem(SEED.toString(), "/no-such-project"));
		assertNull(ImportPublishedReportPage.problem(SEED.toString(), project.getFullPath().toString()));
	}

	@Test
	void theWizardImportsASeedIntoTheSelectedProjectAndOpensIt() throws Exception {
		IProject project = UiSupport.project("imported");
		ImportPublishedReportWizard wizard = new ImportPublishedReportWizard();
		wizard.init(PlatformUI.getWorkbench(), new StructuredSelection(project));
		WizardDialog dialog = new WizardDialog(UiSupport.page().getWorkbenchWindow().getShell(), wizard);
		dialog.setBlockOnOpen(false);
		dialog.create();
		ImportPublishedReportPage page = wizard.getImportPage();
		assertEquals("/imported", page.folder(), "the selected project is the folder");
		assertFalse(wizard.canFinish(), "no source yet");
		page.setSource(SEED.toString());
		assertTrue(wizard.canFinish(), page.getErrorMessage());
		assertTrue(wizard.performFinish(), page.getErrorMessage());
		dialog.close();

		IFile file = project.getFile("聊城市工业和信息化局2023.report");
		assertTrue(file.exists());
		assertEquals(file, wizard.getImportedFile());
		String text = new String(file.getContents().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(text.contains("报告 聊城市工业和信息化局2023 遵循 政府信息公开年报2021"), text);
		assertTrue(text.contains("予以公开[B.三.一 = 4]件"), text);
		IEditorPart editor = UiSupport.page().getActiveEditor();
		assertTrue(editor != null && editor.getEditorInput() instanceof IFileEditorInput input && input.getFile().equals(file),
				"the imported file is open in the editor");

		// again, over a file changed since: kept, and the page says why
		UiSupport.page().closeAllEditors(false);
		file.setContents(new java.io.ByteArrayInputStream(("// 手工修改\n" + text).getBytes(StandardCharsets.UTF_8)), true, false, null);
		ImportPublishedReportWizard again = new ImportPublishedReportWizard();
		again.init(PlatformUI.getWorkbench(), new StructuredSelection(project));
		WizardDialog second = new WizardDialog(UiSupport.page().getWorkbenchWindow().getShell(), again);
		second.setBlockOnOpen(false);
		second.create();
		again.getImportPage().setSource(SEED.toString());
		assertFalse(again.performFinish());
		assertEquals("/imported/聊城市工业和信息化局2023.report 已存在且内容不同，未覆盖", again.getImportPage().getErrorMessage());
		second.close();
		assertTrue(new String(file.getContents().readAllBytes(), StandardCharsets.UTF_8).startsWith("// 手工修改"));
	}
}
