package report.dsl.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import report.dsl.ReportStandaloneSetup;
import report.dsl.batch.ReportBatch;

/**
 * Reports checked per second over a generated batch of 10,000 report files in a 1 GiB heap. Each
 * invocation loads and validates the batch's next chunk of files in a fresh resource set, as a build
 * does, and the chunks go round the batch: at 100 reports/s or more, the 100 s of measurement check
 * every file of it at least once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 10)
// reports/s varies by ±10% from one 10 s stretch to the next on 2 cores: 10 iterations narrow the error
@Measurement(iterations = 10, time = 10)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class BatchCheckBenchmark {

	static final int BATCH_SIZE = 10_000;
	static final int CHUNK_SIZE = BatchRun.DEFAULT_CHUNK; // divides BATCH_SIZE

	private GeneratedBatch batch;
	private ReportBatch reportBatch;
	private int nextChunk;

	@Setup(Level.Trial)
	public void writeBatch() throws IOException {
		batch = GeneratedBatch.write(BATCH_SIZE, BatchRun.SEED);
		reportBatch = new ReportStandaloneSetup().createInjectorAndDoEMFRegistration().getInstance(ReportBatch.class);
	}

	@TearDown(Level.Trial)
	public void deleteBatch() {
		batch.close();
	}

	@Benchmark
	@OperationsPerInvocation(CHUNK_SIZE)
	public ReportBatch.Result checkBatch() {
		List<Path> chunk = batch.files().subList(nextChunk, nextChunk + CHUNK_SIZE);
		nextChunk = (nextChunk + CHUNK_SIZE) % BATCH_SIZE;
		ReportBatch.Result result = reportBatch.check(chunk);
		if (result.count(ReportBatch.Severity.ERROR) > 0) {
			throw new IllegalStateException("the generated reports should balance: " + result.diagnostics());
		}
		return result;
	}
}
