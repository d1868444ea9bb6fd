package report.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;
import com.google.inject.Provider;

import report.dsl.batch.ReportBatch;
import report.dsl.batch.ReportBatch.Diagnostic;
import report.dsl.evaluation.ReportEvaluator;
import report.dsl.evaluation.ReportValues;
import report.dsl.report.Binding;
import report.dsl.report.ReportFile;
import report.dsl.validation.IssueCodes;

/** Rule 11: a summary report's additive cells equal the sum of its parts' (汇总, 可加), or are summed (自动). */
@ExtendWith(InjectionExtension.class)
@InjectWith(ReportInjectorProvider.class)
class SummaryRulesTest extends ReportTestSupport {

	private static final Path COUNTY = Path.of("..", "examples", "county");

	@Inject
	private Provider<ResourceSet> resourceSets;

	@Inject
	private ReportEvaluator evaluator;

	@Inject
	private ReportBatch batch;

	/** Two departments: 甲 received 3 applications (2 disclosed, 1 carried forward), 乙 received 2 (both disclosed). */
	private ResourceSet departments() throws Exception {
		ResourceSet set = resourceSets.get();
		parse(Reports.balanced().named("甲局2023").meta("发布机关", "\"甲局\"").text(), set);
		parse(Reports.balanced().named("乙局2023").meta("发布机关", "\"乙局\"").tableA("行政规范性文件: 0 0 4")
				.tableB("一: 2 0 0 0 0 0\n三.一: 2 0 0 0 0 0").tableC("件数: 1 0 0 0 0 0 0 0 0 0 0 0").text(), set);
		return set;
	}

	private static Reports summary() {
		return Reports.balanced().named("县2023").meta("发布机关", "\"县政府办公室\"").meta("汇总", "甲局2023、乙局2023")
				.tableA("行政规范性文件: 3 0 5").tableB("一: 5 0 0 0 0 0\n三.一: 4 0 0 0 0 0\n四: 1 0 0 0 0 0")
				.tableC("件数: 1 0 0 0 0 0 0 0 0 0 0 0");
	}

	@Test
	void summaryEqualToTheSumOfItsPartsIsClean() throws Exception {
		assertCodes(parse(summary().text(), departments()));
	}

	@Test
	void eachAdditiveCellThatDiffersIsOneMismatchOnTheSummarysCell() throws Exception {
		ReportFile file = parse(summary().tableB("一: 6 0 0 0 0 0\n三.一: 5 0 0 0 0 0\n四: 1 0 0 0 0 0").text(), departments());
		List<Issue> issues = assertCodes(file, IssueCodes.AGGREGATE_MISMATCH, IssueCodes.AGGREGATE_MISMATCH);
		Issue received = issues.get(0);
		assertEquals("汇总数与各部分之和不符：表B「一」行「自然人」列为 6，而 甲局（3） + 乙局（2） = 5，相差 1", received.getMessage());
		assertEquals("6", marked(file, received));
		assertArrayEquals(new String[] { "5" }, received.getData());
	}

	@Test
	void tableAChecksOnlyTheColumnsTheReportTypeDeclaresAdditive() throws Exception {
		// 本年制发件数 is the county's own (3 is not 1 + 0); 现行有效件数 adds up (1 + 4 = 5, not 6)
		ReportFile file = parse(summary().tableA("行政规范性文件: 3 0 6").text(), departments());
		Issue inForce = single(file, IssueCodes.AGGREGATE_MISMATCH);
		assertTrue(inForce.getMessage().contains("表A「行政规范性文件」行「现行有效件数」列为 6"), inForce.getMessage());
		assertArrayEquals(new String[] { "5" }, inForce.getData());
	}

	@Test
	void aRowTheSummaryLeavesOutCountsAsZeroAndIsReportedOnTheTable() throws Exception {
		ReportFile file = parse(summary().tableC("").text(), departments());
		Issue review = single(file, IssueCodes.AGGREGATE_MISMATCH);
		assertTrue(review.getMessage().contains("表C「件数」行「行政复议.结果维持」列为 0，而 甲局（0） + 乙局（1） = 1"), review.getMessage());
		assertEquals("C", marked(file, review));
	}

	@Test
	void aBrokenPartGivesItsOwnRuleErrorsAndOneMismatchPerAffectedSummaryCell() throws Exception {
		ResourceSet set = resourceSets.get();
		ReportFile broken = parse(Reports.balanced().named("甲局2023").meta("发布机关", "\"甲局\"")
				.tableB("一: 4 0 0 0 0 0\n三.一: 2 0 0 0 0 0\n四: 1 0 0 0 0 0").text(), set);
		parse(Reports.balanced().named("乙局2023").meta("发布机关", "\"乙局\"").tableA("行政规范性文件: 0 0 4")
				.tableB("一: 2 0 0 0 0 0\n三.一: 2 0 0 0 0 0").tableC("件数: 1 0 0 0 0 0 0 0 0 0 0 0").text(), set);
		ReportFile county = parse(summary().text(), set);
		assertCodes(broken, "B1", "B1");
		Issue mismatch = single(county, IssueCodes.AGGREGATE_MISMATCH);
		assertTrue(mismatch.getMessage().contains("「一」行「自然人」列为 5，而 甲局（4） + 乙局（2） = 6，相差 1"), mismatch.getMessage());
	}

	@Test
	void autoSumsAWholeTableFromTheParts() throws Exception {
		ReportFile file = parse(summary().narrative("\"收到申请[B.一]件，办结[B.三.七]件，被申请行政复议[C.件数:行政复议.总计]件。\"")
				.part("三", "表 B 自动").part("四", "表 C 自动").text(), departments());
		assertCodes(file);
		ReportValues values = evaluator.values(file.getReports().get(0));
		assertEquals(List.of("5", "4", "1"), EcoreUtil2.eAllOfType(file, Binding.class).stream()
				.map(binding -> values.resolve(binding).value().toPlainString()).toList());
	}

	@Test
	void autoOutsideASummaryOrOnATableNotWhollyAdditiveIsAnError() throws Exception {
		Issue notSummary = single(parse(Reports.balanced().part("四", "表 C 自动").text()), IssueCodes.AUTO_NOT_COMPUTABLE);
		assertTrue(notSummary.getMessage().contains("本报告不是汇总报告"), notSummary.getMessage());
		Issue tableA = single(parse(summary().part("二", "表 A 自动").text(), departments()), IssueCodes.AUTO_NOT_COMPUTABLE);
		assertTrue(tableA.getMessage().contains("表A并非每格都可加"), tableA.getMessage());
	}

	@Test
	void aPartOfAnotherYearOrItselfIsAnError() throws Exception {
		ResourceSet set = departments();
		parse(Reports.balanced().named("甲局2022").meta("年度", "2022").meta("统计期限", "2022-01-01 至 2022-12-31")
				.meta("发布日期", "2023-01-18").text(), set);
		Issue otherYear = single(parse(summary().meta("汇总", "甲局2022").tableB("").tableA("").tableC("").text(), set),
				IssueCodes.SUMMARY_PART);
		assertEquals("报告「甲局2022」是2022年度的，不是2023年度", otherYear.getMessage());
		Issue itself = single(parse(summary().named("市2023").meta("汇总", "市2023").text(), resourceSets.get()), IssueCodes.SUMMARY_PART);
		assertEquals("汇总报告不能包含它自己", itself.getMessage());
	}

	@Test
	void aFolderSumsTheReportsInIt() throws Exception {
		ResourceSet set = resourceSets.get();
		parseHelper.parse(Reports.balanced().named("甲局2023").text(), URI.createURI("mem:/县/部门/甲.report"), set);
		parseHelper.parse(Reports.balanced().named("乙局2023").text(), URI.createURI("mem:/县/部门/乙.report"), set);
		parseHelper.parse(Reports.balanced().named("丙局2023").text(), URI.createURI("mem:/县/别处/丙.report"), set);
		ReportFile county = parseHelper.parse(summary().meta("汇总", "目录 \"部门\"").tableA("行政规范性文件: 3 0 2")
				.tableB("一: 6 0 0 0 0 0\n三.一: 4 0 0 0 0 0\n四: 2 0 0 0 0 0").tableC("").text(), URI.createURI("mem:/县/汇总.report"), set);
		assertCodes(county);
		assertEquals(List.of("乙局2023", "甲局2023"), evaluator.summaryParts(county.getReports().get(0)).reports().stream()
				.map(r -> r.getName()).toList());
		ReportFile empty = parseHelper.parse(summary().named("县2023乙").meta("汇总", "目录 \"无此目录\"").text(),
				URI.createURI("mem:/县/汇总乙.report"), set);
		assertEquals("目录「无此目录」中没有报告：请写明本报告所在目录下汇总的各报告所在的目录",
				single(empty, IssueCodes.SUMMARY_FOLDER).getMessage());
	}

	@Test
	void theCountyExampleChecksCleanAndABrokenDepartmentGivesExactlyOneMismatchPerAffectedCell() throws Exception {
		Path county = copy(COUNTY, Files.createTempDirectory("county").resolve("county"));
		assertEquals(List.of(), batch.check(ReportBatch.collect(List.of(county))).diagnostics());
		Path police = county.resolve("departments/heyang-gongan-2023.report");
		Files.writeString(police, Files.readString(police).replace("一:      12 2 0 0 0 0", "一:      13 2 0 0 0 0"));
		List<Diagnostic> diagnostics = batch.check(ReportBatch.collect(List.of(county))).diagnostics();
		assertEquals(List.of("heyang-county-2023.report report.aggregate-mismatch", "heyang-gongan-2023.report B1",
				"heyang-gongan-2023.report B1"), diagnostics.stream().map(d -> d.file().getFileName() + " " + d.code()).sorted().toList());
		Diagnostic mismatch = diagnostics.stream().filter(d -> d.code().equals(IssueCodes.AGGREGATE_MISMATCH)).findFirst().orElseThrow();
		assertEquals("汇总数与各部分之和不符：表B「一」行「自然人」列为 43，而 河阳县公安局（13） + 河阳县教育和体育局（8） + 河阳县自然资源局（23） = 44，相差 1",
				mismatch.message());
		assertEquals(List.of("44"), mismatch.data());
	}

	private static Path copy(Path from, Path to) throws Exception {
		try (var walk = Files.walk(from)) {
			for (Path source : walk.toList()) {
				Path target = to.resolve(from.relativize(source).toString());
				if (Files.isDirectory(source)) {
					Files.createDirectories(target);
				} else {
					Files.copy(source, target);
				}
			}
		}
		return to;
	}
}
