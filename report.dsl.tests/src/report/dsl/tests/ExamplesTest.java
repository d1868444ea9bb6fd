package report.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;

import org.eclipse.xtext.resource.XtextResource;

import report.dsl.batch.ReportBatch;
import report.dsl.batch.ReportFormatting;
import report.dsl.batch.ReportBatch.Diagnostic;
import report.dsl.validation.IssueCodes;

/**
 * The five seed reports, transcribed into examples/, and the county's summary with its three departments
 * (examples/county) check clean; as published, the seeds show their real mistakes.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(ReportInjectorProvider.class)
class ExamplesTest {

	private static final Path EXAMPLES = Path.of("..", "examples");
	private static final Path FIXTURES = Path.of("resources");

	@Inject
	private ReportBatch batch;

	@Inject
	private ReportFormatting formatting;

	@Test
	void allExamplesCheckClean() throws Exception {
		List<Path> files = ReportBatch.collect(List.of(EXAMPLES));
		assertEquals(11, files.size(), files::toString);
		ReportBatch.Result result = batch.check(files);
		assertEquals(List.of(), result.diagnostics().stream().map(ExamplesTest::describe).toList());
		assertEquals(11, result.resources().size());
		result.resources().values().forEach(r -> assertTrue(r.getErrors().isEmpty()));
	}

	@Test
	void theExamplesAreLaidOutAsTheFormatterWould() throws Exception {
		ReportBatch.Loaded loaded = batch.load(ReportBatch.collect(List.of(EXAMPLES)));
		for (var entry : loaded.resources().entrySet()) {
			XtextResource resource = (XtextResource) entry.getValue();
			assertEquals(resource.getParseResult().getRootNode().getText(), formatting.format(resource).orElseThrow(),
					() -> entry.getKey() + " is not formatted: run ./report format examples");
		}
	}

	@Test
	void seed000AsPublishedStatesTwoApplicationsWhereTableBHasThree() throws Exception {
		Path file = FIXTURES.resolve("000-as-published.report");
		List<Diagnostic> diagnostics = batch.check(List.of(file)).diagnostics();
		assertEquals(1, diagnostics.size(), () -> diagnostics.stream().map(ExamplesTest::describe).collect(Collectors.joining("\n")));
		Diagnostic mismatch = diagnostics.get(0);
		assertEquals(IssueCodes.STATED_MISMATCH, mismatch.code());
		assertEquals("文中写作 2，但表B 一（总计）为 3", mismatch.message());
		String line = Files.readAllLines(file).get(mismatch.line() - 1);
		assertEquals("2", line.substring(mismatch.column() - 1, mismatch.column()));
		assertTrue(line.substring(0, mismatch.column() + 1).endsWith("共收到信息公开申请[B.一 = 2]"), line);
		assertEquals(List.of("3"), mismatch.data());
	}

	@Test
	void seed004AsPublishedNumbersPartFiveWithADigit() throws Exception {
		List<Diagnostic> diagnostics = batch.check(List.of(FIXTURES.resolve("004-as-published.report"))).diagnostics();
		assertEquals(List.of(IssueCodes.HEADING_NUMBER), diagnostics.stream().map(Diagnostic::code).toList());
		assertEquals(ReportBatch.Severity.WARNING, diagnostics.get(0).severity());
	}

	private static String describe(Diagnostic d) {
		return d.file().getFileName() + ":" + d.line() + ":" + d.column() + " " + d.code() + " " + d.message();
	}
}
