package report.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

/** Rules 1–4, 8 and 9 of the 2021 format, declared as data in the shipped report type. */
@ExtendWith(InjectionExtension.class)
@InjectWith(ReportInjectorProvider.class)
class BalanceRulesTest extends ReportTestSupport {

	@Inject
	private Provider<ResourceSet> resourceSets;

	@Test
	void balancedReportIsClean() throws Exception {
		assertCodes(parse(Reports.balanced().text()));
	}

	@Test
	void ruleB1_newPlusCarriedOverEqualsResultsPlusCarriedForward_inEveryColumn() throws Exception {
		ReportFile file = parse(Reports.balanced().tableB("""
				一: 3 0 0 0 0 0 3
				三.一: 2 0 0 0 0 0 2
				三.七: 2 0 0 0 0 0 2
				四: 0 0 0 0 0 0 0""").text());
		List<Issue> issues = assertCodes(file, "B1", "B1");
		Issue naturalPersons = issues.get(0);
		assertEquals(Severity.ERROR, naturalPersons.getSeverity());
		assertTrue(naturalPersons.getMessage().contains("「自然人」列"), naturalPersons.getMessage());
		assertTrue(naturalPersons.getMessage().contains("一（3） + 二（0） = 3"), naturalPersons.getMessage());
		assertTrue(naturalPersons.getMessage().contains("三.七（2） + 四（0） = 2，相差 1"), naturalPersons.getMessage());
		// on the cell of row 四 the author must look at, with the value that balances it
		assertEquals("0", marked(file, naturalPersons));
		assertEquals(lineOf(file, "四: 0"), naturalPersons.getLineNumber());
		assertArrayEquals(new String[] { "B1", "1" }, naturalPersons.getData());
	}

	@Test
	void ruleB2_resultTotalEqualsSumOfResults() throws Exception {
		ReportFile file = parse(Reports.balanced().tableB("""
				一: 3 0 0 0 0 0 3
				三.一: 2 0 0 0 0 0 2
				三.三.1: 1 0 0 0 0 0 1
				三.七: 2 0 0 0 0 0 2
				四: 1 0 0 0 0 0 1""").text());
		Issue b2 = assertCodes(file, "B2", "B2").get(0);
		assertEquals(lineOf(file, "三.七: 2"), b2.getLineNumber());
		assertArrayEquals(new String[] { "B2", "3" }, b2.getData());
	}

	@Test
	void ruleB3_rowTotalEqualsApplicantColumns() throws Exception {
		ReportFile file = parse(Reports.balanced().tableB("""
				一: 3 0 0 0 0 0 4
				三.一: 2 0 0 0 0 0 2
				三.七: 2 0 0 0 0 0 2
				四: 1 0 0 0 0 0 1""").text());
		List<Issue> issues = assertCodes(file, "B1", "B3");
		Issue b3 = issues.stream().filter(i -> i.getCode().equals("B3")).findFirst().orElseThrow();
		assertEquals("4", marked(file, b3));
		assertTrue(b3.getMessage().contains("「一」行 总计（4） = 4，而 自然人（3） + 法人或其他组织（0） = 3，相差 1"), b3.getMessage());
		assertArrayEquals(new String[] { "B3", "3" }, b3.getData());
	}

	@Test
	void ruleC4_eachGroupTotalEqualsItsResults() throws Exception {
		ReportFile file = parse(Reports.balanced().tableC("件数: 2 0 0 0 3 1 0 0 0 1 0 0 0 0 0").text());
		Issue c4 = single(file, "C4");
		assertTrue(c4.getMessage().contains("行政复议.总计（3）"), c4.getMessage());
		assertEquals("3", marked(file, c4));
		assertArrayEquals(new String[] { "C4", "2" }, c4.getData());
	}

	@Test
	void omittedTotalsAreComputedAndAutoMarksThem() throws Exception {
		ReportFile file = parse(Reports.balanced().tableB("""
				一: 3 0 0 0 0 0
				三.一: 2 0 0 0 0 0 自动
				四: 1 0 0 0 0 0""").tableC("件数: 2 0 0 0 1 0 0 0 0 0 0 0").text());
		assertCodes(file);
	}

	@Test
	void ruleB8_carriedOverEqualsLastYearsCarriedForward() throws Exception {
		ResourceSet resourceSet = resourceSets.get();
		parse(lastYear("""
				一: 1 0 0 0 0 0 1
				四: 1 0 0 0 0 0 1""", "行政规范性文件: 0 0 0"), resourceSet);
		ReportFile file = parse(Reports.balanced().previous("测试局2022").tableB("""
				一: 3 0 0 0 0 0 3
				二: 0 0 0 0 0 0 0
				三.一: 2 0 0 0 0 0 2
				三.七: 2 0 0 0 0 0 2
				四: 1 0 0 0 0 0 1""").tableA("行政规范性文件: 1 1 0").text(), resourceSet);
		List<Issue> issues = assertCodes(file, "B8", "B8");
		assertTrue(issues.get(0).getMessage().contains("二（0） = 0，而 上年四（1） = 1"), issues.get(0).getMessage());
		assertEquals(lineOf(file, "二: 0"), issues.get(0).getLineNumber());
		assertArrayEquals(new String[] { "B8", "1" }, issues.get(0).getData());
	}

	@Test
	void ruleA9_documentsInForceFollowOnFromLastYear_asAWarning() throws Exception {
		ResourceSet resourceSet = resourceSets.get();
		parse(lastYear("", "行政规范性文件: 2 0 8"), resourceSet);
		ReportFile file = parse(Reports.balanced().previous("测试局2022").tableA("行政规范性文件: 1 1 1").text(), resourceSet);
		Issue a9 = single(file, "A9");
		assertEquals(Severity.WARNING, a9.getSeverity());
		assertTrue(a9.getMessage().contains("上年现行有效件数（8） + 本年制发件数（1） − 本年废止件数（1） = 8"), a9.getMessage());
		assertArrayEquals(new String[] { "A9", "8" }, a9.getData());
	}

	@Test
	void crossYearRulesWaitForLastYearsReport() throws Exception {
		assertCodes(parse(Reports.balanced().tableA("行政规范性文件: 1 1 7").text()));
	}

	@Test
	void aUsersOwnReportTypeIsCheckedByItsOwnRules() throws Exception {
		ReportFile file = parse("""
				报告类型 收支表 "收支情况报告" {
					部分 一 "一、收支情况" 必需
					表 T "收支" 属于 一 {
						列 金额 "金额（万元）" 小数
						行 收入 "收入"
						行 支出 "支出"
						行 结余 "结余"
					}
					规则 T1 错误 "结余等于收入减支出" 表 T 每列: 结余 = 收入 - 支出
				}
				报告 某单位2023 遵循 收支表 {
					发布机关 "某单位" 年度 2023 统计期限 2023-01-01 至 2023-12-31 发布日期 2024-01-05
					部分 一 { 表 T { 收入: 10.5  支出: 4  结余: 7 } }
				}
				""");
		Issue t1 = single(file, "T1");
		assertTrue(t1.getMessage().contains("结余（7） = 7，而 收入（10.5） − 支出（4） = 6.5"), t1.getMessage());
		assertArrayEquals(new String[] { "T1", "6.5" }, t1.getData());
	}

	/** Last year's report of the test body (测试局2022), with these rows of Tables B and A. */
	static String lastYear(String tableB, String tableA) {
		return Reports.balanced().named("测试局2022").meta("年度", "2022").meta("统计期限", "2022-01-01 至 2022-12-31")
				.meta("发布日期", "2023-01-20").narrative("\"无。\"").tableB(tableB).tableA(tableA).text();
	}

	static int lineOf(ReportFile file, String fragment) {
		String text = org.eclipse.xtext.nodemodel.util.NodeModelUtils.getNode(file).getText();
		int offset = text.indexOf(fragment);
		assertTrue(offset >= 0, fragment);
		return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
	}
}
