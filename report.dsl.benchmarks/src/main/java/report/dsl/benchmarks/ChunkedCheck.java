package report.dsl.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import report.dsl.batch.ReportBatch;
import report.dsl.batch.ReportBatch.Diagnostic;
import report.dsl.batch.ReportBatch.Severity;

/**
 * Checks many files as a build would: chunk by chunk, each in a fresh resource set, so that memory is
 * bounded by the chunk rather than by the batch.
 */
public final class ChunkedCheck {

	private static final int ERRORS_KEPT = 5;

	/** What a check found: counts, and the first few errors to show. */
	public record Tally(int reports, long errors, long warnings, List<Diagnostic> firstErrors) {
	}

	private final ReportBatch batch;
	private final int chunkSize;

	public ChunkedCheck(ReportBatch batch, int chunkSize) {
		if (chunkSize < 1) {
			throw new IllegalArgumentException("chunk size must be positive: " + chunkSize);
		}
		this.batch = batch;
		this.chunkSize = chunkSize;
	}

	public Tally check(List<Path> files) {
		long errors = 0;
		long warnings = 0;
		List<Diagnostic> firstErrors = new ArrayList<>();
		for (int from = 0; from < files.size(); from += chunkSize) {
			ReportBatch.Result result = batch.checkAlone(files.subList(from, Math.min(files.size(), from + chunkSize)));
			errors += result.count(Severity.ERROR);
			warnings += result.count(Severity.WARNING);
			result.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR)
					.limit(ERRORS_KEPT - firstErrors.size()).forEach(firstErrors::add);
		}
		return new Tally(files.size(), errors, warnings, firstErrors);
	}
}
