package report.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.google.inject.Inject;
import com.google.inject.Provider;

import report.dsl.batch.ReportFormatting;
import report.dsl.validation.IssueCodes;

/**
 * A file's bytes as editors and input methods leave them: encodings, line ends and full-width input, loaded the way
 * the command line, the Maven plugin and the language server load files.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(ReportInjectorProvider.class)
class SourceTextTest {

	/** Table B's 四 is one short of what B1 needs: one error, on a line every line-end style must agree on. */
	private static final String UNBALANCED = Reports.balanced()
			.tableB("\t\t\t一: 3 0 0 0 0 0 3\n\t\t\t三.一: 2 0 0 0 0 0 2\n\t\t\t三.七: 2 0 0 0 0 0 2\n\t\t\t四: 0 0 0 0 0 0 0").text();

	@Inject
	private Provider<XtextResourceSet> resourceSets;

	@Inject
	private IResourceValidator validator;

	@Inject
	private ReportFormatting formatting;

	private XtextResource load(byte[] bytes) throws Exception {
		XtextResource resource = (XtextResource) resourceSets.get().createResource(URI.createURI("input.report"));
		resource.load(new ByteArrayInputStream(bytes), null);
		return resource;
	}

	private List<Issue> issues(byte[] bytes) throws Exception {
		return validator.validate(load(bytes), CheckMode.ALL, CancelIndicator.NullImpl);
	}

	/** The report as the formatter lays it out, from ASCII input with LF line ends. */
	private String formatted(Reports report) throws Exception {
		return formatting.format(load(utf8(report.text()))).orElseThrow();
	}

	private static String describe(List<Issue> issues) {
		return issues.stream().map(i -> i.getLineNumber() + ":" + i.getColumn() + " " + i.getCode() + " " + i.getMessage())
				.collect(Collectors.joining("\n"));
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	@ParameterizedTest
	@ValueSource(strings = { "\n", "\r\n", "\r" })
	void everyLineEndStyleGivesTheSameDiagnosticsAtTheSameLines(String lineEnd) throws Exception {
		List<Issue> lf = issues(utf8(UNBALANCED));
		List<Issue> styled = issues(utf8(UNBALANCED.replace("\n", lineEnd)));
		assertEquals(describe(lf), describe(styled));
		assertEquals(List.of("B1", "B1"), styled.stream().map(Issue::getCode).sorted().toList(), describe(styled));
	}

	@Test
	void aSyntaxErrorBeforeALoneCarriageReturnIsReportedNotLost() throws Exception {
		List<Issue> issues = issues(utf8("报告 x\r"));
		assertEquals(1, issues.size(), describe(issues));
		assertTrue(issues.get(0).isSyntaxError());
		assertEquals(1, issues.get(0).getLineNumber());
	}

	@Test
	void aByteOrderMarkIsAccepted() throws Exception {
		byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
		byte[] text = utf8(Reports.balanced().text());
		byte[] both = new byte[bom.length + text.length];
		System.arraycopy(bom, 0, both, 0, bom.length);
		System.arraycopy(text, 0, both, bom.length, text.length);
		assertEquals("", describe(issues(both)));
	}

	@Test
	void aGbkFileIsOneErrorNamingGbkWhereItStopsBeingUtf8() throws Exception {
		List<Issue> issues = issues(Reports.balanced().text().getBytes(Charset.forName("GBK")));
		assertEquals(1, issues.size(), describe(issues));
		Issue issue = issues.get(0);
		assertEquals(IssueCodes.ENCODING, issue.getCode());
		assertEquals("文件不是UTF-8编码（看来是GBK编码）：请用编辑器把它另存为UTF-8编码", issue.getMessage());
		assertEquals(1, issue.getLineNumber());
		assertEquals(1, issue.getColumn()); // 报 is the first character, and not UTF-8
	}

	@Test
	void invalidUtf8IsOneErrorAndIsNeverFormattedBack() throws Exception {
		String text = Reports.balanced().text();
		int at = text.indexOf("无。");
		byte[] head = utf8(text.substring(0, at));
		byte[] tail = utf8(text.substring(at));
		byte[] broken = new byte[head.length + 1 + tail.length];
		System.arraycopy(head, 0, broken, 0, head.length);
		broken[head.length] = (byte) 0xFF;
		System.arraycopy(tail, 0, broken, head.length + 1, tail.length);
		List<Issue> issues = issues(broken);
		assertEquals(List.of(IssueCodes.ENCODING), issues.stream().map(Issue::getCode).toList(), describe(issues));
		assertFalse(issues.get(0).getMessage().contains("GBK"), issues.get(0).getMessage());
		assertEquals(text.substring(0, at).split("\n", -1).length, issues.get(0).getLineNumber());
		assertTrue(formatting.format(load(broken)).isEmpty());
	}

	@ParameterizedTest
	@ValueSource(strings = { "\r\n", "\r" })
	void formattingKeepsTheFilesLineEnds(String lineEnd) throws Exception {
		String ragged = Reports.balanced().text().replace("\t", "").replace("\n", lineEnd);
		String formatted = formatting.format(load(utf8(ragged))).orElseThrow();
		assertEquals(formatted(Reports.balanced()).replace("\n", lineEnd), formatted);
	}

	@Test
	void fullWidthDigitsColonsCurlyQuotesAndAnUnspacedPeriodAreReadAsTheirAsciiForms() throws Exception {
		String typed = Reports.balanced().meta("年度", "：２０２３").meta("统计期限", "2023-01-01至2023-12-31")
				.narrative("“全年网站公开信息[网站信息]条，收到“申请”[B．一]件。”")
				.tableB("\t\t\t一: ３ 0 0 0 0 0 ３\n\t\t\t三.一: 2 0 0 0 0 0 2\n\t\t\t三.七: 2 0 0 0 0 0 2\n\t\t\t四: 1 0 0 0 0 0 1").text();
		assertEquals("", describe(issues(utf8(typed))));
		String formatted = formatting.format(load(utf8(typed))).orElseThrow();
		assertEquals(formatted(Reports.balanced().narrative("\"全年网站公开信息[网站信息]条，收到“申请”[B.一]件。\"")), formatted);
	}

	@Test
	void aFullWidthCharacterTheLanguageHasNoUseForIsNamedAndOfferedForDeletion() throws Exception {
		List<Issue> issues = issues(utf8(Reports.balanced().meta("年度", "2023（").text()));
		assertEquals(1, issues.size(), describe(issues));
		assertEquals(IssueCodes.INPUT_FORM, issues.get(0).getCode());
		assertEquals("此处不能有全角字符「（」", issues.get(0).getMessage());
		assertEquals(List.of(""), List.of(issues.get(0).getData()));
	}
}
