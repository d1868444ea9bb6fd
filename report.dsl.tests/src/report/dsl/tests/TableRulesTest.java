package report.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import report.dsl.report.ReportFile;
import report.dsl.validation.IssueCodes;

/** Rule 5 and the shape of table data. */
@ExtendWith(InjectionExtension.class)
@InjectWith(ReportInjectorProvider.class)
class TableRulesTest extends ReportTestSupport {

	@Test
	void negativeCountsAreErrorsOnTheCell() throws Exception {
		ReportFile file = parse(Reports.balanced().tableC("件数: 0 0 0 -1 -1 0 0 0 0 0 0 0 0 0 0").text());
		List<Issue> issues = assertCodes(file, IssueCodes.NEGATIVE_VALUE, IssueCodes.NEGATIVE_VALUE);
		assertEquals("-1", marked(file, issues.get(0)));
		assertTrue(issues.get(0).getMessage().startsWith("「件数」行「行政复议.尚未审结」列的数值不能为负数"), issues.get(0).getMessage());
	}

	@Test
	void aColumnDeclaredSignedTakesNegativeNumbersAndTheOthersStillDoNot() throws Exception {
		ReportFile file = parse("""
				报告类型 增减表 "增减情况报告" {
					部分 一 "一、增减情况" 必需
					表 T "增减" 属于 一 {
						列 原有 "上年数量"
						列 增减 "本年增/减" 可为负
						行 许可 "行政许可"
					}
				}
				报告 某单位2020 遵循 增减表 {
					发布机关 "某单位" 年度 2020 统计期限 2020-01-01 至 2020-12-31 发布日期 2021-01-05
					部分 一 { 表 T { 许可: -3 -4 } }
				}
				""");
		Issue issue = single(file, IssueCodes.NEGATIVE_VALUE);
		assertEquals("-3", marked(file, issue));
		assertTrue(issue.getMessage().startsWith("「许可」行「原有」列的数值不能为负数"), issue.getMessage());
	}

	@Test
	void aStraySeparatorBetweenValuesIsOneErrorNamingIt() throws Exception {
		ReportFile file = parse(Reports.balanced().tableB("一: 3 | 0 0 0 0 0 3\n三.一: 2 0 0 0 0 0 2\n三.七: 2 0 0 0 0 0 2\n四: 1 / 0 0 0 0 0 1").text());
		List<Issue> issues = assertCodes(file, IssueCodes.STRAY_IN_ROW, IssueCodes.STRAY_IN_ROW);
		assertEquals("|", marked(file, issues.get(0)));
		assertTrue(issues.get(0).getMessage().startsWith("多余的「|」：表格行的数值之间只用空格分隔"), issues.get(0).getMessage());
		assertEquals(List.of(" "), List.of(issues.get(0).getData()));
	}

	@Test
	void aWordAmongTheValuesIsOneErrorNotARowPerFollowingNumber() throws Exception {
		ReportFile file = parse(Reports.balanced().tableB("一: 3 0 0 x 0 0 3\n三.一: 2 0 0 0 0 0 2\n三.七: 2 0 0 0 0 0 2\n四: 1 0 0 0 0 0 1").text());
		Issue issue = single(file, IssueCodes.STRAY_IN_ROW);
		assertEquals("「x」不是数值：表格行只能填写数字或「自动」", issue.getMessage());
	}

	@Test
	void aRowOfTheWrongLengthIsOneErrorAndItsValuesAreNotBalancedByPosition() throws Exception {
		// 四 misses a value: read by position its 1 would land in another column and break B1 there
		ReportFile file = parse(Reports.balanced().tableB("一: 3 0 0 0 0 0 3\n三.一: 2 0 0 0 0 0 2\n三.七: 2 0 0 0 0 0 2\n四: 0 0 0 0 1").text());
		single(file, IssueCodes.ROW_ARITY);
	}

	@Test
	void negativeFiguresAreErrors() throws Exception {
		assertCodes(parse(Reports.balanced().figures("\t数值 网站信息 = -614 条\n").text()), IssueCodes.NEGATIVE_VALUE);
	}

	@Test
	void fractionsInCountsAreErrorsButFeesMayHaveDecimals() throws Exception {
		ReportFile file = parse(Reports.balanced().tableC("件数: 0.5 0 0 0 0.5 0 0 0 0 0 0 0 0 0 0")
				.tableA("行政规范性文件: 1 1 1\n行政事业性收费: 24.448").text());
		List<Issue> issues = assertCodes(file, IssueCodes.FRACTION_IN_COUNT, IssueCodes.FRACTION_IN_COUNT);
		assertEquals("0.5", marked(file, issues.get(0)));
	}

	@Test
	void aRowWithTheWrongNumberOfValuesNamesTheColumns() throws Exception {
		ReportFile file = parse(Reports.balanced().tableC("件数: 1 2 3").text());
		Issue issue = single(file, IssueCodes.ROW_ARITY);
		assertEquals("件数", marked(file, issue));
		assertTrue(issue.getMessage().startsWith("「件数」有3个数值，应为15个，或省略可计算的合计列时12个"), issue.getMessage());
	}

	@Test
	void aRowGivenTwiceIsAnError() throws Exception {
		ReportFile file = parse(Reports.balanced().tableB("""
				一: 3 0 0 0 0 0 3
				二: 0 0 0 0 0 0 0
				三.一: 2 0 0 0 0 0 2
				二: 0 0 0 0 0 0 0
				三.七: 2 0 0 0 0 0 2
				四: 1 0 0 0 0 0 1""").text());
		Issue issue = single(file, IssueCodes.DUPLICATE_ROW);
		assertEquals(BalanceRulesTest.lineOf(file, "二: 0") + 2, issue.getLineNumber());
	}

	@Test
	void headingRowsTakeNoValues() throws Exception {
		ReportFile file = parse(Reports.balanced().tableB("""
				一: 3 0 0 0 0 0 3
				三.一: 2 0 0 0 0 0 2
				三.三: 0 0 0 0 0 0 0
				三.七: 2 0 0 0 0 0 2
				四: 1 0 0 0 0 0 1""").text());
		assertEquals("三.三", marked(file, single(file, IssueCodes.HEADING_ROW_VALUES)));
	}

	@Test
	void autoOnlyWhereARuleComputesTheCell() throws Exception {
		ReportFile file = parse(Reports.balanced().tableC("件数: 自动 0 0 0 0 0 0 0 0 0 0 0 0 0 0").text());
		assertEquals("自动", marked(file, single(file, IssueCodes.AUTO_NOT_COMPUTABLE)));
	}

	@Test
	void aTableThatDoesNotTreatOmittedRowsAsZeroWantsEveryRow() throws Exception {
		ReportFile file = parse("""
				报告类型 收支表 {
					部分 一 "一、收支情况" 必需
					表 T "收支" 属于 一 {
						列 金额 "金额" 小数
						行 收入 "收入"
						行 支出 "支出"
						行 结余 "结余"
					}
					规则 T1 错误 "结余等于收入减支出" 表 T 每列: 结余 = 收入 - 支出
				}
				报告 某单位2023 遵循 收支表 {
					发布机关 "某单位" 年度 2023 统计期限 2023-01-01 至 2023-12-31 发布日期 2024-01-05
					部分 一 { 表 T { 收入: 10 } }
				}
				""");
		Issue issue = single(file, IssueCodes.MISSING_ROW);
		assertTrue(issue.getMessage().contains("缺少「支出」行"), issue.getMessage());
	}
}
