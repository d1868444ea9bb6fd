package report.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** The command line as a CI system or an editor sees it: exit codes and the javac/gcc diagnostic format. */
class ReportCliTest {

	private static final Path EXAMPLES = Path.of("..", "examples");

	record Run(int exit, String out, String err) {
	}

	static Run run(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int exit = ReportCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
		return new Run(exit, out.toString(), err.toString());
	}

	/** The command line as its own process, as users run it: its own stdout and stderr, the logging it is shipped with. */
	static Run runProcess(String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), ReportCli.class.getName()));
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).start();
		process.getOutputStream().close();
		CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> {
			try {
				return process.getErrorStream().readAllBytes();
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		});
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		int exit = process.waitFor();
		return new Run(exit, out, new String(err.join(), StandardCharsets.UTF_8));
	}

	@Test
	void theExamplesCheckCleanWithExitZero() {
		Run run = run("check", EXAMPLES.toString());
		assertEquals(0, run.exit(), run.out() + run.err());
		assertEquals("", run.out());
		assertTrue(run.err().contains("检查了11个文件：0个错误，0个警告"), run.err());
	}

	@Test
	void errorsArePrintedAsPathLineColumnSeverityMessageCodeAndExitOne(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("bad.report");
		Files.writeString(file, Files.readString(EXAMPLES.resolve("000-liaocheng-jiguanshiwu-2023.report"))
				.replaceFirst("四:\\s+1 0 0 0 0 0 1", "四: 0 0 0 0 0 0 0"));
		Run run = run("check", file.toString());
		assertEquals(1, run.exit());
		List<String> lines = run.out().lines().toList();
		assertEquals(2, lines.size(), run.out());
		assertTrue(lines.get(0).matches(Pattern.quote(file.toString())
				+ ":\\d+:\\d+: error: 违反规则B1（.*）：表B「自然人」列 .*相差 1 \\[B1\\]"), lines.get(0));
	}

	@Test
	void warningsAloneExitZero(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("heading.report");
		Files.writeString(file, Files.readString(EXAMPLES.resolve("004-yeji-jiguanshiwu-2023.report"))
				.replace("部分 五 {", "部分 五 \"5、 存在的主要问题及改进情况\" {"));
		Run run = run("check", file.toString());
		assertEquals(0, run.exit(), run.out());
		assertTrue(run.out().contains(": warning: 标题编号应为「五、」，与报告格式一致 [report.heading-number]"), run.out());
	}

	@Test
	void aLateReportAndAFailingInequalityAreWarningsWithTheirPlaces(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("late.report");
		Files.writeString(file, Files.readString(EXAMPLES.resolve("000-liaocheng-jiguanshiwu-2023.report"))
				.replace("发布日期 2024-01-18", "发布日期 2024-03-15")
				.replaceFirst("(\t数值 门户网站公开信息[^\n]*\n)", "$1\t数值 主动公开规范性文件 = 0 件\n"));
		Run run = run("check", file.toString());
		assertEquals(0, run.exit(), run.out());
		List<String> lines = run.out().lines().toList();
		assertEquals(2, lines.size(), run.out());
		assertTrue(lines.get(0).matches(Pattern.quote(file.toString()) + ":19:7: warning: 发布日期2024-03-15晚于发布期限2024-01-31（.*）"
				+ " \\[report.late-issue\\]"), lines.get(0));
		assertTrue(lines.get(1).matches(Pattern.quote(file.toString()) + ":24:17: warning: 违反规则A13（.*）：主动公开规范性文件（0） = 0，"
				+ "应不小于 A.行政规范性文件:本年制发件数（1） = 1，少 1 \\[A13\\]"), lines.get(1));
	}

	@Test
	void syntaxErrorsAreDiagnosticsNotStackTraces(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("broken.report");
		Files.writeString(file, "报告 x 遵循 政府信息公开年报2021 {\n  部分 一 { \"未结束 }\n");
		Run run = run("check", file.toString());
		assertEquals(1, run.exit());
		assertTrue(run.out().lines().allMatch(l -> l.startsWith(file + ":")), run.out());
		assertTrue(!run.out().contains("Exception") && !run.err().contains("Exception"), run.out() + run.err());
	}

	@Test
	void jsonFormatCarriesPositionsCodesAndData() throws IOException {
		Path published = Path.of("..", "report.dsl.tests", "resources", "000-as-published.report");
		int statedLine = Files.readAllLines(published).stream().takeWhile(l -> !l.contains("[B.一 = 2]")).toList().size() + 1;
		Run run = run("check", "--format", "json", published.toString());
		assertEquals(1, run.exit());
		JsonObject root = JsonParser.parseString(run.out()).getAsJsonObject();
		assertEquals(1, root.get("errors").getAsInt());
		JsonObject diagnostic = root.getAsJsonArray("diagnostics").get(0).getAsJsonObject();
		assertEquals("report.stated-mismatch", diagnostic.get("code").getAsString());
		assertEquals(statedLine, diagnostic.get("line").getAsInt());
		assertEquals("3", diagnostic.getAsJsonArray("data").get(0).getAsString());
	}

	@Test
	void aMissingFileIsAUsageError() {
		Run run = run("check", "no/such/file.report");
		assertEquals(2, run.exit());
		assertEquals("report: 找不到文件或目录：no/such/file.report", run.err().strip());
	}

	@Test
	void noArgumentsOrUnknownOptionsAreUsageErrors() {
		assertEquals(2, run().exit());
		assertEquals(2, run("check").exit());
		assertEquals(2, run("check", "--colour", EXAMPLES.toString()).exit());
		assertEquals(2, run("frobnicate").exit());
	}

	@Test
	void lastYearsReportResolvesWhenBothAreGiven(@TempDir Path dir) throws IOException {
		String thisYear = Files.readString(EXAMPLES.resolve("001-yantai-jiguanshiwu-2023.report"));
		String lastYear = thisYear.replace("报告 烟台市机关事务管理局2023", "报告 烟台市机关事务管理局2022").replace("年度 2023", "年度 2022")
				.replace("2023-01-01 至 2023-12-31", "2022-01-01 至 2022-12-31").replace("发布日期 2024-01-31", "发布日期 2023-01-31")
				.replaceFirst("表 B \\{[^}]*}", "表 B {\n\t\t\t一: 1 0 0 0 0 0 1\n\t\t\t四: 1 0 0 0 0 0 1\n\t\t}");
		Files.writeString(dir.resolve("2022.report"), lastYear);
		Files.writeString(dir.resolve("2023.report"), thisYear.replace("年度 2023", "上年报告 烟台市机关事务管理局2022\n\t年度 2023"));
		Run run = run("check", dir.toString());
		assertEquals(1, run.exit(), run.out() + run.err());
		assertTrue(run.out().lines().allMatch(l -> l.contains("2023.report") && l.endsWith("[B8]")), run.out());
	}

	@Test
	void formatRewritesFilesInPlaceAndCheckListsTheUnformatted(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("ragged.report");
		String formatted = Files.readString(EXAMPLES.resolve("002-liaocheng-gongxin-2023.report"));
		Files.writeString(file, formatted.replaceAll("(?m)^\\t+", "").replaceAll("(?m)^([^\\s:]+):\\s+(?=\\d)", "$1: "));
		Run check = run("format", "--check", file.toString());
		assertEquals(1, check.exit());
		assertTrue(check.out().startsWith(file + ": 未按格式排版"), check.out());
		assertEquals(0, run("format", file.toString()).exit());
		assertEquals(formatted, Files.readString(file));
		assertEquals(0, run("format", "--check", file.toString()).exit());
	}

	@Test
	void aFileWithCarriageReturnLineEndsShowsItsSyntaxErrors(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("old-mac.report");
		Files.writeString(file, "报告 x\r");
		Run run = runProcess("check", file.toString());
		assertEquals(1, run.exit(), run.out() + run.err());
		assertEquals(file + ":1:5: error: 此处应为「遵循」，却是文件结尾 [org.eclipse.xtext.diagnostics.Diagnostic.Syntax]", run.out().strip());
		assertTrue(run.err().contains("1个错误") && !run.err().contains("Exception"), run.err());
	}

	@Test
	void aGbkFileIsOneErrorAndFormatLeavesItsBytesAlone(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("gbk.report");
		byte[] gbk = Files.readString(EXAMPLES.resolve("002-liaocheng-gongxin-2023.report")).getBytes(Charset.forName("GBK"));
		Files.write(file, gbk);
		Run check = runProcess("check", file.toString());
		assertEquals(1, check.exit());
		assertEquals(1, check.out().lines().count(), check.out());
		assertTrue(check.out().matches("(?s)" + Pattern.quote(file.toString())
				+ ":\\d+:\\d+: error: 文件不是UTF-8编码（看来是GBK编码）.*\\[report.encoding\\]\\s*"), check.out());
		assertEquals(1, runProcess("format", file.toString()).exit());
		assertTrue(Arrays.equals(gbk, Files.readAllBytes(file)));
	}

	@Test
	void aByteOrderMarkIsAcceptedAndKept(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("bom.report");
		String example = Files.readString(EXAMPLES.resolve("002-liaocheng-gongxin-2023.report"));
		Files.writeString(file, "\uFEFF" + example.replaceAll("(?m)^\\t+", ""));
		assertEquals(0, run("check", file.toString()).exit());
		assertEquals(0, run("format", file.toString()).exit());
		assertEquals("\uFEFF" + example, Files.readString(file));
	}

	@Test
	void formatKeepsWindowsLineEnds(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("crlf.report");
		String example = Files.readString(EXAMPLES.resolve("002-liaocheng-gongxin-2023.report"));
		Files.writeString(file, example.replaceAll("(?m)^\\t+", "").replace("\n", "\r\n"));
		assertEquals(0, run("format", file.toString()).exit());
		assertEquals(example.replace("\n", "\r\n"), Files.readString(file));
	}

	@Test
	void formatLeavesAFileWithSyntaxErrorsAlone(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("broken.report");
		String broken = "报告 x 遵循 政府信息公开年报2021 {\n部分 一 {\n";
		Files.writeString(file, broken);
		Run run = run("format", file.toString());
		assertEquals(1, run.exit());
		assertTrue(run.out().contains(": error: "), run.out());
		assertEquals(broken, Files.readString(file));
		try (var listing = Files.list(dir)) {
			assertEquals(1, listing.count());
		}
	}
}
