package report.dsl.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import report.dsl.batch.ReportFormatting;
import report.dsl.report.ReportFile;
import report.dsl.report.ReportType;

/**
 * The importer writes its report files in the layout of the language's formatter, without formatting them: each
 * imported file is byte for byte what `report format` makes of it, for every fixture (seeds, layouts, web pages,
 * Word, PDF and Excel files, the 2019 format, users' own types), for linked and summed imports, and for seeds with
 * damaged tables (blank cells, text in number cells, values missing or left over, rows left out).
 */
class CanonicalLayoutTest {

	private static final Path RESOURCES = Path.of("src/test/resources");

	private final ReportImporter importer = SeedImportTest.INJECTOR.getInstance(ReportImporter.class);

	static Stream<String> fixtures() throws IOException {
		List<String> fixtures = new ArrayList<>();
		for (String folder : List.of("seeds", "layouts", "html", "office")) {
			try (Stream<Path> files = Files.list(RESOURCES.resolve(folder))) {
				files.map(f -> folder + "/" + f.getFileName()).filter(f -> f.matches(".*\\.(txt|html|docx|pdf|xlsx)")).sorted()
						.forEach(fixtures::add);
			}
		}
		fixtures.add("recogniser/format-2019.txt");
		return fixtures.stream();
	}

	@ParameterizedTest
	@MethodSource("fixtures")
	void anImportedFileIsWhatTheFormatterMakesOfIt(String fixture) throws Exception {
		Path file = RESOURCES.resolve(fixture);
		List<GridRow> grid;
		try {
			grid = PublishedDocument.read(file.getFileName().toString(), Files.readAllBytes(file));
		} catch (UnreadableDocumentException e) {
			return; // a scan: nothing imported
		}
		assertCanonical(importer.importGrid(fixture, grid, Optional.empty()).text(), resourceSet());
	}

	@ParameterizedTest
	@MethodSource("usersTypes")
	void anImportInAUsersOwnTypeIsWhatTheFormatterMakesOfIt(String fixture, String typeFixture) throws IOException {
		XtextResourceSet resourceSet = resourceSet();
		Resource types = resourceSet.createResource(URI.createURI("test:/" + typeFixture));
		types.load(Files.newInputStream(RESOURCES.resolve("recogniser").resolve(typeFixture)), resourceSet.getLoadOptions());
		ReportType type = ((ReportFile) types.getContents().get(0)).getTypes().get(0);
		String text = Files.readString(RESOURCES.resolve("recogniser").resolve(fixture));
		assertCanonical(importer.importGrid(fixture, TextReader.read(text), Optional.empty(), List.of(type)).text(), resourceSet);
	}

	static Stream<org.junit.jupiter.params.provider.Arguments> usersTypes() {
		return Stream.of(org.junit.jupiter.params.provider.Arguments.of("twin-labels.txt", "twin-labels-type.report"),
				org.junit.jupiter.params.provider.Arguments.of("ledger.txt", "ledger-type.report"));
	}

	@Test
	void aLinkedAndASummedImportAreWhatTheFormatterMakesOfThem() throws IOException {
		ReportImporter.Imported seed000 = SeedImportTest.importSeed("000");
		ReportImporter.Imported seed002 = SeedImportTest.importSeed("002");
		assertCanonical(importer.link(SeedImportTest.importSeed("003"), seed000).text(), resourceSet());
		assertCanonical(importer.summarise(SeedImportTest.importSeed("001"), List.of(seed000, seed002)).text(), resourceSet());
	}

	/** A seed with some of its lines damaged as extraction damages them. */
	record Damaged(String seed, List<Edit> edits) {
	}

	/** At the line a share of the way into the text: its numbers blanked, replaced by text, repeated, dropped, or the line dropped. */
	record Edit(double at, int kind) {
	}

	@Property(seed = "20261201", tries = 80, edgeCases = EdgeCasesMode.NONE)
	void aDamagedSeedImportsToWhatTheFormatterMakesOfIt(@ForAll("damaged") Damaged damaged) {
		List<String> lines = new ArrayList<>(List.of(seedText(damaged.seed()).split("\n", -1)));
		for (Edit edit : damaged.edits()) {
			int at = (int) (edit.at() * (lines.size() - 1));
			String line = lines.get(at);
			lines.set(at, switch (edit.kind()) {
				case 0 -> line.replaceFirst("\\b\\d+\\b", "");
				case 1 -> line.replaceFirst("\\b\\d+\\b", "减4");
				case 2 -> line.replaceFirst("\\b(\\d+)\\b", "$1 $1");
				case 3 -> line.replaceFirst("\\s\\d+\\b", "");
				case 4 -> line.replaceFirst("\\b\\d+\\b", "/");
				case 5 -> line.replaceFirst("\\b\\d+\\b", "1,234");
				default -> "";
			});
		}
		ReportImporter.Imported imported = importer.importText(damaged.seed() + ".txt", String.join("\n", lines), Optional.empty());
		if (!imported.report().parts.isEmpty()) {
			assertCanonical(imported.text(), resourceSet());
		}
	}

	@Provide
	Arbitrary<Damaged> damaged() {
		Arbitrary<Edit> edit = net.jqwik.api.Combinators.combine(Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(0, 6))
				.as(Edit::new);
		return net.jqwik.api.Combinators.combine(Arbitraries.of("000", "001", "002", "003", "004"), edit.list().ofMinSize(1).ofMaxSize(12))
				.as(Damaged::new);
	}

	private static String seedText(String seed) {
		try {
			return SeedImportTest.seedText(seed);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static XtextResourceSet resourceSet() {
		return SeedImportTest.INJECTOR.getInstance(XtextResourceSet.class);
	}

	/**
	 * Formats the text as `report format` does, and the text without its layout as the importer wrote it before it
	 * laid its files out itself (no indentation, one space between a row's values, an empty table's braces on two
	 * lines): both must give the text.
	 */
	static void assertCanonical(String text, XtextResourceSet resourceSet) {
		assertEquals(text, format(text, resourceSet));
		assertEquals(text, format(withoutLayout(text), resourceSet));
	}

	private static String withoutLayout(String text) {
		StringBuilder plain = new StringBuilder();
		for (String line : text.split("\n", -1)) {
			String unindented = line.replaceFirst("^\\t+", "");
			boolean tokensOnly = !unindented.startsWith("//") && !unindented.startsWith("/*") && !unindented.startsWith(" *")
					&& !unindented.contains("\"");
			plain.append(tokensOnly ? unindented.replaceAll(" +", " ").replace("{ }", "{\n}") : unindented).append('\n');
		}
		return plain.substring(0, plain.length() - 1);
	}

	private static String format(String text, XtextResourceSet resourceSet) {
		try {
			XtextResource resource = (XtextResource) resourceSet.createResource(URI.createURI("test:/" + System.nanoTime() + ".report"));
			resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), resourceSet.getLoadOptions());
			assertEquals(List.of(), resource.getErrors(), text);
			return SeedImportTest.INJECTOR.getInstance(ReportFormatting.class).format(resource).orElseThrow();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
