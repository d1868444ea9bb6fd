package report.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.StringInputStream;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;
import com.google.inject.Provider;

import report.dsl.resource.ReportResource;
import report.dsl.validation.IssueCodes;

/**
 * What the checker computes once per state of a file and shares between its checks (a report's values and the values a
 * number in the text may restate, its figures, the columns of each row line, the scopes of rows, columns and figures)
 * follows an edit made in place, as the language server makes it: after each edit the findings are those of the
 * edited text checked afresh.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(ReportInjectorProvider.class)
class CachedValuesFollowEditsTest {

	@Inject
	private Provider<XtextResourceSet> resourceSets;

	@Inject
	private IResourceValidator validator;

	private ReportResource edited;
	private String text;
	private List<String> findings;

	@Test
	void everyEditInPlaceGivesTheFindingsOfTheTextCheckedAfresh() throws Exception {
		text = Files.readString(Path.of("..", "examples", "003-liaocheng-kaifaqu-2023.report"));
		edited = load(text);
		findings = check(edited);
		assertEquals(List.of(), findings);

		// a number typed into the text restates a cell; once the cell changes it no longer does, and again when it is back
		edit("举办和参加业务培训[业务培训]次", "举办和参加业务培训[业务培训]次，办理许可16770件");
		assertTrue(findings.stream().anyMatch(f -> f.startsWith(IssueCodes.LITERAL_NUMBER)), findings::toString);
		edit("行政许可:        16770", "行政许可:        16771");
		assertTrue(findings.stream().noneMatch(f -> f.startsWith(IssueCodes.LITERAL_NUMBER)), findings::toString);
		edit("行政许可:        16771", "行政许可:        16770");
		// a stated number checked against a figure whose value then changes, and a figure renamed away from its binding
		edit("[业务培训]次，", "[业务培训 = 6]次，");
		edit("数值 业务培训 = 6 次", "数值 业务培训 = 7 次");
		assertTrue(findings.stream().anyMatch(f -> f.startsWith(IssueCodes.STATED_MISMATCH)), findings::toString);
		edit("数值 业务培训 = 7 次", "数值 业务培训班 = 6 次");
		assertTrue(findings.stream().anyMatch(f -> f.contains("业务培训")), findings::toString);
		edit("数值 业务培训班 = 6 次", "数值 业务培训 = 6 次");
		// a row line given one value too many, then a cell that breaks a balance rule, then both put right
		edit("三.一:   14 0 0 0 0 0 14", "三.一:   14 0 0 0 0 0 0 14");
		assertTrue(findings.stream().anyMatch(f -> f.startsWith(IssueCodes.ROW_ARITY)), findings::toString);
		edit("三.一:   14 0 0 0 0 0 0 14", "三.一:   13 0 0 0 0 0 14");
		assertTrue(findings.stream().anyMatch(f -> f.startsWith("B")), findings::toString);
		edit("三.一:   13 0 0 0 0 0 14", "三.一:   14 0 0 0 0 0 14");
		// a binding to a row that is not in the table, then to one that is
		edit("[B.三.七]件，均在法定期限内", "[B.三.八]件，均在法定期限内");
		assertTrue(findings.stream().anyMatch(f -> f.contains("三.八")), findings::toString);
		edit("[B.三.八]件，均在法定期限内", "[B.三.七]件，均在法定期限内");
		assertEquals(List.of(IssueCodes.LITERAL_NUMBER), findings.stream().map(f -> f.split(" ")[0]).toList());
	}

	/** Edits the text in place, checks it, and compares with the edited text loaded and checked on its own. */
	private void edit(String before, String after) throws Exception {
		assertTrue(text.contains(before), before);
		text = text.replace(before, after);
		assertTrue(edited.edit(text), "edited in place");
		findings = check(edited);
		assertEquals(check(load(text)), findings, () -> "after " + before + " → " + after);
	}

	private ReportResource load(String content) throws Exception {
		ReportResource resource = (ReportResource) resourceSets.get()
				.createResource(URI.createFileURI(Path.of("003-liaocheng-kaifaqu-2023.report").toAbsolutePath().toString()));
		resource.load(new StringInputStream(content), null);
		return resource;
	}

	private List<String> check(ReportResource resource) {
		return validator.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl).stream()
				.map(issue -> issue.getCode() + " " + issue.getLineNumber() + ":" + issue.getColumn() + " " + issue.getMessage())
				.toList();
	}
}
