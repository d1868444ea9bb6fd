package report.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import report.dsl.cli.PublishingTest.Run;

/** The county example as `report build` publishes it: the summary's breakdown by department, and the county's history. */
class SummaryAndHistoryTest {

	private static final Path COUNTY = Path.of("..", "examples", "county");

	@Test
	void theSummaryShowsEachSummedTableByDepartmentAndListsItsParts(@TempDir Path out) throws IOException {
		Run run = Run.of("build", COUNTY.toString(), "-o", out.toString());
		assertEquals(0, run.exit(), run.out() + run.err());
		Document page = Jsoup.parse(out.resolve("heyang-county-2023.html").toFile());
		assertEquals(List.of("河阳县公安局", "河阳县教育和体育局", "河阳县自然资源局"),
				page.select("table.breakdown-B tbody th").eachText());
		assertEquals(List.of("14", "1", "14", "1"), page.select("table.breakdown-B tbody tr").get(0).select("td").eachText());
		assertEquals(List.of("合计", "53", "4", "53", "4"), page.select("table.breakdown-B tfoot tr").get(0).children().eachText());
		assertEquals(List.of("河阳县公安局：14件，占26%", "河阳县教育和体育局：9件，占17%", "河阳县自然资源局：30件，占57%"),
				page.select("figure.breakdown-chart").get(1).select("g > title").eachText());
		assertEquals(List.of("行政复议", "行政诉讼"), page.select("table.breakdown-C thead th:not(.corner)").eachText());
		JsonNode summary = new ObjectMapper().readTree(out.resolve("heyang-county-2023.json").toFile()).get("summary");
		assertEquals(List.of("heyang-gongan-2023.report", "heyang-jiaoyu-2023.report", "heyang-ziranziyuan-2023.report"),
				texts(summary.get("parts"), "file"));
		String markdown = Files.readString(out.resolve("heyang-county-2023.md"));
		assertTrue(markdown.contains("*表B按汇总的报告分列（单位：件）*\n\n|报告|本年新收政府信息公开申请数量|上年结转政府信息公开申请数量|本年度办理结果|结转下年度继续办理|\n"
				+ "|:---|---:|---:|---:|---:|\n|河阳县公安局|14|1|14|1|\n"), markdown);
		assertTrue(markdown.contains("|合计|53|4|53|4|"), markdown);
		// a department's own report has no breakdown
		assertTrue(Jsoup.parse(out.resolve("departments/heyang-gongan-2023.html").toFile()).select("table.breakdown").isEmpty());
	}

	@Test
	void aBodysYearsLinkedByLastYearsReportGetAHistoryPageAndItsSeries(@TempDir Path out) throws IOException {
		assertEquals(0, Run.of("build", COUNTY.toString(), "-o", out.toString()).exit());
		JsonNode history = new ObjectMapper().readTree(out.resolve("历年/河阳县人民政府办公室.json").toFile());
		assertEquals("[2021,2022,2023]", history.get("years").toString());
		assertEquals("[]", history.get("missingYears").toString());
		assertEquals("[33,42,53]", series(history, "B", "一").toString());
		assertEquals("[8,12,16]", series(history, "A", "行政规范性文件", "现行有效件数").toString());
		assertEquals("[2,4,4]", series(history, "C", "件数", "行政复议").toString());
		Document page = Jsoup.parse(out.resolve("历年/河阳县人民政府办公室.html").toFile());
		assertEquals(List.of("本年新收政府信息公开申请数量", "33", "42", "+9（+27.3%）", "53", "+11（+26.2%）"),
				page.select("table.history tr:has(th:containsOwn(本年新收政府信息公开申请数量))").get(0).children().eachText());
		assertEquals(6, page.select("svg polyline").size());
		// the departments have one year each: no history
		assertEquals(List.of("河阳县人民政府办公室.html", "河阳县人民政府办公室.json"), list(out.resolve("历年")));
	}

	@Test
	void aMissingYearIsWarnedAtLastYearsReportAndNamedOnTheHistoryPage(@TempDir Path dir) throws IOException {
		Path sources = Files.createDirectories(dir.resolve("sources"));
		Files.copy(COUNTY.resolve("heyang-county-2021.report"), sources.resolve("2021.report"));
		Files.writeString(sources.resolve("2023.report"), Files.readString(COUNTY.resolve("heyang-county-2022.report"))
				.replace("报告 河阳县2022", "报告 河阳县2023").replace("2022", "2023").replace("发布日期 2023-01-29", "发布日期 2024-01-29"));
		Run run = Run.of("build", sources.toString(), "-o", dir.resolve("out").toString());
		assertEquals(0, run.exit(), run.out() + run.err());
		assertTrue(run.out().contains("2023.report:11:7: warning: 上年报告「河阳县2021」是2021年度的，不是2022年度 [report.previous-report]"),
				run.out());
		JsonNode history = new ObjectMapper().readTree(dir.resolve("out/历年/河阳县人民政府办公室.json").toFile());
		assertEquals("[2022]", history.get("missingYears").toString());
		assertTrue(Files.readString(dir.resolve("out/历年/河阳县人民政府办公室.html")).contains("缺少2022年度的报告"));
	}

	private static JsonNode series(JsonNode history, String table, String row, String... column) {
		for (JsonNode series : history.get("series")) {
			if (series.get("table").asText().equals(table) && series.get("row").asText().equals(row)
					&& (column.length == 0 || series.get("column").asText().equals(column[0]))) {
				return series.get("values");
			}
		}
		throw new AssertionError("no series " + table + " " + row);
	}

	private static List<String> texts(JsonNode array, String field) {
		List<String> texts = new ArrayList<>();
		array.forEach(node -> texts.add(node.get(field).asText()));
		return texts;
	}

	private static List<String> list(Path dir) throws IOException {
		try (var files = Files.list(dir)) {
			return files.map(p -> p.getFileName().toString()).sorted().toList();
		}
	}
}
