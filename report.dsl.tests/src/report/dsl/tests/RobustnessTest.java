package report.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.xtext.diagnostics.Diagnostic;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;
import com.google.inject.Provider;

import report.dsl.evaluation.ReportEvaluator;
import report.dsl.evaluation.ShownNumber;
import report.dsl.parser.NestingLimitedParser;
import report.dsl.report.Paragraph;
import report.dsl.report.ReportFile;
import report.dsl.validation.IssueCodes;

/** Input that used to abort the checker, hang it or overflow its stack: each now gets its own diagnostic. */
@ExtendWith(InjectionExtension.class)
@InjectWith(ReportInjectorProvider.class)
class RobustnessTest extends ReportTestSupport {

	@Inject
	private Provider<ResourceSet> resourceSets;

	@Inject
	private ReportEvaluator evaluator;

	private List<Issue> issuesOfUnparsable(String text) throws Exception {
		return issues(parseHelper.parse(text));
	}

	@Test
	void aFigureWithoutANameIsASyntaxErrorAndTheRestIsStillLinked() throws Exception {
		List<Issue> issues = issuesOfUnparsable(Reports.balanced().figures("\t数值 = 148 条\n").text());
		assertTrue(issues.stream().anyMatch(i -> i.getCode().equals(Diagnostic.SYNTAX_DIAGNOSTIC)), issues::toString);
		// the balance rules wait for the syntax error to be fixed, but the bindings are still resolved
		assertTrue(issues.stream().anyMatch(i -> i.getCode().equals(Diagnostic.LINKING_DIAGNOSTIC)), issues::toString);
	}

	@Test
	void aTableTypeOrRowWithoutANameIsASyntaxErrorNotAnAbort() throws Exception {
		List<Issue> issues = issuesOfUnparsable("""
				报告类型 收支表 "收支" {
					部分 一 "一、收支" 必需
					表 "收支" 属于 一 { 列 金额 "金额" 行 收入 "收入" }
					表 T "收支" 属于 一 { 列 金额 "金额" 行 "收入" 行 支出 "支出" }
				}
				报告 某局2024 遵循 收支表 {
					发布机关 "某局" 年度 2024 统计期限 2024-01-01 至 2024-12-31 发布日期 2025-01-20
					部分 一 { "[T.支出]" 表 T { 支出: 1 } }
				}
				""");
		assertTrue(issues.stream().allMatch(i -> i.getCode().equals(Diagnostic.SYNTAX_DIAGNOSTIC)), issues::toString);
	}

	@Test
	void nestingBeyondTheLimitIsOneSyntaxErrorAtTheBraceThatPassesIt() throws Exception {
		int levels = 3000;
		String text = Reports.balanced().part("五", "小节 \"a\" {".repeat(levels) + "}".repeat(levels)).text();
		ReportFile file = parseHelper.parse(text);
		List<Issue> issues = issues(file);
		assertEquals(List.of(IssueCodes.NESTING_DEPTH), issues.stream().map(Issue::getCode).toList());
		int section = text.indexOf("小节"); // the report and its part are two levels
		for (int level = 3; level <= NestingLimitedParser.MAX_NESTING; level++) {
			section = text.indexOf("小节", section + 1);
		}
		assertEquals(text.indexOf('{', section), issues.get(0).getOffset());
	}

	@Test
	void nestingUpToTheLimitIsChecked() throws Exception {
		int levels = NestingLimitedParser.MAX_NESTING - 3; // the report and its part are two levels
		parse(Reports.balanced().part("五", "小节 \"a\" {".repeat(levels) + "}".repeat(levels)).text());
	}

	@Test
	void aYearOutsideTheCalendarIsOneError() throws Exception {
		ReportFile file = parse(Reports.balanced().meta("年度", "2000000000").text());
		assertEquals("2000000000", marked(file, single(file, IssueCodes.YEAR_RANGE)));
	}

	@Test
	void aYearTooLongForANumberSaysSo() throws Exception {
		List<Issue> issues = issuesOfUnparsable(Reports.balanced().meta("年度", "20000000000000000000").text());
		assertEquals(1, issues.size(), issues::toString);
		assertEquals("数字「20000000000000000000」太大", issues.get(0).getMessage());
	}

	@Test
	void decimalsAreBounded() throws Exception {
		ReportFile file = parse(Reports.balanced().narrative("\"占[B.三.一 占 B.三.七 小数 2147483647]%。\"").text());
		Issue issue = single(file, IssueCodes.DECIMALS_RANGE);
		assertEquals("2147483647", marked(file, issue));
		assertTrue(issue.getMessage().contains("最多保留" + ShownNumber.MAX_DECIMALS + "位小数"), issue.getMessage());
	}

	@Test
	void tenMillionDecimalsAreRefusedAtOnce() throws Exception {
		ReportFile file = parse(Reports.balanced().narrative("\"共[B.一 小数 10000000]件。\"").text());
		long start = System.nanoTime();
		single(file, IssueCodes.DECIMALS_RANGE);
		assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 5);
	}

	@Test
	void aTotalDefinedThroughItselfIsAnError() throws Exception {
		ReportFile file = parse("""
				报告类型 收支表 "收支" {
					部分 一 "一、收支" 必需
					表 T "收支" 属于 一 { 列 金额 "金额" 行 收入 "收入" 行 支出 "支出" 行 结余 "结余" }
					规则 T1 错误 "结余等于收入减支出" 表 T 每列: 结余 = 收入 - 支出
					规则 T2 错误 "收入等于结余加支出" 表 T 每列: 收入 = 结余 + 支出
				}
				""");
		List<Issue> issues = assertCodes(file, IssueCodes.CYCLIC_TOTAL, IssueCodes.CYCLIC_TOTAL);
		assertTrue(issues.get(0).getMessage().contains("结余 → 收入 → 结余"), issues.get(0).getMessage());
	}

	@Test
	void aLongChainOfTotalsIsComputedWithoutOverflowingTheStack() throws Exception {
		int rows = 3000;
		StringBuilder type = new StringBuilder("报告类型 链 \"链\" {\n部分 一 \"一、链\" 必需\n表 T \"链\" 属于 一 {\n列 值 \"值\"\n");
		for (int i = 0; i <= rows; i++) {
			type.append("行 r").append(i).append(" \"r\"\n");
		}
		type.append("}\n");
		for (int i = 0; i < rows; i++) {
			type.append("规则 R").append(i).append(" 错误 \"链\" 表 T 每列: r").append(i).append(" = r").append(i + 1).append('\n');
		}
		type.append("}\n报告 链2024 遵循 链 {\n发布机关 \"某局\" 年度 2024 统计期限 2024-01-01 至 2024-12-31 发布日期 2025-01-20\n"
				+ "部分 一 { \"[T.r0]\" 表 T { r" + rows + ": 7 } }\n}\n");
		ReportFile file = parse(type);
		assertCodes(file);
		Paragraph paragraph = (Paragraph) file.getReports().get(0).getParts().get(0).getContents().get(0);
		assertEquals("7", evaluator.shown(paragraph.getText(), file.getReports().get(0)).get(0).text());
	}

	@Test
	void lastYearsReportCannotBeTheReportItself() throws Exception {
		ReportFile file = parse(Reports.balanced().previous("测试局2023").text());
		assertEquals("测试局2023", marked(file, single(file, IssueCodes.PREVIOUS_CYCLE)));
	}

	@Test
	void twoReportsOfOneNameAreBothErrors() throws Exception {
		String report = Reports.balanced().text();
		assertCodes(parse(report + report), IssueCodes.DUPLICATE_NAME, IssueCodes.DUPLICATE_NAME);
	}

	@Test
	void twoReportsOfOneNameInDifferentFilesAreErrors() throws Exception {
		ResourceSet resourceSet = resourceSets.get();
		parse(Reports.balanced().text(), resourceSet);
		ReportFile second = parse(Reports.balanced().text(), resourceSet);
		assertEquals("测试局2023", marked(second, single(second, IssueCodes.DUPLICATE_NAME)));
	}
}
