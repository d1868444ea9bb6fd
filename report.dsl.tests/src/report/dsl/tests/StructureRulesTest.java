package report.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;
import com.google.inject.Provider;

import report.dsl.report.ReportFile;
import report.dsl.validation.IssueCodes;

/** Rule 7 and the shape of a report. */
@ExtendWith(InjectionExtension.class)
@InjectWith(ReportInjectorProvider.class)
class StructureRulesTest extends ReportTestSupport {

	@Inject
	private Provider<ResourceSet> resourceSets;

	@Test
	void aPartTableRowOrColumnNamedTwiceInAReportTypeIsAnErrorAtTheSecond() throws Exception {
		ReportFile file = parse("""
				报告类型 收支表 "收支" {
					部分 一 "一、收支"
					部分 一 "一、收支again"
					表 T "收支" 属于 一 { 列 金额 "金额" 列 金额 "金额" 行 收入 "收入" { 行 甲 "甲" 行 甲 "甲" } 行 收入 "收入" }
					表 T "收支" { 列 金额 "金额" 行 收入 "收入" }
				}
				""");
		List<Issue> issues = assertCodes(file, IssueCodes.DUPLICATE_MEMBER, IssueCodes.DUPLICATE_MEMBER,
				IssueCodes.DUPLICATE_MEMBER, IssueCodes.DUPLICATE_MEMBER, IssueCodes.DUPLICATE_MEMBER);
		assertEquals(List.of("列「金额」在表T中重复定义", "行「收入.甲」在表T中重复定义", "行「收入」在表T中重复定义",
				"表「T」在报告类型收支表中重复定义", "部分「一」在报告类型收支表中重复定义"),
				issues.stream().map(Issue::getMessage).sorted().toList());
		assertEquals(3, line(issues.stream().filter(i -> i.getMessage().startsWith("部分")).findFirst().orElseThrow()));
	}

	@Test
	void aRequiredPartMissingIsAnErrorOnTheReportName() throws Exception {
		ReportFile file = parse(Reports.balanced().withoutPart("五").text());
		Issue issue = single(file, IssueCodes.MISSING_PART);
		assertEquals("测试局2023", marked(file, issue));
		assertTrue(issue.getMessage().contains("五、存在的主要问题及改进情况"), issue.getMessage());
	}

	@Test
	void aMissingMetadataLineIsOneErrorNamingIt() throws Exception {
		ReportFile file = parse(Reports.balanced().withoutMeta("发布日期").text());
		Issue issue = single(file, IssueCodes.MISSING_METADATA);
		assertEquals("缺少「发布日期」：每份报告都要写明发布机关、年度、统计期限、发布日期", issue.getMessage());
		assertEquals("测试局2023", marked(file, issue));
	}

	@Test
	void withoutTheYearThePeriodAndLastYearsReportAreNotJudgedAgainstIt() throws Exception {
		ResourceSet set = resourceSets.get();
		parse(Reports.balanced().named("测试局2022").meta("年度", "2022").meta("统计期限", "2022-01-01 至 2022-12-31")
				.meta("发布日期", "2023-01-18").tableB("一: 3 0 0 0 0 0 3\n三.一: 3 0 0 0 0 0 3\n三.七: 3 0 0 0 0 0 3").text(), set);
		ReportFile file = parse(Reports.balanced().withoutMeta("年度").withoutMeta("发布机关").previous("测试局2022").text(), set);
		assertEquals(List.of("发布机关", "年度"), List.of(single(file, IssueCodes.MISSING_METADATA).getData()));
	}

	@Test
	void metadataMayHaveAColonAsFormsPrintIt() throws Exception {
		assertCodes(parse(Reports.balanced().meta("年度", ": 2023").meta("发布机关", "：\"测试局\"").text()));
	}

	@Test
	void partsComeInTheOrderOfTheFormat() throws Exception {
		ReportFile file = parse(Reports.balanced().withoutPart("五").part("五", "\"无。\"").withoutPart("六")
				.part("六", "\"无。\"").withoutPart("四").part("四", "表 C { }").text());
		assertEquals("四", marked(file, single(file, IssueCodes.PART_ORDER)));
	}

	@Test
	void aPartGivenTwiceIsAnError() throws Exception {
		ReportFile file = parse(Reports.balanced().part("六", "\"无。\"\n\t}\n\t部分 六 {\n\t\t\"又一次。\"").text());
		single(file, IssueCodes.DUPLICATE_PART);
	}

	@Test
	void aHeadingKeepsTheFormatsNumbering() throws Exception {
		ReportFile file = parse(Reports.balanced().withoutPart("五").withoutPart("六")
				.part("五 \"5、 存在的主要问题及改进情况\"", "\"无。\"").part("六", "\"无。\"").text());
		Issue issue = single(file, IssueCodes.HEADING_NUMBER);
		assertEquals(Severity.WARNING, issue.getSeverity());
		assertEquals("\"5、 存在的主要问题及改进情况\"", marked(file, issue));
	}

	@Test
	void everyTableOfTheFormatIsThere() throws Exception {
		ReportFile file = parse(Reports.balanced().part("四", "\"未发生行政复议、行政诉讼。\"").text());
		Issue issue = single(file, IssueCodes.MISSING_TABLE);
		assertTrue(issue.getMessage().contains("缺少表C"), issue.getMessage());
	}

	@Test
	void aTableIsGivenOnce() throws Exception {
		ReportFile file = parse(Reports.balanced().part("五", "表 C { }").text());
		Issue issue = assertCodes(file, IssueCodes.DUPLICATE_TABLE, IssueCodes.TABLE_PLACEMENT).stream()
				.filter(i -> i.getCode().equals(IssueCodes.DUPLICATE_TABLE)).findFirst().orElseThrow();
		assertEquals("C", marked(file, issue));
	}

	@Test
	void aTableBelongsInItsPart() throws Exception {
		ReportFile file = parse(Reports.balanced().part("四", "\"见下。\"").part("五", "表 C { }").text());
		assertEquals(Severity.WARNING, single(file, IssueCodes.TABLE_PLACEMENT).getSeverity());
	}

	@Test
	void theStatisticalPeriodIsTheReportsYear() throws Exception {
		ReportFile file = parse(Reports.balanced().meta("统计期限", "2023-01-01 至 2023-06-30").text());
		assertEquals("2023-06-30", marked(file, single(file, IssueCodes.PERIOD_YEAR)));
	}

	@Test
	void theReportIsIssuedAfterThePeriod() throws Exception {
		ReportFile file = parse(Reports.balanced().meta("发布日期", "2023-12-31").text());
		assertEquals("2023-12-31", marked(file, single(file, IssueCodes.ISSUE_DATE)));
	}

	@Test
	void aDateMustExist() throws Exception {
		ReportFile file = parse(Reports.balanced().meta("发布日期", "2024-02-30").text());
		assertEquals("2024-02-30", marked(file, single(file, IssueCodes.INVALID_DATE)));
	}

	@Test
	void lastYearsReportIsOfTheYearBefore() throws Exception {
		ResourceSet resourceSet = resourceSets.get();
		parse(Reports.balanced().named("测试局2021").meta("年度", "2021").meta("统计期限", "2021-01-01 至 2021-12-31")
				.meta("发布日期", "2022-01-20").tableB("一: 2 0 0 0 0 0 2\n三.一: 2 0 0 0 0 0 2\n三.七: 2 0 0 0 0 0 2").text(),
				resourceSet);
		ReportFile file = parse(Reports.balanced().previous("测试局2021").text(), resourceSet);
		assertEquals("测试局2021", marked(file, single(file, IssueCodes.PREVIOUS_REPORT)));
	}

	@Test
	void aFigureIsDeclaredOnce() throws Exception {
		ReportFile file = parse(Reports.balanced().figures("\t数值 网站信息 = 614 条\n\t数值 网站信息 = 615 条\n").text());
		single(file, IssueCodes.DUPLICATE_FIGURE);
	}
}
