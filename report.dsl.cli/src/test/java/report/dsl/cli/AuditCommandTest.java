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
