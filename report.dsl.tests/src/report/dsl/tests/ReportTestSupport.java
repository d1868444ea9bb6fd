package report.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.eclipse.xtext.validation.Issue;

import com.google.inject.Inject;

import report.dsl.report.ReportFile;

/** Parsing and validation through Xtext's own test helpers, with assertions phrased for this language. */
abstract class ReportTestSupport {

	@Inject
	protected ParseHelper<ReportFile> parseHelper;

	@Inject
	protected ValidationTestHelper validationHelper;

	protected ReportFile parse(CharSequence text) throws Exception {
		ReportFile file = parseHelper.parse(text);
		assertTrue(file.eResource().getErrors().isEmpty(), () -> "syntax errors: " + file.eResource().getErrors());
		return file;
	}

	protected ReportFile parse(CharSequence text, ResourceSet resourceSet) throws Exception {
		ReportFile file = parseHelper.parse(text, resourceSet);
		assertTrue(file.eResource().getErrors().isEmpty(), () -> "syntax errors: " + file.eResource().getErrors());
		return file;
	}

	protected List<Issue> issues(ReportFile file) {
		return validationHelper.validate(file);
	}

	/** Asserts the checker reports exactly these codes, in any order, and returns the issues. */
	protected List<Issue> assertCodes(ReportFile file, String... codes) {
		List<Issue> issues = issues(file);
		assertEquals(List.of(codes).stream().sorted().toList(),
				issues.stream().map(Issue::getCode).sorted().toList(),
				() -> issues.stream().map(i -> i.getCode() + " " + i.getMessage()).collect(Collectors.joining("\n")));
		return issues;
	}

	protected Issue single(ReportFile file, String code) {
		return assertCodes(file, code).get(0);
	}

	/** The text the issue marks in its file. */
	protected static String marked(ReportFile file, Issue issue) {
		String text = org.eclipse.xtext.nodemodel.util.NodeModelUtils.getNode(file).getRootNode().getText();
		return text.substring(issue.getOffset(), issue.getOffset() + issue.getLength());
	}

	/** The 1-based line the issue is on. */
	protected static int line(Issue issue) {
		return issue.getLineNumber();
	}
}
