package report.dsl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.commands.Command;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.jface.text.IDocument;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import report.dsl.ui.ReportExport;

/** Export… of the preview: the outputs of `report build`, with the document jars embedded in the UI bundle. */
class ExportTest {

	private static final byte[] ZIP = { 'P', 'K', 3, 4 };
	private static final byte[] PDF = "%PDF".getBytes(StandardCharsets.US_ASCII);

	@AfterEach
	void closeEditors() {
		UiSupport.page().closeAllEditors(false);
	}

	@Test
	void theExampleIsExportedAsEveryDocumentFormatNextToTheFile() throws Exception {
		IProject project = UiSupport.project("export");
		IFile file = UiSupport.file(project, UiSupport.EXAMPLE, UiSupport.example(UiSupport.EXAMPLE));
		IEditorPart editor = IDE.openEditor(UiSupport.page(), file);
		IDocument document = UiSupport.document(editor);
		Command export = PlatformUI.getWorkbench().getService(ICommandService.class).getCommand("report.dsl.ui.export");
		assertTrue(export.isHandled(), "Export… is there for a report editor");
		assertEquals(List.of("md", "html", "json", "docx", "pdf", "xlsx"), ReportExport.formats(),
				"the document outputs are found inside OSGi");

		Path folder = ReportExport.folder(document).orElseThrow();
		assertEquals(project.getLocation().toPath(), folder);
		for (String format : List.of("docx", "xlsx", "pdf")) {
			String name = ReportExport.fileName(document, format);
			assertEquals("000-liaocheng-jiguanshiwu-2023." + format, name);
			ReportExport.export(document, format, folder.resolve(name));
			byte[] written = Files.readAllBytes(folder.resolve(name));
			byte[] magic = format.equals("pdf") ? PDF : ZIP;
			assertTrue(written.length > 1000, format + ": " + written.length + " bytes");
			assertArrayEquals(magic, Arrays.copyOf(written, magic.length), format);
			assertTrue(project.getFile(name).exists(), "the workspace shows " + name);
		}
		try (var left = Files.list(folder)) {
			assertFalse(left.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file is left");
		}
	}

	@Test
	void aReportWithErrorsIsRefusedAndNothingIsWritten() throws Exception {
		IProject project = UiSupport.project("export-errors");
		String broken = UiSupport.example(UiSupport.EXAMPLE) + "\n这一行不是报告的语法\n";
		IFile file = UiSupport.file(project, "broken.report", broken);
		IDocument document = UiSupport.document(IDE.openEditor(UiSupport.page(), file));
		Path target = ReportExport.folder(document).orElseThrow().resolve("broken.docx");

		ReportExport.Refused refused = assertThrows(ReportExport.Refused.class, () -> ReportExport.export(document, "docx", target));
		assertTrue(refused.getMessage().startsWith("broken.report 有错误，未导出：第"), refused.getMessage());
		assertFalse(Files.exists(target));
	}

	@Test
	void aDocumentOutputThatCannotWriteTheReportSaysWhyInOneMessage() throws Exception {
		IProject project = UiSupport.project("export-font");
		String emoji = UiSupport.example("004-yeji-jiguanshiwu-2023.report")
				.replace("发布机关 \"叶集区机关事务管理服务中心\"", "发布机关 \"叶集区机关事务管理服务中心\uD83D\uDE00\"");
		IDocument document = UiSupport.document(IDE.openEditor(UiSupport.page(), UiSupport.file(project, "emoji.report", emoji)));
		Path target = ReportExport.folder(document).orElseThrow().resolve("emoji.pdf");

		ReportExport.Refused refused = assertThrows(ReportExport.Refused.class, () -> ReportExport.export(document, "pdf", target));
		assertEquals("无法导出为 pdf：所用字体缺少字符「\uD83D\uDE00」，PDF 中会显示为空白：请用 --font 指定含这些字符的字体文件",
				refused.getMessage());
		assertFalse(Files.exists(target));
	}
}
