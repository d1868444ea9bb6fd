package report.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;
import com.google.inject.Provider;

import report.dsl.evaluation.ReportEvaluator;
import report.dsl.evaluation.ShownNumber;
import report.dsl.report.Report;
import report.dsl.report.ReportFile;
import report.dsl.report.Text;
import report.dsl.validation.IssueCodes;

/** Rules 6 and 10: the narrative agrees with the numbers it restates. */
@ExtendWith(InjectionExtension.class)
@InjectWith(ReportInjectorProvider.class)
class NarrativeRulesTest extends ReportTestSupport {

	private static final String RESULTS_003 = """
			一: 63 0 0 0 0 0 63
			二: 3 0 0 0 0 0 3
			三.一: 14 0 0 0 0 0 14
			三.二: 15 0 0 0 0 0 15
			三.三.7: 2 0 0 0 0 0 2
			三.四.1: 34 0 0 0 0 0 34
			三.六.3: 1 0 0 0 0 0 1
			三.七: 66 0 0 0 0 0 66""";

	@Inject
	private ReportEvaluator evaluator;

	@Inject
	private Provider<ResourceSet> resourceSets;

	@Test
	void aStatedNumberThatDisagreesIsAnErrorOnTheNumber() throws Exception {
		ReportFile file = parse(Reports.balanced().narrative("\"共收到信息公开申请[B.一 = 2]件。\"").text());
		Issue issue = single(file, IssueCodes.STATED_MISMATCH);
		assertEquals("2", marked(file, issue));
		assertEquals("文中写作 2，但表B 一（总计）为 3", issue.getMessage());
		assertArrayEquals(new String[] { "3" }, issue.getData());
	}

	@Test
	void aStatedNumberThatAgreesIsClean() throws Exception {
		assertCodes(parse(Reports.balanced().narrative("\"共收到信息公开申请[B.一 = 3]件，自然人[B.一:自然人 = 3]件。\"").text()));
	}

	@Test
	void aBindingMayAddValues() throws Exception {
		ReportFile file = parse(Reports.balanced().tableB(RESULTS_003).tableC("件数: 0 0 0 0 0 1 0 0 0 1 1 0 0 0 1")
				.narrative("\"受理申请[B.一 + B.二 = 66]件，行政诉讼[C.件数:行政诉讼 = 2]件。\"").text());
		assertCodes(file);
		file = parse(Reports.balanced().tableB(RESULTS_003).narrative("\"受理申请[B.一 + B.二 = 63]件。\"").text());
		assertEquals("文中写作 63，但表B 一（总计）与表B 二（总计）之和为 66", single(file, IssueCodes.STATED_MISMATCH).getMessage());
	}

	@Test
	void sharesAreComputedAndChecked() throws Exception {
		ReportFile file = parse(Reports.balanced().narrative("\"予以公开[B.三.一]件，占[B.三.一 占 B.三.七 = 100]%。\"").text());
		assertCodes(file);
		file = parse(Reports.balanced().narrative("\"予以公开占[B.三.一 占 B.一 = 66.7]%。\"").text());
		assertCodes(file);
		file = parse(Reports.balanced().narrative("\"予以公开占[B.三.一 占 B.一 = 66]%。\"").text());
		assertEquals("文中写作 66，但表B 三.一（总计）占表B 一（总计）的百分比为 67", single(file, IssueCodes.STATED_MISMATCH).getMessage());
	}

	@Test
	void sharesOfOneWholeThatMissOneHundredAreFlagged() throws Exception {
		ReportFile file = parse(Reports.balanced().tableB(RESULTS_003).narrative(shares("")).text());
		Issue issue = single(file, IssueCodes.SHARE_SUM);
		assertEquals(Severity.WARNING, issue.getSeverity());
		assertTrue(issue.getMessage().contains("之和为 101%"), issue.getMessage());
	}

	@Test
	void largestRemainderRoundingMakesSeed003sSharesAddUp() throws Exception {
		ReportFile file = parse(Reports.balanced().tableB(RESULTS_003).narrative(shares(" 最大余数")).text());
		assertCodes(file);
		Text text = EcoreUtil2.eAllOfType(file, Text.class).get(0);
		List<String> shown = evaluator.shown(text, (Report) file.getReports().get(0)).stream().map(ShownNumber::text).toList();
		assertEquals(List.of("21", "23", "3", "52", "1"), shown);
	}

	@Test
	void aTypedNumberEqualToAValueGetsAWarningWithTheReference() throws Exception {
		ReportFile file = parse(Reports.balanced().narrative("\"全年网站公开信息614条，共收到申请3件，2023年1月1日起。\"").text());
		List<Issue> issues = assertCodes(file, IssueCodes.LITERAL_NUMBER, IssueCodes.LITERAL_NUMBER);
		assertEquals("614", marked(file, issues.get(0)));
		assertArrayEquals(new String[] { "网站信息" }, issues.get(0).getData());
		assertEquals("3", marked(file, issues.get(1)));
		assertArrayEquals(new String[] { "B.一" }, issues.get(1).getData());
	}

	@Test
	void aNumberCountedInAnotherMeasureWordDoesNotRestateACell() throws Exception {
		// Table B counts 件; seed 000's 新闻发布会2次 equals B.三.一 only by chance
		assertCodes(parse(Reports.balanced().narrative("\"召开新闻发布会3次，发表信息2篇。\"").text()));
	}

	@Test
	void aNumberInNoWordingOfACellsPhrasesDoesNotRestateThatCell() throws Exception {
		// seed 000: documents and proposals, counted in 件 as Table B's applications are, equal B.三.一 (2) and B.一 (3)
		// only by chance; the type declares how its narrative restates those cells, and these sentences are no such wording
		assertCodes(parse(Reports.balanced().narrative("\"2023年主动公开部门文件和规范性文件2件。共承办政协提案3件，目前已全部办结。\"").text()));
		// a value whose wordings the type does not declare (a figure) is still suggested in the same sentence
		List<Issue> issues = assertCodes(parse(Reports.balanced().narrative("\"主动公开部门文件和规范性文件2件，信息614条。\"").text()),
				IssueCodes.LITERAL_NUMBER);
		assertArrayEquals(new String[] { "网站信息" }, issues.get(0).getData());
	}

	@Test
	void aTypedNumberInADeclaredWordingThatDisagreesWithItsCellIsAnError() throws Exception {
		ReportFile file = parse(Reports.balanced().narrative("\"共收到信息公开申请7件。\"").text());
		Issue issue = single(file, IssueCodes.PHRASE_MISMATCH);
		assertEquals(Severity.ERROR, issue.getSeverity());
		assertEquals("7", marked(file, issue));
		assertEquals("文中写作 7，但这句话说的是表B 一（总计），为 3：请改写为绑定 [B.一]", issue.getMessage());
		assertArrayEquals(new String[] { "B.一" }, issue.getData());
		// 2 equals other cells, but this wording restates B.一
		assertArrayEquals(new String[] { "B.一" }, single(parse(Reports.balanced().narrative("\"共收到信息公开申请2件。\"").text()),
				IssueCodes.PHRASE_MISMATCH).getData());
		file = parse(Reports.balanced().narrative("\"予以公开2件，占67%。\"").text());
		Issue share = assertCodes(file, IssueCodes.LITERAL_NUMBER, IssueCodes.PHRASE_MISMATCH).get(1);
		assertEquals("67", marked(file, share));
		assertArrayEquals(new String[] { "B.三.一 占 B.三.七 最大余数" }, share.getData());
	}

	@Test
	void aTypedNumberInADeclaredWordingThatAgreesSuggestsItsCellFirst() throws Exception {
		ReportFile file = parse(Reports.balanced().narrative("\"已答复2件，予以公开2件，占100%。\"").text());
		List<Issue> issues = assertCodes(file, IssueCodes.LITERAL_NUMBER, IssueCodes.LITERAL_NUMBER, IssueCodes.LITERAL_NUMBER);
		assertArrayEquals(new String[] { "B.三.七", "B.三.一" }, issues.get(0).getData());
		assertArrayEquals(new String[] { "B.三.一", "B.三.七" }, issues.get(1).getData());
		assertArrayEquals(new String[] { "B.三.一 占 B.三.七 最大余数" }, issues.get(2).getData());
	}

	@Test
	void aRowWithSeveralColumnsNeedsOneNamed() throws Exception {
		ReportFile file = parse(Reports.balanced().narrative("\"制发规范性文件[A.行政规范性文件]件。\"").text());
		Issue issue = single(file, IssueCodes.UNRESOLVED_BINDING);
		assertTrue(issue.getMessage().contains("请用「:列名」指明"), issue.getMessage());
		assertCodes(parse(Reports.balanced().narrative("\"制发规范性文件[A.行政规范性文件:本年制发件数]件。\"").text()));
	}

	@Test
	void unknownReferencesAreLinkingErrorsInChinese() throws Exception {
		ReportFile file = parse(Reports.balanced().narrative("\"收到[B.九]件，[B.一:法人]件，[没有这个数]件。\"").text());
		List<Issue> issues = issues(file);
		assertEquals(List.of("未知的数值或表格行「B.九」", "未知的列「法人」", "未知的数值或表格行「没有这个数」"),
				issues.stream().map(Issue::getMessage).toList());
	}

	@Test
	void aNumberInBracketsIsTextToEscapeNotAnUnknownValue() throws Exception {
		ReportFile file = parse(Reports.balanced().narrative("\"依据鲁政办字[2020]179号，收到申请[B.一]件。\"").text());
		Issue issue = single(file, IssueCodes.BRACKETED_TEXT);
		assertEquals("「[2020]」不是绑定的数值：正文里的方括号（如文号）请写作「\\[2020\\]」", issue.getMessage());
		assertEquals("2020", marked(file, issue));
		assertEquals(List.of("\\[2020\\]"), List.of(issue.getData()));
		assertCodes(parse(Reports.balanced().narrative("\"依据鲁政办字\\[2020\\]179号，收到申请[B.一]件。\"").text()));
	}

	@Test
	void lastYearsValuesNeedLastYearsReport() throws Exception {
		ReportFile file = parse(Reports.balanced().narrative("\"同比增长[B.一 较 上年 B.一]%。\"").text());
		assertTrue(single(file, IssueCodes.UNRESOLVED_BINDING).getMessage().contains("上年报告"));
	}

	@Test
	void rule10_aStatedYearOverYearChangeAgreesWithLastYear() throws Exception {
		ResourceSet resourceSet = withLastYearsReport();
		ReportFile agrees = parse(Reports.balanced().previous("测试局2022")
				.narrative("\"收到申请[B.一]件，同比增长[B.一 较 上年 B.一 = 50]%，去年[上年 B.一]件。\"").text(), resourceSet);
		assertCodes(agrees);
		ReportFile disagrees = parse(Reports.balanced().named("测试局2023乙").previous("测试局2022")
				.narrative("\"同比增长[B.一 较 上年 B.一 = 9.6]%。\"").text(), resourceSet);
		Issue issue = single(disagrees, IssueCodes.STATED_MISMATCH);
		assertEquals("9.6", marked(disagrees, issue));
		assertArrayEquals(new String[] { "50.0" }, issue.getData());
	}

	@Test
	void theDirectionWordOfAStatedChangeAgreesWithLastYear() throws Exception {
		ResourceSet resourceSet = withLastYearsReport();
		assertCodes(parse(Reports.balanced().previous("测试局2022").narrative("\"同比增长 [B.一 较 上年 B.一]%。\"").text(), resourceSet));
		ReportFile file = parse(Reports.balanced().named("测试局2023乙").previous("测试局2022")
				.narrative("\"同比下降[B.一 较 上年 B.一 = 50]%。\"").text(), resourceSet);
		Issue issue = single(file, IssueCodes.CHANGE_DIRECTION);
		assertEquals("下降", marked(file, issue));
		assertEquals("文中写作「下降」，但表B 一（总计）（3）大于上年表B 一（总计）（2），应为「增长」", issue.getMessage());
		assertArrayEquals(new String[] { "增长" }, issue.getData());
	}

	/** A resource set holding 测试局2022, whose 2 applications (B.一) are last year's for 测试局2023's 3. */
	private ResourceSet withLastYearsReport() throws Exception {
		ResourceSet resourceSet = resourceSets.get();
		parse(Reports.balanced().named("测试局2022").meta("年度", "2022").meta("统计期限", "2022-01-01 至 2022-12-31")
				.meta("发布日期", "2023-01-20").narrative("\"无。\"").tableB("一: 2 0 0 0 0 0 2\n三.一: 2 0 0 0 0 0 2\n三.七: 2 0 0 0 0 0 2")
				.text(), resourceSet);
		return resourceSet;
	}

	private static String shares(String rounding) {
		StringBuilder text = new StringBuilder("\"分别占比");
		for (String row : List.of("三.一", "三.二", "三.三", "三.四", "三.六")) {
			text.append("[B.").append(row).append(" 占 B.三.七").append(rounding).append("]%、");
		}
		return text.append("。\"").toString();
	}
}
