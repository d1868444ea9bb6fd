package report.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.xtext.diagnostics.Diagnostic;
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

/**
 * The rule forms beyond equations: inequalities (A11, B12 of the 2021 format), rules across tables and figures (A13),
 * and the publication deadline of a report type (report.late-issue).
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(ReportInjectorProvider.class)
class RichRulesTest extends ReportTestSupport {

	@Inject
	private Provider<ResourceSet> resourceSets;

	@Test
	void ruleA11_documentsRepealedAtMostThoseInForceLastYearPlusThoseIssued_asAWarning() throws Exception {
		ResourceSet resourceSet = resourceSets.get();
		parse(BalanceRulesTest.lastYear("", "行政规范性文件: 2 0 1"), resourceSet);
		ReportFile file = parse(Reports.balanced().previous("测试局2022").tableA("行政规范性文件: 1 5 0").text(), resourceSet);
		List<Issue> issues = assertCodes(file, "A9", "A11");
		Issue a11 = first(issues, "A11");
		assertEquals(Severity.WARNING, a11.getSeverity());
		assertTrue(a11.getMessage().contains("表A「行政规范性文件」行 本年废止件数（5） = 5，应不大于 上年现行有效件数（1） + 本年制发件数（1） = 2，超出 3"),
				a11.getMessage());
		assertEquals("5", marked(file, a11));
		// no value makes an inequality hold that the checker could know to be the right one: no quick fix
		assertArrayEquals(new String[] { "A11" }, a11.getData());
	}

	@Test
	void ruleA11_holdsWhenRepealedDocumentsWereInForceOrIssued() throws Exception {
		ResourceSet resourceSet = resourceSets.get();
		parse(BalanceRulesTest.lastYear("", "行政规范性文件: 2 0 4"), resourceSet);
		assertCodes(parse(Reports.balanced().previous("测试局2022").tableA("行政规范性文件: 1 5 0").text(), resourceSet));
	}

	@Test
	void ruleB12_noResultExceedsTheApplicationsHandled_inEveryColumn() throws Exception {
		// B1 and B2 balance only through a negative carried-forward count: each result still exceeds what was handled
		ReportFile file = parse(Reports.balanced().tableB("""
				一: 1 0 0 0 0 0 1
				三.一: 2 0 0 0 0 0 2
				三.七: 2 0 0 0 0 0 2
				四: -1 0 0 0 0 0 -1""").text());
		List<Issue> issues = assertCodes(file, "B12", "B12", IssueCodes.NEGATIVE_VALUE, IssueCodes.NEGATIVE_VALUE);
		Issue b12 = first(issues, "B12");
		assertEquals(Severity.WARNING, b12.getSeverity());
		assertTrue(b12.getMessage().contains("表B「自然人」列 三.一（2） = 2，应不大于 一（1） + 二（0） = 1，超出 1"), b12.getMessage());
	}

	@Test
	void ruleA13_aStatedFigureOfPublishedNormativeDocumentsIsCheckedAgainstTableA() throws Exception {
		ReportFile file = parse(Reports.balanced().figures("\t数值 网站信息 = 614 条\n\t数值 主动公开规范性文件 = 0 件\n").tableA("行政规范性文件: 2 0 2").text());
		Issue a13 = single(file, "A13");
		assertEquals(Severity.WARNING, a13.getSeverity());
		assertTrue(a13.getMessage().contains("：主动公开规范性文件（0） = 0，应不小于 A.行政规范性文件:本年制发件数（2） = 2，少 2"),
				a13.getMessage());
		assertEquals("0", marked(file, a13));
		assertEquals(BalanceRulesTest.lineOf(file, "数值 主动公开规范性文件"), a13.getLineNumber());
	}

	@Test
	void ruleA13_waitsForTheFigureAndHoldsWhenItIsLargeEnough() throws Exception {
		assertCodes(parse(Reports.balanced().tableA("行政规范性文件: 2 0 2").text()));
		assertCodes(parse(Reports.balanced().figures("\t数值 网站信息 = 614 条\n\t数值 主动公开规范性文件 = 3 件\n").tableA("行政规范性文件: 2 0 2").text()));
	}

	@Test
	void everyFormOfTheRelationsIsReadAndEvaluated() throws Exception {
		// 甲 = 1, 乙 = 2: the holding forms stay silent, each failing form is reported once
		ReportFile file = parse(ownType("""
				规则 R1 错误 "小于" 表 T 每列: 甲 < 乙; 甲 ＜ 乙; 乙 < 甲
				规则 R2 错误 "不大于" 表 T 每列: 甲 ≤ 乙; 甲 <= 乙; 甲 ≦ 乙; 甲 ＜＝ 乙; 乙 ≤ 甲
				规则 R3 错误 "不小于" 表 T 每列: 乙 ≥ 甲; 乙 >= 甲; 乙 ≧ 甲; 乙 ＞＝ 甲; 甲 ≥ 乙
				规则 R4 错误 "大于" 表 T 每列: 乙 > 甲; 乙 ＞ 甲; 甲 > 乙; 甲 > 甲
				""", "甲: 1  乙: 2"));
		List<Issue> issues = assertCodes(file, "R1", "R2", "R3", "R4", "R4");
		assertTrue(first(issues, "R1").getMessage().contains("乙（2） = 2，应小于 甲（1） = 1，超出 1"), first(issues, "R1").getMessage());
		assertTrue(issues.stream().anyMatch(i -> i.getMessage().contains("甲（1） = 1，应大于 甲（1） = 1，二者相等")),
				() -> issues.toString());
	}

	@Test
	void anInequalityDefinesNoTotal() throws Exception {
		ReportFile file = parse(ownType("规则 R1 错误 \"不超过\" 表 T 每列: 乙 ≤ 甲\n", "甲: 1"));
		// 乙 is not computed from 甲: it is missing (the table lists every row), not filled in
		assertCodes(file, IssueCodes.MISSING_ROW);
	}

	@Test
	void aTableRuleMayNameAnotherTablesCellAndARuleWithoutATableComparesFixedValues() throws Exception {
		ReportFile file = parse(ownType("""
				规则 R1 错误 "每项不超过上限" 表 T 每列: 甲 ≤ U.上限:金额; 乙 ≤ U.上限:金额
				规则 R2 警告 "上限不超过预算" : U.上限:金额 ≤ 预算
				""", "甲: 1  乙: 5", "\t\t数值 预算 = 3 万元\n"));
		List<Issue> issues = assertCodes(file, "R1", "R2");
		assertTrue(first(issues, "R1").getMessage().contains("表T「金额」列 乙（5） = 5，应不大于 U.上限:金额（4） = 4，超出 1"),
				first(issues, "R1").getMessage());
		Issue r2 = first(issues, "R2");
		assertTrue(r2.getMessage().contains("违反规则R2（上限不超过预算）：U.上限:金额（4） = 4，应不大于 预算（3） = 3，超出 1"), r2.getMessage());
		assertEquals("4", marked(file, r2));
	}

	@Test
	void anEquationBetweenFixedValuesOffersTheValueThatMakesItHold() throws Exception {
		ReportFile file = parse(ownType("规则 R1 错误 \"预算等于上限\" : 预算 = U.上限:金额\n", "甲: 1  乙: 1", "\t\t数值 预算 = 3 万元\n"));
		Issue r1 = single(file, "R1");
		// on the value the equation states alone on its left, as for the totals of a table
		assertArrayEquals(new String[] { "R1", "4" }, r1.getData());
		assertEquals("3", marked(file, r1));
	}

	@Test
	void aTermNamingAnUnknownCellOrARowOfSeveralColumnsIsOneErrorWithItsPlace() throws Exception {
		ReportFile unknown = parseHelper.parse(ownType("规则 R1 错误 \"x\" 表 T 每列: 甲 ≤ U.下限:金额\n", "甲: 1  乙: 1"));
		Issue linking = single(unknown, Diagnostic.LINKING_DIAGNOSTIC);
		assertEquals("未知的行、列或数值「U.下限」", linking.getMessage());
		assertEquals(BalanceRulesTest.lineOf(unknown, "规则 R1"), linking.getLineNumber());
		assertTrue(linking.getColumn() > 1);
		ReportFile severalColumns = parse("""
				报告类型 两列 {
					部分 一 "一、" 必需
					表 T "两列" 属于 一 { 列 甲 "甲" 列 乙 "乙" 行 x "x" }
					规则 R1 错误 "x" : 上限 ≤ T.x
					数值 上限
				}
				""");
		Issue term = single(severalColumns, IssueCodes.RULE_TERM);
		assertEquals("表T的「x」有多列，请用「:列名」指明引用哪一列", term.getMessage());
		assertEquals("T.x", marked(severalColumns, term));
	}

	@Test
	void aReportIssuedAfterItsTypesDeadlineIsLate() throws Exception {
		Issue late = single(parse(Reports.balanced().meta("发布日期", "2024-03-15").text()), IssueCodes.LATE_ISSUE);
		assertEquals(Severity.WARNING, late.getSeverity());
		assertEquals("发布日期2024-03-15晚于发布期限2024-01-31（报告类型政府信息公开年报2021规定2023年度报告的发布截止日期）", late.getMessage());
		assertCodes(parse(Reports.balanced().meta("发布日期", "2024-01-31").text()));
	}

	@Test
	void aTypeWithoutADeadlineHasNoLateReports() throws Exception {
		assertCodes(parse(ownType("", "甲: 1  乙: 1").replace("发布日期 2024-01-05", "发布日期 2024-03-15")));
	}

	@Test
	void aDeadlineIsADayOfTheYear() throws Exception {
		ReportFile file = parse(ownType("发布期限 次年 02-30\n", "甲: 1  乙: 1"));
		Issue invalid = single(file, IssueCodes.INVALID_DATE);
		assertEquals("02-30", marked(file, invalid));
		assertCodes(parse(ownType("发布期限 当年 12-31\n", "甲: 1  乙: 1")), IssueCodes.LATE_ISSUE);
	}

	private static Issue first(List<Issue> issues, String code) {
		return issues.stream().filter(i -> code.equals(i.getCode())).findFirst().orElseThrow();
	}

	/** A user's own type: table T (rows 甲, 乙), table U (row 上限 = 4), a declared figure 预算, with the rules given. */
	private static String ownType(String declarations, String rowsOfT) {
		return ownType(declarations, rowsOfT, "");
	}

	private static String ownType(String declarations, String rowsOfT, String figures) {
		return """
				报告类型 限额表 "限额情况报告" {
					部分 一 "一、限额情况" 必需
					表 T "支出" 属于 一 { 列 金额 "金额" 行 甲 "甲" 行 乙 "乙" }
					表 U "限额" 属于 一 { 列 金额 "金额" 行 上限 "上限" }
					数值 预算 "年度预算" 单位 "万元"
				%s}
				报告 某单位2023 遵循 限额表 {
					发布机关 "某单位" 年度 2023 统计期限 2023-01-01 至 2023-12-31 发布日期 2024-01-05
				%s	部分 一 { 表 T { %s } 表 U { 上限: 4 } }
				}
				""".formatted(declarations.indent(1), figures, rowsOfT);
	}
}
