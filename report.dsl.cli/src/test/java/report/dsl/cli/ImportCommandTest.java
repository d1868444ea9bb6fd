package report.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** `report import` end to end: the seeds, the files it writes as `format` and `check` see them, and a round trip. */
class ImportCommandTest {

	private static final Path SEEDS = Path.of("..", "report.dsl.importer", "src", "test", "resources", "seeds");

	@Test
	void theSeedsImportToFormattedFilesWhoseOnlyErrorIsSeed000sStatedMismatch(@TempDir Path dir) throws IOException {
		ReportCliTest.Run imported = ReportCliTest.run("import", SEEDS.toString(), "-o", dir.toString());
		assertEquals(0, imported.exit(), imported.out() + imported.err());
		assertTrue(imported.out().contains("003_a37446611c7cd14c.txt: 格式 政府信息公开年报2021（按表A的列标题判断），表A 10/10格，表B 175/175格，表C 15/15格"),
				imported.out());
		assertTrue(imported.out().contains("003_a37446611c7cd14c.txt:111:13: warning: 表B「三.三.7」行印有8个数值"), imported.out());
		assertTrue(imported.out().contains("003_a37446611c7cd14c.txt:126:15: warning: 表B「四」行印有6个数值"), imported.out());
		try (Stream<Path> files = Files.list(dir)) {
			assertEquals(5, files.count());
		}
		ReportCliTest.Run format = ReportCliTest.run("format", "--check", dir.toString());
		assertEquals(0, format.exit(), format.out());
		// the one error is seed 000's narrative: "共收到信息公开申请2件" where its Table B 一 says 3
		ReportCliTest.Run check = ReportCliTest.run("check", dir.toString());
		assertEquals(1, check.exit(), check.out());
		List<String> errors = check.out().lines().filter(l -> l.contains(": error: ")).toList();
		assertEquals(1, errors.size(), check.out());
		assertTrue(errors.get(0).matches(".*聊城市机关事务管理局2023\\.report:\\d+:\\d+: error: 文中写作 2，但表B 一（总计）为 3 \\[report.stated-mismatch\\]"),
				errors.get(0));
		// and it is seed 000's only finding: no literal-number hints on its counts of documents and proposals
		assertEquals(List.of(errors.get(0)), check.out().lines().filter(l -> l.contains("聊城市机关事务管理局2023.report")).toList(), check.out());
	}

	@Test
	void anExistingDifferentFileIsKeptUnlessForced(@TempDir Path dir) throws IOException {
		Path seed = SEEDS.resolve("002_494098ddfe450f28.txt");
		assertEquals(0, ReportCliTest.run("import", seed.toString(), "-o", dir.toString()).exit());
		Path written = dir.resolve("聊城市工业和信息化局2023.report");
		Files.writeString(written, "// 手工修改\n" + Files.readString(written));
		ReportCliTest.Run again = ReportCliTest.run("import", seed.toString(), "-o", dir.toString());
		assertEquals(1, again.exit());
		assertTrue(again.err().contains("已存在且内容不同，未覆盖"), again.err());
		assertTrue(Files.readString(written).startsWith("// 手工修改"));
		assertEquals(0, ReportCliTest.run("import", seed.toString(), "-o", dir.toString(), "--force").exit());
		assertTrue(!Files.readString(written).startsWith("// 手工修改"));
	}

	@Test
	void aUsersOwnTypeFromTypesIsUsedWhenNamed(@TempDir Path dir) throws IOException {
		Path fixtures = Path.of("..", "report.dsl.importer", "src", "test", "resources", "recogniser");
		ReportCliTest.Run run = ReportCliTest.run("import", fixtures.resolve("ledger.txt").toString(), "-o", dir.toString(), "--types",
				fixtures.resolve("ledger-type.report").toString(), "--type", "收支表");
		assertEquals(0, run.exit(), run.out() + run.err());
		assertTrue(run.out().contains("ledger.txt: 格式 收支表，表T 3/3格"), run.out());
		assertTrue(Files.readString(dir.resolve("某某协会2024.report")).matches("(?s).*支出:\\s+100\\n.*"));
	}

	@Test
	void aReportPublishedAsImagesIsNotImported(@TempDir Path dir) throws IOException {
		Path images = Path.of("..", "report.dsl.importer", "src", "test", "resources", "html", "published-as-images.txt");
		ReportCliTest.Run run = ReportCliTest.run("import", images.toString(), "-o", dir.toString());
		assertEquals(1, run.exit(), run.out() + run.err());
		assertTrue(run.out().contains("published-as-images.txt:7:1: warning: 表B只有标题没有数值（报告可能以图片发布），不能当作全为0读入"), run.out());
		try (Stream<Path> files = Files.list(dir)) {
			assertEquals(0, files.count());
		}
	}

	@Test
	void previousLinksLastYearsReportOfTheSameBody(@TempDir Path dir) throws IOException {
		Path lastYear = dir.resolve("2022");
		Path text2022 = dir.resolve("gongxin-2022.txt");
		Files.writeString(text2022, Files.readString(SEEDS.resolve("002_494098ddfe450f28.txt"))
				.replaceFirst("2023年政府信息公开工作年度报告", "2022年政府信息公开工作年度报告"));
		assertEquals(0, ReportCliTest.run("import", text2022.toString(), "-o", lastYear.toString()).exit());
		Path thisYear = dir.resolve("2023");
		ReportCliTest.Run run = ReportCliTest.run("import", SEEDS.resolve("002_494098ddfe450f28.txt").toString(), "-o", thisYear.toString(),
				"--previous", lastYear.toString());
		assertEquals(0, run.exit(), run.out() + run.err());
		assertTrue(Files.readString(thisYear.resolve("聊城市工业和信息化局2023.report")).contains("上年报告 聊城市工业和信息化局2022"));
		ReportCliTest.Run check = ReportCliTest.run("check", lastYear.toString(), thisYear.toString());
		assertTrue(check.out().contains("[A9]"), check.out());
	}

	@Test
	void aTextThatIsNoReportIsNotImportedAndSaysWhy(@TempDir Path dir) throws IOException {
		Path notes = Files.writeString(dir.resolve("notes.txt"), "会议纪要\n");
		ReportCliTest.Run run = ReportCliTest.run("import", notes.toString(), "-o", dir.resolve("out").toString());
		assertEquals(1, run.exit(), run.out() + run.err());
		assertTrue(run.out().matches("(?s).*notes\\.txt:1:1: warning: 找不到报告格式「[^」]+」的任何部分标题.*"), run.out());
		assertTrue(run.err().contains("未导入") && !run.err().contains("内部错误"), run.err());
	}

	@Test
	void anUnknownTypeIsAUsageError(@TempDir Path dir) {
		ReportCliTest.Run run = ReportCliTest.run("import", SEEDS.toString(), "-o", dir.toString(), "--type", "没有这种格式");
		assertEquals(2, run.exit());
		assertTrue(run.err().contains("没有名为「没有这种格式」的报告格式"), run.err());
	}

	@Test
	void aMissingInputIsAUsageError(@TempDir Path dir) {
		ReportCliTest.Run run = ReportCliTest.run("import", dir.resolve("none.txt").toString(), "-o", dir.toString());
		assertEquals(2, run.exit());
		assertTrue(run.err().contains("找不到文件或目录"), run.err());
	}

	/**
	 * The round trip: every example published by {@code report build} as a web page, Markdown, Word or PDF imports to the
	 * same tables, date of issue and narrative (the numbers it shows, paragraph by paragraph: a PDF's lines joined by
	 * their positions, its tables' header lines and the chart's caption left out) and the same bound numbers: each
	 * number the example binds to a table value comes back bound to it, stated as printed.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "html", "md", "docx", "pdf" })
	void examplesBuiltAndImportedGiveTheSameTablesAndBoundNumbers(String format, @TempDir Path dir) throws IOException {
		Path published = dir.resolve("published");
		Path imported = dir.resolve("imported");
		Path rebuilt = dir.resolve("rebuilt");
		// the five examples, compared below by issuing body (the county's three years share one)
		List<String> build = new ArrayList<>(List.of("build", "-o", published.toString(), "--format", format + ",json"));
		try (Stream<Path> examples = Files.list(Path.of("..", "examples"))) {
			examples.filter(p -> p.toString().endsWith(".report")).sorted().forEach(p -> build.add(p.toString()));
		}
		assertEquals(0, ReportCliTest.run(build.toArray(String[]::new)).exit());
		ReportCliTest.Run importing = ReportCliTest.run("import", published.toString(), "-o", imported.toString());
		assertEquals(0, importing.exit(), importing.out() + importing.err());
		List<String> warnings = importing.out().lines().filter(l -> l.contains(": warning: ")).toList();
		assertEquals(List.of(), warnings, importing.out());
		ReportCliTest.Run check = ReportCliTest.run("check", imported.toString());
		assertEquals(0, check.exit(), check.out());
		assertEquals("", check.out(), "the imported reports balance as the examples do");
		ReportCliTest.Run building = ReportCliTest.run("build", imported.toString(), "-o", rebuilt.toString(), "--format", "json");
		assertEquals(0, building.exit(), building.out() + building.err());
		Map<String, JsonObject> byBody = new HashMap<>();
		for (Path json : jsonFiles(rebuilt)) {
			JsonObject report = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
			byBody.put(body(report), report);
		}
		List<Path> examples = jsonFiles(published);
		assertEquals(5, examples.size());
		int tableBindings = 0;
		for (Path json : examples) {
			JsonObject expected = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
			JsonObject actual = byBody.get(body(expected));
			assertTrue(actual != null, "no import of " + body(expected) + " among " + byBody.keySet());
			assertEquals(cells(expected), cells(actual), json.toString());
			assertEquals(expected.getAsJsonObject("report").get("issued"), actual.getAsJsonObject("report").get("issued"), json.toString());
			List<JsonObject> expectedParagraphs = paragraphs(expected);
			List<JsonObject> actualParagraphs = paragraphs(actual);
			assertEquals(expectedParagraphs.stream().map(p -> p.get("text").getAsString()).toList(),
					actualParagraphs.stream().map(p -> p.get("text").getAsString()).toList(), json.toString());
			for (int i = 0; i < expectedParagraphs.size(); i++) {
				List<String> bound = tableBindings(expectedParagraphs.get(i));
				tableBindings += bound.size();
				assertEquals(bound, tableBindings(actualParagraphs.get(i)), json + ": " + expectedParagraphs.get(i).get("text"));
			}
		}
		assertEquals(26, tableBindings, "the examples' narratives bind this many numbers to table values");
	}

	/** Every paragraph of the narrative, in order, sub-sections' included. */
	private static List<JsonObject> paragraphs(JsonObject report) {
		List<JsonObject> paragraphs = new ArrayList<>();
		for (JsonElement part : report.getAsJsonArray("parts")) {
			paragraphs(part.getAsJsonObject().getAsJsonArray("content"), paragraphs);
		}
		return paragraphs;
	}

	private static void paragraphs(JsonArray content, List<JsonObject> paragraphs) {
		for (JsonElement element : content) {
			JsonObject item = element.getAsJsonObject();
			if (item.get("type").getAsString().equals("paragraph")) {
				paragraphs.add(item);
			} else if (item.has("content")) {
				paragraphs(item.getAsJsonArray("content"), paragraphs);
			}
		}
	}

	/** The bindings of a paragraph to table values (not the report's own figures) as where = reference (value). */
	private static List<String> tableBindings(JsonObject paragraph) {
		List<String> bindings = new ArrayList<>();
		for (JsonElement element : paragraph.getAsJsonArray("bindings")) {
			JsonObject binding = element.getAsJsonObject();
			if (binding.get("description").getAsString().startsWith("表")) {
				String reference = binding.get("reference").getAsString().replaceFirst(" = [-\\d.]+$", "");
				bindings.add(binding.get("offset").getAsInt() + " = " + reference + " (" + binding.get("value").getAsString() + ")");
			}
		}
		return bindings;
	}

	static List<Path> jsonFiles(Path dir) throws IOException {
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
		}
	}

	static String body(JsonObject report) {
		return report.getAsJsonObject("report").get("body").getAsString() + report.getAsJsonObject("report").get("year").getAsString();
	}

	/** Every cell of every table as table, row, column = value. */
	static Map<String, String> cells(JsonObject report) {
		Map<String, String> cells = new HashMap<>();
		for (JsonElement table : report.getAsJsonArray("tables")) {
			String key = table.getAsJsonObject().get("key").getAsString();
			for (JsonElement cell : table.getAsJsonObject().getAsJsonArray("cells")) {
				JsonObject c = cell.getAsJsonObject();
				cells.put(key + " " + c.get("row").getAsString() + " " + c.get("column").getAsString(), c.get("value").getAsString());
			}
		}
		return cells;
	}
}
