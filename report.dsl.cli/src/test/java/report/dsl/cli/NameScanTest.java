package report.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.XtextResourceSet;

import com.google.inject.Injector;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import report.dsl.ReportStandaloneSetup;
import report.dsl.batch.NameScan;
import report.dsl.resource.SourceText;
import report.dsl.scoping.BatchIndex;
import report.dsl.scoping.ReportTypeLibrary;

/**
 * The batch's index reads a file's report or report type from its tokens ({@link NameScan}) instead of parsing it:
 * whenever the scan answers, it answers what the parse exports, on the examples, the shipped report types, the fuzz
 * corpus and damaged versions of them; and it answers for the examples, so that a folder of reports is parsed once.
 */
class NameScanTest {

	private static final Injector LANGUAGE = new ReportStandaloneSetup().createInjectorAndDoEMFRegistration();
	private static final URI FILE = URI.createFileURI("/reports/某局2023.report");

	@Example
	void scansEveryExampleAndShippedTypeAsItsParseDescribesIt() {
		// a summary of a folder carries the folder in its entry: the parse finds it
		for (String text : seeds().stream().filter(text -> !text.contains("汇总 目录")).toList()) {
			Optional<IResourceDescription> scanned = scan(text);
			assertTrue(scanned.isPresent(), () -> "not scanned:\n" + text);
			assertEquals(parsed(text.getBytes(StandardCharsets.UTF_8)), entries(scanned.get()));
		}
	}

	@Example
	void leavesToTheParseWhatOnlyTheParseCanTell() {
		String report = seeds().get(0);
		for (String text : List.of(report + "\n" + report, "甲 " + report, report.replaceFirst("报告 \\S+", "报告 1"),
				report.replaceFirst("(?m)^\t发布机关", "\t汇总 目录 \"部门\"\n\t发布机关"), report.replaceFirst("(?m)^\t部分 一 \\{", "\t部分 一 {" + "小节 \"x\" {".repeat(60) + "}".repeat(60)))) {
			assertFalse(scan(text).isPresent(), () -> "scanned:\n" + text);
		}
	}

	@Example
	void aFileWithNothingOrNotUtf8ExportsNothing() {
		byte[] gbk = "报告 某局2023 遵循 政府信息公开年报2021 {}".getBytes(Charset.forName("GBK"));
		for (byte[] bytes : List.of(new byte[0], "// 只有注释\n/* 注释 */".getBytes(StandardCharsets.UTF_8), gbk)) {
			Optional<IResourceDescription> scanned = scanBytes(bytes);
			assertTrue(scanned.isPresent());
			assertEquals(List.of(), entries(scanned.get()));
			assertEquals(List.of(), parsed(bytes));
		}
	}

	@Property(seed = "20261201", tries = 2000, edgeCases = EdgeCasesMode.NONE)
	void whatTheScanAnswersIsWhatTheParseExports(@ForAll("damaged") String text) {
		Optional<IResourceDescription> scanned = scan(text);
		Statistics.collect(scanned.isPresent() ? "scanned" : "left to the parse");
		scanned.ifPresent(description -> assertEquals(parsed(text.getBytes(StandardCharsets.UTF_8)), entries(description),
				() -> "scan and parse differ on:\n" + text));
	}

	@Provide
	Arbitrary<String> damaged() {
		List<String> seeds = new ArrayList<>(seeds());
		String report = seeds.get(0);
		seeds.add(report + "\n" + report.replaceFirst("报告 (\\S+)", "报告 $1乙"));
		try (Stream<Path> corpus = Files.list(Path.of("src", "test", "resources", "fuzz-corpus"))) {
			corpus.filter(p -> p.toString().endsWith(".report") && p.toFile().length() <= 20_000).sorted()
					.map(NameScanTest::readUtf8).flatMap(Optional::stream).forEach(seeds::add);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return Mutations.of(seeds);
	}

	/** The example reports (the county's too) and the shipped report types. */
	private static List<String> seeds() {
		List<String> seeds = new ArrayList<>();
		try (Stream<Path> examples = Files.walk(Path.of("..", "examples"))) {
			examples.filter(p -> p.toString().endsWith(".report") && !p.toString().contains("maven-consumer")).sorted()
					.map(NameScanTest::readUtf8).flatMap(Optional::stream).forEach(seeds::add);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		for (String library : ReportTypeLibrary.FILES) {
			try (InputStream in = ReportTypeLibrary.class.getClassLoader().getResourceAsStream("report/dsl/library/" + library)) {
				seeds.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return seeds;
	}

	private static Optional<IResourceDescription> scan(String text) {
		return scanBytes(text.getBytes(StandardCharsets.UTF_8));
	}

	/** As the batch scans a file: its bytes decoded as the resource decodes them. */
	private static Optional<IResourceDescription> scanBytes(byte[] bytes) {
		return LANGUAGE.getInstance(NameScan.class).scan(FILE, SourceText.decode(bytes).parsed());
	}

	/** What the parse of the file exports to the batch's index, as the batch read it before there was a scan. */
	private static List<String> parsed(byte[] bytes) {
		XtextResourceSet resourceSet = LANGUAGE.getInstance(XtextResourceSet.class);
		Resource resource = resourceSet.createResource(FILE);
		try {
			resource.load(new ByteArrayInputStream(bytes), resourceSet.getLoadOptions());
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return entries(BatchIndex.linkable(LANGUAGE.getInstance(IResourceDescription.Manager.class).getResourceDescription(resource)));
	}

	private static List<String> entries(IResourceDescription description) {
		return StreamSupport.stream(description.getExportedObjects().spliterator(), false)
				.map(d -> d.getEObjectURI() + " " + d.getEClass().getName() + " " + d.getQualifiedName() + " "
						+ Arrays.stream(d.getUserDataKeys()).sorted().map(k -> k + "=" + d.getUserData(k)).toList())
				.toList();
	}

	private static Optional<String> readUtf8(Path file) {
		try {
			byte[] bytes = Files.readAllBytes(file);
			SourceText text = SourceText.decode(bytes);
			return text.undecodable().isPresent() ? Optional.empty() : Optional.of(text.original());
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
