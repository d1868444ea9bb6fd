package report.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import report.dsl.ReportStandaloneSetup;
import report.dsl.batch.ReportBuild;

/**
 * The published outputs of the examples (the five seeds and the county), byte for byte against the committed golden files,
 * valid against the published JSON Schema, and escaped whatever an author writes.
 * Refresh the golden files after an intended change with:
 * ./report build examples -o report.dsl.cli/src/test/resources/golden
 */
class PublishingTest {

	private static final Path EXAMPLES = Path.of("..", "examples");
	private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
	private static final Path SCHEMA = Path.of("..", "schema", "report-1.0.schema.json");

	@TempDir
	static Path built;

	@BeforeAll
	static void buildTheExamples() {
		Run run = Run.of("build", EXAMPLES.toString(), "-o", built.toString());
		assertEquals(0, run.exit(), run.out() + run.err());
	}

	@Test
	void everyExampleIsPublishedInEveryFormatExactlyAsTheGoldenFiles() throws IOException {
		List<Path> golden = list(GOLDEN);
		assertEquals(35, golden.size(), golden::toString);
		assertEquals(golden.stream().map(p -> GOLDEN.relativize(p).toString()).toList(),
				list(built).stream().map(p -> built.relativize(p).toString()).toList());
		for (Path expected : golden) {
			assertEquals(Files.readString(expected), Files.readString(built.resolve(GOLDEN.relativize(expected).toString())),
					() -> GOLDEN.relativize(expected) + " differs from its golden file; if the change is intended, run"
							+ " ./report build examples -o report.dsl.cli/src/test/resources/golden");
		}
	}

	@Test
	void theSameInputGivesByteIdenticalOutput(@TempDir Path again) throws IOException {
		assertEquals(0, Run.of("build", EXAMPLES.toString(), "-o", again.toString()).exit());
		for (Path file : list(built)) {
			assertEquals(-1L, Files.mismatch(file, again.resolve(built.relativize(file).toString())), file::toString);
		}
	}

	@Test
	void theJsonOfEveryExampleValidatesAgainstThePublishedSchema() throws IOException {
		JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
				.getSchema(Files.readString(SCHEMA));
		ObjectMapper mapper = new ObjectMapper();
		// a body's history (历年/) is data over the years, not one report's: described in the README
		for (Path json : list(built).stream().filter(p -> p.toString().endsWith(".json") && !built.relativize(p).startsWith("历年")).toList()) {
			Set<ValidationMessage> errors = schema.validate(mapper.readTree(json.toFile()));
			assertEquals(Set.of(), errors, json::toString);
		}
	}

	@Test
	void theJsonListsInequalitiesAndRulesAcrossFiguresAndTablesLikeTheEquations(@TempDir Path dir) throws IOException {
		Path source = dir.resolve("a13.report");
		Files.writeString(source, Files.readString(EXAMPLES.resolve("000-liaocheng-jiguanshiwu-2023.report"))
				.replaceFirst("(\t数值 门户网站公开信息[^\n]*\n)", "$1\t数值 主动公开规范性文件 = 0 件\n"));
		Path out = dir.resolve("out");
		Run run = Run.of("build", source.toString(), "-o", out.toString(), "--format", "json");
		assertEquals(0, run.exit(), run.out()); // warnings do not hold a report back
		JsonNode report = new ObjectMapper().readTree(out.resolve("a13.json").toFile());
		JsonNode rules = report.get("rules");
		JsonNode b12 = rules.get(7);
		assertEquals("B12", b12.get("code").asText());
		assertEquals("三.一 ≤ 一 + 二", b12.get("outcomes").get(0).get("equation").asText());
		JsonNode a13 = rules.get(8);
		assertEquals("A13", a13.get("code").asText());
		assertFalse(a13.has("table"), a13::toString);
		assertEquals("{\"scope\":\"report\",\"key\":\"\",\"equation\":\"主动公开规范性文件 ≥ A.行政规范性文件:本年制发件数\",\"left\":0,"
				+ "\"right\":1,\"holds\":false}", a13.get("outcomes").get(0).toString());
		Set<ValidationMessage> errors = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(Files.readString(SCHEMA))
				.validate(report);
		assertEquals(Set.of(), errors);
	}

	@Test
	void theJsonAddressesCellsByKeysAndMarksComputedTotals() throws IOException {
		JsonNode report = new ObjectMapper().readTree(built.resolve("003-liaocheng-kaifaqu-2023.json").toFile());
		JsonNode tableB = report.get("tables").get(1);
		assertEquals("B", tableB.get("key").asText());
		assertEquals(175, tableB.get("cells").size());
		JsonNode cell = tableB.get("cells").get(7 * 4);
		assertEquals("三.三.1", cell.get("row").asText());
		JsonNode shares = report.get("parts").get(0).get("content").get(2).get("content").get(0).get("bindings");
		assertTrue(shares.toString().contains("\"reference\":\"B.三.一 占 B.三.七 最大余数\""), shares::toString);
		assertTrue(report.get("rules").get(4).get("outcomes").isEmpty(), "B8 needs last year's report");
		assertFalse(report.get("rules").get(4).get("checked").asBoolean());
	}

	@Test
	void hostileTextIsEscapedInEveryFormat(@TempDir Path dir) throws IOException {
		Path source = dir.resolve("hostile.report");
		Files.writeString(source, Files.readString(Path.of("src", "test", "resources", "hostile.report")).replace("{BEL}", "\u0007"));
		Path out = dir.resolve("out");
		Run run = Run.of("build", source.toString(), "-o", out.toString());
		assertEquals(0, run.exit(), run.out() + run.err());

		String html = Files.readString(out.resolve("hostile.html"));
		Document document = Jsoup.parse(html);
		assertEquals(1, document.select("style").size());
		assertTrue(document.select("script, img, em, b, i").isEmpty(), document.body().html());
		assertTrue(document.text().contains("第一段</p></table><script>document.body.setAttribute('data-pwned','paragraph')</script>共收到申请3件。"));
		assertTrue(document.selectFirst("h2").text().equals("一、<em>总体</em>情况"));
		assertFalse(html.contains("\u0007"));

		String markdown = Files.readString(out.resolve("hostile.md"));
		assertFalse(markdown.contains("\u0007"));
		Node parsed = Parser.builder().extensions(List.of(TablesExtension.create())).build().parse(markdown);
		int[] cells = new int[1];
		parsed.accept(new AbstractVisitor() {
			@Override
			public void visit(CustomNode node) {
				if (node instanceof TableCell) {
					cells[0]++;
				}
				visitChildren(node);
			}
		});
		// only the generated tables — A's four blocks (12 + 4 + 6 + 4 cells), B (26 × 8), C (2 × 16): the author's pipes made none
		int expected = 12 + 4 + 6 + 4 + 26 * 8 + 2 * 16;
		assertEquals(expected, cells[0], markdown);

		JsonNode json = new ObjectMapper().readTree(out.resolve("hostile.json").toFile());
		assertEquals("<b>测试局</b> \"引号\" | 管道 & 符号", json.get("report").get("body").asText());
		assertEquals("导语<script>document.body.setAttribute('data-pwned','preamble')</script>结束",
				json.get("preamble").get("text").asText());
	}

	@Test
	void aReportWithErrorsIsNotPublishedButTheOthersAre(@TempDir Path dir) throws IOException {
		Path sources = dir.resolve("in");
		Files.createDirectories(sources.resolve("sub"));
		Files.copy(EXAMPLES.resolve("001-yantai-jiguanshiwu-2023.report"), sources.resolve("sub/good.report"));
		Files.writeString(sources.resolve("bad.report"), Files.readString(EXAMPLES.resolve("000-liaocheng-jiguanshiwu-2023.report"))
				.replaceFirst("四:\\s+1 0 0 0 0 0 1", "四: 0 0 0 0 0 0 0"));
		Path out = dir.resolve("out");
		Run run = Run.of("build", sources.toString(), "-o", out.toString());
		assertEquals(1, run.exit());
		assertTrue(run.out().contains("[B1]"), run.out());
		assertTrue(run.err().contains("bad.report 有错误，未生成"), run.err());
		assertEquals(List.of("sub/good.html", "sub/good.json", "sub/good.md"),
				list(out).stream().map(p -> out.relativize(p).toString()).toList());

		Run forced = Run.of("build", sources.toString(), "-o", out.toString(), "--force", "--format", "html");
		assertEquals(1, forced.exit());
		assertTrue(Files.exists(out.resolve("bad.html")));
		assertFalse(Files.exists(out.resolve("bad.md")));
	}

	@Test
	void nothingIsWrittenOutsideTheOutputDirectory(@TempDir Path dir) throws IOException {
		ReportBuild build = new ReportStandaloneSetup().createInjectorAndDoEMFRegistration().getInstance(ReportBuild.class);
		Path out = dir.resolve("out");
		Path source = EXAMPLES.resolve("001-yantai-jiguanshiwu-2023.report");
		List<ReportBuild.Source> escaping = List.of(new ReportBuild.Source(source, Path.of("..", "..", "escaped.report")));
		assertThrows(IOException.class, () -> build.build(escaping, out, Set.of("md", "html", "json"), Optional.empty(), false, n -> {
		}));
		try (Stream<Path> all = Files.walk(dir)) {
			assertEquals(List.of(), all.filter(p -> p.getFileName().toString().startsWith("escaped")).toList());
		}
	}

	@Test
	void anUnknownFormatIsAUsageError(@TempDir Path dir) {
		Run run = Run.of("build", EXAMPLES.toString(), "-o", dir.toString(), "--format", "rtf");
		assertEquals(2, run.exit());
		assertTrue(run.err().contains("未知的格式「rtf」"), run.err());
	}

	private static List<Path> list(Path dir) throws IOException {
		try (Stream<Path> files = Files.walk(dir)) {
			return files.filter(Files::isRegularFile).sorted().toList();
		}
	}

	record Run(int exit, String out, String err) {
		static Run of(String... args) {
			StringWriter out = new StringWriter();
			StringWriter err = new StringWriter();
			int exit = ReportCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
			return new Run(exit, out.toString(), err.toString());
		}
	}
}
