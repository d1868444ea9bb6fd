package report.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.XtextResource;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

import com.google.gson.JsonParser;
import com.google.inject.Injector;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import report.dsl.ReportStandaloneSetup;
import report.dsl.batch.ReportBatch;
import report.dsl.batch.ReportBatch.Diagnostic;
import report.dsl.batch.ReportBuild;
import report.dsl.batch.ReportFormatting;
import report.dsl.generator.OutputFormat;
import report.dsl.generator.ReportPublisher;
import report.dsl.report.Report;
import report.dsl.report.ReportFile;

/**
 * Fuzzing of what users run, in process: mutations of the example reports and of the checked-in corpus
 * (src/test/resources/fuzz-corpus, one reproducer per bug found) are checked, formatted and built. The build
 * runs a short, fixed-seed session; `./mvnw -B verify -pl report.dsl.cli -am -Dtest=FuzzTest -Djqwik.tries.default=20000`
 * runs a long one (see the README). Every exception is a failure, whatever the input.
 */
class FuzzTest {

	private static final String SEED = "20261201";
	private static final Path EXAMPLES = Path.of("..", "examples");
	private static final Path CORPUS = Path.of("src", "test", "resources", "fuzz-corpus");
	private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
	/** Seeds larger than this are replayed as they are, not mutated: each try must stay quick. */
	private static final long LARGEST_SEED = 20_000;

	private static final Injector LANGUAGE = new ReportStandaloneSetup().createInjectorAndDoEMFRegistration();
	private static final Path WORK = temporaryFolder();
	private static final Set<String> HTML_ELEMENTS = new HashSet<>(List.of("style", "h4", "h5", "h6"));
	private static final Set<String> HTML_ATTRIBUTES = new HashSet<>();

	static {
		// the template's vocabulary: whatever the generator writes for the examples, and the deeper sub-section headings
		for (Path golden : list(GOLDEN, ".html")) {
			Jsoup.parse(read(golden)).getAllElements().forEach(e -> {
				HTML_ELEMENTS.add(e.normalName());
				e.attributes().forEach(a -> HTML_ATTRIBUTES.add(a.getKey()));
			});
		}
	}

	@AfterContainer
	static void removeWork() throws IOException {
		try (Stream<Path> all = Files.walk(WORK)) {
			all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
	}

	@Property(seed = SEED, edgeCases = EdgeCasesMode.NONE)
	void checkReportsEveryProblemAtAPlaceInTheFile(@ForAll("mutatedReports") String text) throws IOException {
		assertChecks(utf8(text));
	}

	@Property(seed = SEED, edgeCases = EdgeCasesMode.NONE)
	void formatKeepsTheMeaningAndIsIdempotent(@ForAll("mutatedReports") String text) throws IOException {
		assertFormatKeepsMeaning(utf8(text));
	}

	@Property(seed = SEED, edgeCases = EdgeCasesMode.NONE)
	void buildWritesOnlyWhatTheTemplateMakes(@ForAll("mutatedReports") String text) throws IOException {
		assertBuilds(utf8(text));
	}

	@Property(generation = GenerationMode.EXHAUSTIVE)
	void everyReproducerOfTheCorpusStaysFixed(@ForAll("corpus") Path reproducer) throws IOException {
		// as bytes: the corpus holds files that are not UTF-8, which must be reported, not mistaken
		byte[] source = Files.readAllBytes(reproducer);
		assertChecks(source);
		assertFormatKeepsMeaning(source);
		assertBuilds(source);
	}

	@Provide
	Arbitrary<Path> corpus() {
		return Arbitraries.of(list(CORPUS, ".report"));
	}

	@Provide
	Arbitrary<String> mutatedReports() {
		List<String> seeds = new ArrayList<>();
		Stream.concat(list(EXAMPLES, ".report").stream(), list(CORPUS, ".report").stream())
				.filter(p -> p.toFile().length() <= LARGEST_SEED).map(FuzzTest::readUtf8).flatMap(Optional::stream).forEach(seeds::add);
		return Mutations.of(seeds);
	}

	/** check neither fails nor points anywhere but into the file. */
	private static void assertChecks(byte[] source) throws IOException {
		Path file = write("check", source);
		ReportBatch.Result result = LANGUAGE.getInstance(ReportBatch.class).check(List.of(file));
		// lines end as the checker counts them: at CR LF, LF or a lone CR
		String[] lines = new String(source, StandardCharsets.UTF_8).split("\r\n|\r|\n", -1);
		for (Diagnostic d : result.diagnostics()) {
			assertTrue(d.line() >= 1 && d.line() <= lines.length && d.column() >= 1
					&& d.column() <= lines[d.line() - 1].length() + 1 && d.endLine() >= d.line(), () -> "misplaced: " + d);
			// a validator that fails shows up as Xtext's "Error executing EValidator" instead of the rule's message
			assertTrue(d.message() != null && !d.message().isBlank() && !d.message().contains("Exception")
					&& !d.message().startsWith("Error executing"), () -> "message: " + d);
		}
	}

	/** A formatted file says the same (diagnostics and published values) and formats to itself. */
	private static void assertFormatKeepsMeaning(byte[] source) throws IOException {
		Optional<String> formatted = format(write("format", source));
		if (formatted.isEmpty()) {
			return; // syntax errors: format leaves the file alone
		}
		Path again = write("format", formatted.get());
		assertEquals(formatted, format(again), "format is not idempotent");
		assertEquals(meaning(write("format", source)), meaning(write("format", formatted.get())), "format changed the meaning");
	}

	private static Optional<String> format(Path file) {
		ReportBatch.Loaded loaded = LANGUAGE.getInstance(ReportBatch.class).load(List.of(file));
		return LANGUAGE.getInstance(ReportFormatting.class).format((XtextResource) loaded.resources().get(file));
	}

	/** The diagnostics without their positions, and the JSON of every report. */
	private static List<String> meaning(Path file) {
		ReportBatch.Result result = LANGUAGE.getInstance(ReportBatch.class).check(List.of(file));
		List<String> meaning = new ArrayList<>(result.diagnostics().stream()
				.map(d -> d.severity() + " " + d.code() + " " + d.message()).sorted().toList());
		Resource resource = result.resources().get(file);
		ReportPublisher publisher = LANGUAGE.getInstance(ReportPublisher.class);
		List<Report> reports = resource.getContents().isEmpty() ? List.of() : ((ReportFile) resource.getContents().get(0)).getReports();
		for (Report report : reports) {
			if (report.getType() != null && !report.getType().eIsProxy()) {
				meaning.add(publisher.render(report, OutputFormat.JSON));
			}
		}
		return meaning;
	}

	/** build --force of every format neither fails nor writes HTML the generator's template does not make. */
	private static void assertBuilds(byte[] source) throws IOException {
		Path file = write("build", source);
		Path out = clean(WORK.resolve("out"));
		ReportBuild build = LANGUAGE.getInstance(ReportBuild.class);
		ReportBuild.Outcome outcome = build.build(ReportBuild.sources(List.of(file)), out, Set.of("md", "html", "json"), Optional.empty(), true,
				done -> {
				});
		for (Path written : outcome.written()) {
			String output = read(written);
			if (written.toString().endsWith(".html")) {
				for (Element element : Jsoup.parse(output).getAllElements()) {
					assertTrue(HTML_ELEMENTS.contains(element.normalName()), () -> "element <" + element.normalName() + ">");
					for (Attribute attribute : element.attributes()) {
						assertTrue(HTML_ATTRIBUTES.contains(attribute.getKey()), () -> "attribute " + attribute.getKey());
					}
				}
			} else if (written.toString().endsWith(".json")) {
				// written as it is walked, printed as Gson prints the same tree
				assertEquals(JsonOutputTest.TREE.toJson(JsonParser.parseString(output)) + "\n", output, "JSON of " + written);
			}
		}
	}

	private static Path write(String folder, String text) throws IOException {
		return write(folder, utf8(text));
	}

	private static Path write(String folder, byte[] source) throws IOException {
		Path file = Files.createDirectories(WORK.resolve(folder)).resolve("fuzz.report");
		Files.write(file, source);
		return file;
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/** The file's text, when it is UTF-8: mutations work on text, the other files are replayed as they are. */
	private static Optional<String> readUtf8(Path file) {
		try {
			return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString());
		} catch (CharacterCodingException e) {
			return Optional.empty();
		} catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	private static Path clean(Path folder) throws IOException {
		if (Files.exists(folder)) {
			try (Stream<Path> all = Files.walk(folder)) {
				all.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(folder)).forEach(p -> p.toFile().delete());
			}
		}
		return Files.createDirectories(folder);
	}

	private static List<Path> list(Path folder, String extension) {
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(p -> p.getFileName().toString().endsWith(extension)).sorted().toList();
		} catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		} catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	private static Path temporaryFolder() {
		try {
			return Files.createTempDirectory("report-fuzz");
		} catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
