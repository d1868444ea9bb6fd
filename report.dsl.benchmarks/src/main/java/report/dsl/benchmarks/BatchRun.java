package report.dsl.benchmarks;

import java.io.IOException;
import java.util.Locale;

import report.dsl.ReportStandaloneSetup;
import report.dsl.batch.ReportBatch;

/**
 * Generates a batch of report files and checks it in one go, printing reports per second and the heap
 * it took: {@code java -Xmx1g -cp benchmarks.jar report.dsl.benchmarks.BatchRun [REPORTS [CHUNK]]}.
 */
public final class BatchRun {

	static final long SEED = 2023;
	static final int DEFAULT_REPORTS = 10_000;
	static final int DEFAULT_CHUNK = 100;

	private BatchRun() {
	}

	public static void main(String[] args) throws IOException {
		int reports = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_REPORTS;
		int chunk = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_CHUNK;

		System.out.printf(Locale.ROOT, "Java %s on %d cores%n", Runtime.version(),
				Runtime.getRuntime().availableProcessors());
		long start = System.nanoTime();
		try (GeneratedBatch batch = GeneratedBatch.write(reports, SEED)) {
			System.out.printf(Locale.ROOT, "generated %d reports in %.1f s%n", reports, seconds(start));

			start = System.nanoTime();
			ReportBatch reportBatch = new ReportStandaloneSetup().createInjectorAndDoEMFRegistration()
					.getInstance(ReportBatch.class);
			System.out.printf(Locale.ROOT, "language set up in %.1f s%n", seconds(start));

			ChunkedCheck.Tally tally;
			double checking;
			long peak;
			long afterGc;
			try (HeapWatch heap = new HeapWatch()) {
				start = System.nanoTime();
				tally = new ChunkedCheck(reportBatch, chunk).check(batch.files());
				checking = seconds(start);
				peak = heap.peakUsedMiB();
				afterGc = heap.maxUsedAfterGcMiB();
			}
			System.out.printf(Locale.ROOT, "checked %d reports in chunks of %d in %.1f s: %.0f reports/s%n",
					tally.reports(), chunk, checking, tally.reports() / checking);
			System.out.printf(Locale.ROOT, "found %d errors, %d warnings%n", tally.errors(), tally.warnings());
			tally.firstErrors().forEach(error -> System.out.println("  " + error));
			System.out.printf(Locale.ROOT, "heap while checking: peak %d MiB in use, at most %d MiB still in use "
					+ "after a GC; max heap (-Xmx) %d MiB%n", peak, afterGc, HeapWatch.maxHeapMiB());
		}
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}
}
