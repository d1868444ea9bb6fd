package report.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** `report audit` over the seeds and last year's report of one body: the findings table in its three forms. */
class AuditCommandTest {

	private static final Path SEEDS = Path.of("..", "report.dsl.importer", "src", "test", "resources", "seeds");

	@Test
	void theSeedsAreAuditedWithLastYearsReportLinked(@TempDir Path dir) throws IOException {
		Path published = dir.resolve("published");
		Files.createDirectories(published);
		try (Stream<Path> seeds = Files.list(SEEDS)) {
			for (Path seed : seeds.toList()) {
				Files.copy(seed, published.resolve(seed.getFileName()));
			}
		}
		// the same body's report of the year before: its 现行有效 9 makes this year's 9 + 1 − 3 = 7 fail rule A9
		Files.writeString(published.resolve("gongxin-2022.txt"),
				Files.readString(SEEDS.resolve("002_494098ddfe450f28.txt")).replaceFirst("2023年政府信息公开工作年度报告", "2022年政府信息公开工作年度报告"));
		Path out = dir.resolve("audit");
		ReportCliTest.Run run = ReportCliTest.run("audit", published.toString(), "-o", out.toString());
		assertEquals(0, run.exit(), run.out() + run.err());

		List<String> csv = Files.readAllLines(out.resolve("audit.csv"));
		assertEquals(7, csv.size(), csv.toString());
		assertEquals(String.join(",", AuditCommand.COLUMNS), csv.get(0));

		JsonArray reports = JsonParser.parseString(Files.readString(out.resolve("audit.json"))).getAsJsonObject().getAsJsonArray("reports");
		assertEquals(6, reports.size());
		assertEquals(List.of("report.stated-mismatch"), codes(report(reports, "聊城市机关事务管理局", 2023), "error"));
		assertTrue(codes(report(reports, "聊城市工业和信息化局", 2023), "warning").contains("A9"), reports.toString());
		assertTrue(Files.readString(out.resolve("聊城市工业和信息化局2023.report")).contains("上年报告 聊城市工业和信息化局2022"));

		Document html = Jsoup.parse(out.resolve("audit.html").toFile());
		assertEquals(AuditCommand.COLUMNS, html.select("th").eachText());
		assertEquals(6, html.select("tbody tr").size());
	}

	@Test
	void withSummaryTheRegionsReportIsCheckedAgainstTheSumOfItsDepartments(@TempDir Path dir) throws IOException {
		// the county's 2023 summary and departments, published as HTML; one department publishes 13 where it had 12
		Path sources = Files.createDirectories(dir.resolve("sources/departments"));
		Path county = Path.of("..", "examples", "county");
		Files.writeString(dir.resolve("sources/county.report"), Files.readString(county.resolve("heyang-county-2023.report"))
				.replace("\t上年报告 河阳县2022\n", ""));
		try (Stream<Path> departments = Files.list(county.resolve("departments"))) {
			for (Path department : departments.toList()) {
				Files.copy(department, sources.resolve(department.getFileName()));
			}
		}
		Path police = sources.resolve("heyang-gongan-2023.report");
		Files.writeString(police, Files.readString(police).replace("一:      12 2 0 0 0 0", "一:      13 2 0 0 0 0"));
		Path published = dir.resolve("published");
		assertEquals(1, ReportCliTest.run("build", dir.resolve("sources").toString(), "-o", published.toString(), "--format", "html",
				"--force").exit());
		Path out = dir.resolve("audit");
		ReportCliTest.Run run = ReportCliTest.run("audit", published.toString(), "-o", out.toString(), "--summary", "河阳县人民政府办公室");
		assertEquals(0, run.exit(), run.out() + run.err());
		JsonArray reports = JsonParser.parseString(Files.readString(out.resolve("audit.json"))).getAsJsonObject().getAsJsonArray("reports");
		// as published, the totals are printed too: 自然人 and 总计 of 一 each differ from their departments' sum
		assertEquals(List.of("report.aggregate-mismatch", "report.aggregate-mismatch"), codes(report(reports, "河阳县人民政府办公室", 2023), "error"));
		assertTrue(codes(report(reports, "河阳县公安局", 2023), "error").contains("B1"), reports.toString());
		// without --summary, nothing is summed
		Path plain = dir.resolve("plain");
		assertEquals(0, ReportCliTest.run("audit", published.toString(), "-o", plain.toString()).exit());
		JsonArray unsummed = JsonParser.parseString(Files.readString(plain.resolve("audit.json"))).getAsJsonObject().getAsJsonArray("reports");
		assertEquals(List.of(), codes(report(unsummed, "河阳县人民政府办公室", 2023), "error"));
	}

	/** The imports are checked set by set; a report already in the output folder is still linked against. */
	@Test
	void aReportAlreadyInTheOutputFolderIsCheckedWithTheImports(@TempDir Path dir) throws IOException {
		Path published = Files.createDirectories(dir.resolve("published"));
		Files.copy(SEEDS.resolve("002_494098ddfe450f28.txt"), published.resolve("002.txt"));
		Path out = Files.createDirectories(dir.resolve("audit"));
		try (Stream<Path> examples = Files.list(Path.of("..", "examples"))) {
			Path example = examples.filter(f -> f.getFileName().toString().startsWith("002-")).findFirst().orElseThrow();
			Files.copy(example, out.resolve("transcribed.report"));
		}
		assertEquals(0, ReportCliTest.run("audit", published.toString(), "-o", out.toString()).exit());
		JsonArray reports = JsonParser.parseString(Files.readString(out.resolve("audit.json"))).getAsJsonObject().getAsJsonArray("reports");
		assertEquals(List.of("report.duplicate-name"), codes(report(reports, "聊城市工业和信息化局", 2023), "error"));
	}

	private static JsonObject report(JsonArray reports, String body, int year) {
		for (JsonElement report : reports) {
			JsonObject r = report.getAsJsonObject();
			if (r.get("body").getAsString().equals(body) && r.get("year").getAsInt() == year) {
				return r;
			}
		}
		throw new AssertionError("no " + body + year + " in " + reports);
	}

	private static List<String> codes(JsonObject report, String severity) {
		return report.getAsJsonArray("findings").asList().stream().map(JsonElement::getAsJsonObject)
				.filter(f -> f.get("severity").getAsString().equals(severity)).map(f -> f.get("code").getAsString()).toList();
	}
}
