package report.dsl.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
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
import report.dsl.generator.OutputFormat;
import report.dsl.generator.ReportPublisher;
import report.dsl.report.Report;
import report.dsl.report.ReportFile;

/**
 * Publishing throughput: one operation renders one report in all three formats (Markdown, HTML, JSON),
 * cycling through the five examples, which are parsed and checked once beforehand as `report build`
 * does before it publishes. ops/s is reports published per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class GenerationBenchmark {

	private final List<Report> reports = new ArrayList<>();
	private ReportPublisher publisher;
	private int next;

	@Setup(Level.Trial)
	public void loadExamples() throws IOException {
		Injector injector = new ReportStandaloneSetup().createInjectorAndDoEMFRegistration();
		publisher = injector.getInstance(ReportPublisher.class);
		XtextResourceSet resourceSet = injector.getInstance(XtextResourceSet.class);
		resourceSet.getLoadOptions().put(XtextResource.OPTION_ENCODING, StandardCharsets.UTF_8.name());
		for (String example : Examples.ALL) {
			Resource resource = resourceSet.createResource(URI.createFileURI("/examples/" + example));
			resource.load(new ByteArrayInputStream(Examples.text(example).getBytes(StandardCharsets.UTF_8)),
					resourceSet.getLoadOptions());
			reports.add(((ReportFile) resource.getContents().get(0)).getReports().get(0));
		}
	}

	@Benchmark
	public int publishInAllFormats() {
		Report report = reports.get(next++ % reports.size());
		int length = 0;
		for (OutputFormat format : OutputFormat.values()) {
			length += publisher.render(report, format).length();
		}
		return length;
	}
}
