package report.dsl.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import com.google.inject.Injector;

import report.dsl.ReportStandaloneSetup;

/**
 * What an editor does on each keystroke in a full annual report: reparse the edited region of the
 * already loaded resource, relink, and validate the whole report again.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// on 2 cores the JIT needs about 10 s to settle on this code: fewer warmups measure the compiler
@Warmup(iterations = 15, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class RevalidationBenchmark {

	/** Table B's 三（一）予以公开 row, whose first cell, 14 for 自然人, balances 三.七 and 总计. */
	private static final Pattern EDITED_CELL = Pattern.compile("(?m)^\\s*三\\.一:\\s*(14)\\s");

	private XtextResource resource;
	private IResourceValidator validator;
	private int digitOffset;
	private boolean edited;

	@Setup(Level.Trial)
	public void loadReport() throws IOException {
		Injector injector = new ReportStandaloneSetup().createInjectorAndDoEMFRegistration();
		validator = injector.getInstance(IResourceValidator.class);
		XtextResourceSet resourceSet = injector.getInstance(XtextResourceSet.class);
		resourceSet.getLoadOptions().put(XtextResource.OPTION_ENCODING, StandardCharsets.UTF_8.name());
		String text = Examples.text(Examples.FULL_REPORT);
		resource = (XtextResource) resourceSet.createResource(URI.createFileURI("/examples/" + Examples.FULL_REPORT));
		resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), resourceSet.getLoadOptions());
		Matcher cell = EDITED_CELL.matcher(text);
		if (!cell.find()) {
			throw new IllegalStateException(Examples.FULL_REPORT + " no longer has the row 三.一: 14 …");
		}
		digitOffset = cell.start(1) + 1;

		// the edit must be the one meant: errors while the cell reads 15, none once it is back to 14
		expectErrors(false);
		edit();
		expectErrors(true);
		edit();
		expectErrors(false);
	}

	/** 14 → 15 → 14 …: each edit makes balance errors appear or disappear. */
	@Benchmark
	public List<Issue> revalidateAfterOneCharacterEdit() {
		edit();
		return validator.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl);
	}

	private void edit() {
		edited = !edited;
		resource.update(digitOffset, 1, edited ? "5" : "4");
	}

	private void expectErrors(boolean expected) {
		List<Issue> errors = validator.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl).stream()
				.filter(issue -> issue.getSeverity() == Severity.ERROR).toList();
		if (errors.isEmpty() == expected) {
			throw new IllegalStateException("after editing " + Examples.FULL_REPORT + " at " + digitOffset
					+ (expected ? " expected balance errors, got none" : " expected no errors, got " + errors));
		}
	}
}
