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
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.commands.Command;
import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.preference.IPreferencePage;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.jface.text.IDocument;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import report.dsl.ui.ExportDialog;
import report.dsl.ui.ReportExport;
import report.dsl.ui.ReportPreferencePage;
import report.dsl.ui.ReportPreferences;

/**
 * Export… of the preview: the outputs of `report build`, with the document jars embedded in the UI bundle, withheld
 * as `report build` withholds them; its dialog and the font of Window › Preferences › report.dsl, driven as a user would.
 */
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

	private static final String TYPE = """
			报告类型 经费表 "经费情况报告" {
				部分 一 "一、经费情况" 必需
				表 E "经费" 属于 一 单位 "万元" {
					列 数额 "数额" 小数
					行 拨款 "财政拨款"
					行 其他 "其他收入"
					行 合计 "收入合计"
				}
				可加 表 E
				规则 E1 错误 "收入合计等于各项收入之和" 表 E 每列: 合计 = 拨款 + 其他
			}
			""";

	private static final String REPORT = """
			报告 某所2024 遵循 经费表 {
				发布机关 "某所"
				年度 2024
				统计期限 2024-01-01 至 2024-12-31
				发布日期 2025-01-15
				部分 一 {
					"收入合计[E.合计]万元。"
					表 E {
						拨款: 80
						其他: 12.5
					}
				}
			}
			""";

	/** A report of the year and name given, the year before dated a year earlier. */
	private static String report(String name, int year) {
		return REPORT.replace("某所2024", name).replace("2024", String.valueOf(year)).replace("2025", String.valueOf(year + 1));
	}

	@Test
	void anErrorInAFileTheNumbersComeFromWithholdsTheExportAndNamesWhere() throws Exception {
		IProject project = UiSupport.project("export-dependencies");
		UiSupport.file(project, "type.report", TYPE.replace("拨款 + 其他", "拨款 + 其它"));
		UiSupport.file(project, "甲.report", report("甲所2024", 2024));
		UiSupport.file(project, "乙.report", report("乙所2024", 2024));
		UiSupport.file(project, "2023.report", report("县2023", 2023));
		IFile county = UiSupport.file(project, "县.report", report("县2024", 2024)
				.replace("年度 2024", "上年报告 县2023\n\t汇总 甲所2024、乙所2024\n\t年度 2024").replaceAll("(?s)表 E \\{.*?\\}", "表 E 自动"));
		IDocument document = UiSupport.document(IDE.openEditor(UiSupport.page(), county));
		Path target = ReportExport.folder(document).orElseThrow().resolve("县.md");

		assertEquals("县.report 的报告「县2024」未导出：它的数值所依据的 /export-dependencies/type.report 有错误：第10行第44列："
				+ "未知的行、列或数值「其它」", refusal(document, target));

		UiSupport.file(project, "type.report", TYPE);
		// a stated number that disagrees with its table: an error of the part that leaves the summed cells alone
		UiSupport.file(project, "乙.report", report("乙所2024", 2024).replace("[E.合计]", "[E.合计 = 1]"));
		assertTrue(refusal(document, target).startsWith("县.report 的报告「县2024」未导出：它的数值所依据的 /export-dependencies/乙.report 有错误：第7行第"),
				refusal(document, target));

		UiSupport.file(project, "乙.report", report("乙所2024", 2024));
		UiSupport.file(project, "2023.report", report("县2023", 2023).replace("其他: 12.5", "其他: 12.5\n\t\t\t合计: 0"));
		assertTrue(refusal(document, target).startsWith("县.report 的报告「县2024」未导出：它的数值所依据的 /export-dependencies/2023.report 有错误：第"),
				refusal(document, target));

		UiSupport.file(project, "2023.report", report("县2023", 2023));
		ReportExport.export(document, "md", target);
		assertTrue(Files.readString(target).contains("收入合计185.0万元"), Files.readString(target));
	}

	private static String refusal(IDocument document, Path target) {
		ReportExport.Refused refused = assertThrows(ReportExport.Refused.class, () -> ReportExport.export(document, "md", target));
		assertFalse(Files.exists(target), "nothing is written when withheld");
		return refused.getMessage();
	}

	@Test
	void theDialogExportsTheChosenFormatToTheFileTyped() throws Exception {
		IProject project = UiSupport.project("export-dialog");
		IFile file = UiSupport.file(project, UiSupport.EXAMPLE, UiSupport.example(UiSupport.EXAMPLE));
		IDE.openEditor(UiSupport.page(), file);
		UiSupport.fillScreen();
		Path chosen = Files.createTempDirectory("export-dialog").resolve("聊城年报.docx");
		Path nextToTheFile = project.getLocation().toPath().resolve("000-liaocheng-jiguanshiwu-2023.pdf");
		UiSupport.withDialog(shell -> ExportDialog.TITLE.equals(shell.getText()), dialog -> {
			Combo format = UiSupport.widget(dialog, ExportDialog.FORMAT_KEY, Combo.class);
			Text target = UiSupport.widget(dialog, ExportDialog.TARGET_KEY, Text.class);
			assertEquals(List.of("md", "html", "json", "docx", "pdf", "xlsx"), List.of(format.getItems()));
			assertEquals("pdf", format.getText());
			assertEquals(nextToTheFile.toString(), target.getText(), "next to the report unless the user says otherwise");
			format.select(format.indexOf("docx"));
			format.notifyListeners(SWT.Selection, new Event());
			assertEquals(nextToTheFile.toString().replace(".pdf", ".docx"), target.getText(), "the extension follows the format");
			UiSupport.type(target, chosen.toString());
			UiSupport.screenshot(dialog, "export-dialog.png");
			UiSupport.press(UiSupport.button(dialog, IDialogConstants.OK_ID));
			assertTrue(dialog.isDisposed(), "the dialog closes once the file is written");
		}, () -> execute("report.dsl.ui.export", Map.of()));
		byte[] written = Files.readAllBytes(chosen);
		assertArrayEquals(ZIP, Arrays.copyOf(written, ZIP.length));
		assertTrue(written.length > 1000, written.length + " bytes");
		assertFalse(Files.exists(nextToTheFile));
	}

	@Test
	void theDialogShowsWhyAReportIsWithheldAndStaysOpen() throws Exception {
		IProject project = UiSupport.project("export-dialog-errors");
		IFile file = UiSupport.file(project, "broken.report", UiSupport.example(UiSupport.EXAMPLE) + "\n这一行不是报告的语法\n");
		IDE.openEditor(UiSupport.page(), file);
		UiSupport.fillScreen();
		Path target = project.getLocation().toPath().resolve("broken.pdf");
		UiSupport.withDialog(shell -> ExportDialog.TITLE.equals(shell.getText()), dialog -> {
			UiSupport.press(UiSupport.button(dialog, IDialogConstants.OK_ID));
			assertFalse(dialog.isDisposed(), "the dialog stays open");
			String error = ((ExportDialog) dialog.getData()).getErrorMessage();
			assertTrue(error.startsWith("broken.report 有错误，未导出：第"), error);
			UiSupport.screenshot(dialog, "export-dialog-withheld.png");
			UiSupport.press(UiSupport.button(dialog, IDialogConstants.CANCEL_ID));
		}, () -> execute("report.dsl.ui.export", Map.of()));
		assertFalse(Files.exists(target));
	}

	@Test
	void theFontOfThePreferencePageIsTheOneExportEmbeds() throws Exception {
		Path notAFont = Files.writeString(Files.createTempFile("not-a-font", ".ttf"), "not a font");
		Path zenhei = Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");
		IProject project = UiSupport.project("export-preferences");
		IDocument document = UiSupport.document(IDE.openEditor(UiSupport.page(),
				UiSupport.file(project, UiSupport.EXAMPLE, UiSupport.example(UiSupport.EXAMPLE))));
		Path target = ReportExport.folder(document).orElseThrow().resolve("font.pdf");
		try {
			setFontInThePreferencePage(notAFont, "preferences.png");
			assertEquals(Optional.of(notAFont), ReportPreferences.font());
			ReportExport.Refused bad = assertThrows(ReportExport.Refused.class, () -> ReportExport.export(document, "pdf", target));
			assertEquals("无法导出为 pdf：字体文件「" + notAFont + "」不可用：需要含中文字形的 TrueType 或 OpenType 字体文件（.ttf、.otf 或 .ttc，如 "
					+ "simfang.ttf、NotoSerifCJK-Regular.ttc）", bad.getMessage());
			assertFalse(Files.exists(target));

			Files.delete(notAFont); // a font chosen once and removed since
			ReportExport.Refused gone = assertThrows(ReportExport.Refused.class, () -> ReportExport.export(document, "pdf", target));
			assertEquals("找不到字体文件：" + notAFont + "（见 Window › Preferences › report.dsl）", gone.getMessage());
			assertFalse(Files.exists(target));

			// the page opens saying the font is gone; a font typed in its place makes it valid again
			assertTrue(Files.isRegularFile(zenhei), "fonts-wqy-zenhei is installed (./test installs it)");
			setFontInThePreferencePage(zenhei, "preferences-zenhei.png");
			ReportExport.export(document, "pdf", target);
			Process fonts = new ProcessBuilder("pdffonts", target.toString()).redirectErrorStream(true).start();
			String embedded = new String(fonts.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertEquals(0, fonts.waitFor(), embedded);
			assertTrue(embedded.contains("WenQuanYi"), embedded);
			assertFalse(embedded.contains("UMing"), "the system's body font is not used: " + embedded);
		} finally {
			ReportPreferences.store().setValue(ReportPreferences.FONT, "");
		}
	}

	/** Window › Preferences › report.dsl: types the font file into the page and presses OK. */
	private static void setFontInThePreferencePage(Path font, String screenshot) throws Exception {
		UiSupport.withDialog(shell -> shell.getData() instanceof PreferenceDialog, shell -> {
			PreferenceDialog dialog = (PreferenceDialog) shell.getData();
			Composite page = (Composite) ((IPreferencePage) dialog.getSelectedPage()).getControl();
			assertTrue(dialog.getSelectedPage() instanceof ReportPreferencePage, "the page opened is report.dsl's");
			Text field = UiSupport.widget(page, ReportPreferences.FONT, Text.class);
			UiSupport.type(field, font.toString());
			UiSupport.screenshot(shell, screenshot);
			UiSupport.press(UiSupport.button(shell, IDialogConstants.OK_ID));
			assertTrue(shell.isDisposed(), "OK closes the preferences");
		}, () -> execute("org.eclipse.ui.window.preferences", Map.of("preferencePageId", ReportPreferencePage.ID)));
	}

	/** Runs a command as its menu item does, with the workbench's current state (active editor, shell). */
	private static void execute(String id, Map<String, String> parameters) {
		try {
			ICommandService commands = PlatformUI.getWorkbench().getService(ICommandService.class);
			IHandlerService handlers = PlatformUI.getWorkbench().getService(IHandlerService.class);
			handlers.executeCommand(ParameterizedCommand.generateCommand(commands.getCommand(id), parameters), null);
		} catch (Exception e) {
			throw new AssertionError("command " + id + ": " + e, e);
		}
	}
}
