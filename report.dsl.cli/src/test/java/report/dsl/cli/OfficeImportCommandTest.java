package report.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `report import` of Word, PDF and Excel files, as its own process: what it prints, exits with and writes. */
class OfficeImportCommandTest {

	private static final Path OFFICE = Path.of("..", "report.dsl.importer", "src", "test", "resources", "office");
	private static final Path SEEDS = Path.of("..", "report.dsl.importer", "src", "test", "resources", "seeds");
	private static final String SEED_003_TABLES = "格式 政府信息公开年报2021（按表A的列标题判断），表A 10/10格，表B 175/175格，表C 15/15格";

	@Test
	void aWordAndAPdfImportWithEveryCellAndNoLibraryLogging(@TempDir Path dir) throws Exception {
		ReportCliTest.Run run = ReportCliTest.runProcess("import", OFFICE.resolve("003.docx").toString(), OFFICE.resolve("003.pdf").toString(),
				"-o", dir.toString(), "--force");
		assertEquals(0, run.exit(), run.out() + run.err());
		assertTrue(run.out().contains("003.docx: " + SEED_003_TABLES), run.out());
		// LibreOffice's PDF prints no computed 总计 column: the rows read with one value fewer, the totals computed
		assertTrue(run.out().contains("003.pdf: 格式 政府信息公开年报2021（按表A的列标题判断），表A 10/10格"), run.out());
		assertEquals(2, messages(run).size(), run.err());
		assertTrue(Files.readString(dir.resolve("聊城经济技术开发区管理委员会2023.report")).matches("(?s).*行政许可:\\s+16770\n.*"));
	}

	@Test
	void aScannedPdfIsReportedInOneSentenceAndNotImported(@TempDir Path dir) throws Exception {
		ReportCliTest.Run run = ReportCliTest.runProcess("import", OFFICE.resolve("scanned.pdf").toString(), "-o", dir.toString());
		assertEquals(1, run.exit(), run.out() + run.err());
		assertEquals(OFFICE.resolve("scanned.pdf") + ": 是扫描件或图片，没有文字层（共1页），无法导入：本工具不做文字识别，请使用带文字的 PDF 或网页、Word 版本",
				String.join("\n", messages(run)));
		assertEmpty(dir);
	}

	@Test
	void aDamagedWordFileGetsOneMessageWithItsName(@TempDir Path dir) throws Exception {
		byte[] docx = Files.readAllBytes(OFFICE.resolve("000.docx"));
		Path damaged = Files.write(dir.resolve("damaged.docx"), java.util.Arrays.copyOf(docx, docx.length / 3));
		Path out = Files.createDirectory(dir.resolve("out"));
		ReportCliTest.Run run = ReportCliTest.runProcess("import", damaged.toString(), "-o", out.toString());
		assertEquals(1, run.exit(), run.out() + run.err());
		assertEquals(1, messages(run).size(), run.err());
		assertTrue(messages(run).get(0).startsWith(damaged + ": 无法读取（Office 文件已损坏或格式不对）"), run.err());
		assertEmpty(out);
	}

	@Test
	void aWorkbookFillsTheTablesOfAReportAndNothingElseChanges(@TempDir Path dir) throws Exception {
		assertEquals(0, ReportCliTest.run("import", SEEDS.resolve("003_a37446611c7cd14c.txt").toString(), "-o", dir.toString()).exit());
		Path report = dir.resolve("聊城经济技术开发区管理委员会2023.report");
		String imported = Files.readString(report);
		String empty = imported.replaceAll("表 ([ABC]) \\{[^}]*\\}", "表 $1 { }");
		Files.writeString(report, empty);
		ReportCliTest.Run run = ReportCliTest.runProcess("import", "--tables", OFFICE.resolve("003.xlsx").toString(), "--into", report.toString());
		assertEquals(0, run.exit(), run.out() + run.err());
		assertTrue(run.err().contains("中的表A、表B、表C填入 " + report), run.err());
		String filled = Files.readString(report);
		assertEquals(empty, filled.replaceAll("表 ([ABC]) \\{[^}]*\\}", "表 $1 { }"));
		assertTrue(filled.matches("(?s).*行政许可:\\s+16770\n.*"), filled);
		ReportCliTest.Run check = ReportCliTest.run("check", report.toString());
		assertFalse(check.out().contains("error"), check.out());
	}

	/** A workbook named as an input is read as a report of tables only: the captions stand for the parts' headings. */
	@Test
	void aWorkbookNamedAsAnInputImportsItsTablesWithWarningsForTheMetadataItLacks(@TempDir Path dir) throws Exception {
		ReportCliTest.Run run = ReportCliTest.run("import", OFFICE.resolve("003.xlsx").toString(), "-o", dir.toString());
		assertEquals(0, run.exit(), run.out() + run.err());
		assertTrue(run.out().contains("003.xlsx: " + SEED_003_TABLES), run.out());
		assertTrue(run.out().contains("warning: 标题、落款和导语中都找不到发布机关，暂写作「未知机关」，请改正"), run.out());
	}

	@Test
	void aWorkbookIntoAFileThatIsNoReportChangesNothing(@TempDir Path dir) throws Exception {
		Path notes = Files.writeString(dir.resolve("notes.report"), "// 空文件\n");
		ReportCliTest.Run run = ReportCliTest.run("import", "--tables", OFFICE.resolve("003.xlsx").toString(), "--into", notes.toString());
		assertEquals(1, run.exit(), run.out() + run.err());
		assertEquals(notes + ": 文件中没有报告，无从填入表格", run.err().strip());
		assertEquals("// 空文件\n", Files.readString(notes));
	}

	/** What the command printed on stderr, without the warnings of the JDK the tests run on (./report passes the option that silences them). */
	private static List<String> messages(ReportCliTest.Run run) {
		return run.err().lines().filter(l -> !l.startsWith("WARNING: ")).toList();
	}

	private static void assertEmpty(Path dir) throws IOException {
		try (Stream<Path> files = Files.list(dir)) {
			assertEquals(0, files.count());
		}
	}
}
