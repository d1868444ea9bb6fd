package report.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;

import org.eclipse.xtext.diagnostics.Diagnostic;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.google.inject.Inject;
import com.google.inject.Provider;

import report.dsl.report.Report;
import report.dsl.report.ReportFile;
import report.dsl.report.TableData;
import report.dsl.validation.IssueCodes;

/** Broken input yields Xtext's recovered parse errors and a usable model, never an exception. */
@ExtendWith(InjectionExtension.class)
@InjectWith(ReportInjectorProvider.class)
class ParserRecoveryTest extends ReportTestSupport {

	@Inject
	private Provider<XtextResourceSet> resourceSets;

	@Inject
	private IResourceValidator validator;

	@Test
	void aMissingClosingBraceIsReportedAndTheRestStillParses() throws Exception {
		String text = Reports.balanced().text().replace("四: 1 0 0 0 0 0 1\n\t\t}", "四: 1 0 0 0 0 0 1\n");
		ReportFile file = parseHelper.parse(text);
		// table B takes part 三's brace for its own, so the parser finds part 三 unclosed when part 四 begins
		int braceLine = (int) text.substring(0, text.indexOf("部分 三 {")).lines().count();
		assertEquals(List.of("第" + braceLine + "行的「{」没有配对的「}」：在「部分」之前缺少「}」"),
				file.eResource().getErrors().stream().map(e -> e.getMessage()).toList());
		Report report = file.getReports().get(0);
		assertEquals("测试局2023", report.getName());
		assertNotNull(org.eclipse.xtext.EcoreUtil2.eAllOfType(report, TableData.class).get(1).getRows());
		Issue unclosed = single(file, IssueCodes.UNCLOSED);
		assertTrue(unclosed.isSyntaxError());
		assertEquals("{", marked(file, unclosed));
		assertEquals(braceLine, line(unclosed));
	}

	@Test
	void aStrayLineBeforeAReportIsOneErrorThereAndTheReportIsStillChecked() throws Exception {
		ReportFile file = parse("x\n" + Reports.balanced().text());
		assertEquals("测试局2023", file.getReports().get(0).getName());
		Issue stray = single(file, IssueCodes.TEXT_OUTSIDE_REPORT);
		assertEquals(1, line(stray));
		assertEquals("x", marked(file, stray));
		// a run of loose tokens is one error, and the report behind it is still checked
		assertCodes(parse("x 1 ：\n" + Reports.balanced().withoutMeta("年度").text()), IssueCodes.TEXT_OUTSIDE_REPORT,
				IssueCodes.MISSING_METADATA);
	}

	@Test
	void anUnclosedQuoteIsOneMessageWhereTheQuoteOpens() throws Exception {
		String text = Reports.balanced().part("五", "\"无。").text();
		ReportFile file = parseHelper.parse(text);
		Issue unclosed = single(file, IssueCodes.UNCLOSED);
		assertEquals("\"", marked(file, unclosed));
		assertEquals(text.substring(0, text.indexOf("\"无。\n")).lines().count(), line(unclosed));
		assertTrue(unclosed.getMessage().contains("似乎没有结束"), unclosed.getMessage());
	}

	@Test
	void aQuoteOpenAtTheEndOfTheFileIsOneMessageAtTheQuote() throws Exception {
		ReportFile file = parseHelper.parse("报告 x 遵循 政府信息公开年报2021 {\n  部分 一 { \"未结束 }\n");
		Issue unclosed = single(file, IssueCodes.UNCLOSED);
		assertEquals(2, line(unclosed));
		assertEquals(10, unclosed.getColumn());
	}

	@Test
	void aSyntaxErrorInATableIsTheOnlyMessageNotMissingPartsTablesOrBalances() throws Exception {
		ReportFile file = parseHelper.parse(Reports.balanced().tableB("一: 3 0 0 0 0 0 3\n三.一: 2 0 0 0 0 0 2 }}\n四: 1 0 0 0 0 0 1").text());
		List<Issue> issues = issues(file);
		assertTrue(issues.stream().allMatch(Issue::isSyntaxError),
				() -> issues.stream().map(i -> i.getCode() + " " + i.getMessage()).toList().toString());
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "报告", "报告 x 遵循", "报告 x 遵循 政府信息公开年报2021 {", "}}}", "\"未结束的字符串",
			"报告 x 遵循 政府信息公开年报2021 { 部分 一 { \"收到[B.一 件\" } }", "报告 x 遵循 政府信息公开年报2021 { 年度 二〇二三 }",
			"报告 x 遵循 政府信息公开年报2021 { 部分 三 { 表 B { 一: 3 0 x 0 } } }", "报告 x 遵循 y { 统计期限 2023-1-1 至 2023-12-31 }" })
	void brokenInputNeverThrows(String text) throws Exception {
		XtextResourceSet resourceSet = resourceSets.get();
		Resource resource = resourceSet.createResource(URI.createURI("broken.report"));
		resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), null);
		List<Issue> issues = validator.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl);
		if (!text.isEmpty()) {
			assertFalse(issues.isEmpty(), "expected diagnostics for: " + text);
			assertTrue(issues.stream().allMatch(i -> i.getLineNumber() != null && i.getColumn() != null));
		}
	}

	@Test
	void aMetadataLineGivenTwiceIsSaidSo() throws Exception {
		ReportFile file = parseHelper.parse(Reports.balanced().meta("年度", "2023\n\t年度 2024").text());
		assertEquals(List.of("「年度」重复：每份报告只写一行「年度」"), file.eResource().getErrors().stream().map(e -> e.getMessage()).toList());
	}

	@Test
	void aMetadataLineLeftUnfinishedIsSaidSoBeforeTheNext() throws Exception {
		ReportFile file = parseHelper.parse(Reports.balanced().meta("统计期限", "2023-01-01").text());
		assertEquals(List.of("在「发布日期」之前，上一行没有写完（例如「统计期限 2023-01-01 至 2023-12-31」）"),
				file.eResource().getErrors().stream().map(e -> e.getMessage()).toList());
	}

	@Test
	void anUnknownRowIsALinkingErrorAtTheName() throws Exception {
		ReportFile file = parse(Reports.balanced().tableB("一: 3 0 0 0 0 0 3\n三.九: 1 0 0 0 0 0 1").text());
		Issue issue = issues(file).stream().filter(i -> Diagnostic.LINKING_DIAGNOSTIC.equals(i.getCode())).findFirst()
				.orElseThrow();
		assertEquals("未知的行「三.九」", issue.getMessage());
		assertEquals("三.九", marked(file, issue));
	}

	@Test
	void anUnknownReportTypeSaysWhichOneIsBuiltIn() throws Exception {
		ReportFile file = parseHelper.parse("报告 x 遵循 政府信息公开年报2020 { }");
		assertTrue(issues(file).stream().anyMatch(i -> i.getMessage().contains("内置的报告类型是 政府信息公开年报2021")));
	}
}
