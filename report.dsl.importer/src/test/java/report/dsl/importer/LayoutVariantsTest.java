package report.dsl.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seed 003's numbers laid out as other extractors print tables: pipe rows with padding cells, one cell per line (with
 * bars, or with blank lines, bold markers and full-width digits), PDF text (values on the label's line, labels split by
 * spaces, vertical headers, page numbers, Kangxi radicals), tab-separated rows. Each imports to example 003's tables.
 */
class LayoutVariantsTest {

	@ParameterizedTest
	@ValueSource(strings = { "pipe-rows", "cell-per-line-bars", "cell-per-line-blank-lines", "pdf-text", "tab-separated" })
	void layoutImportsToTheTablesOfItsExample(String layout) throws IOException {
		String text = Files.readString(Path.of("src/test/resources/layouts", layout + ".txt"));
		ReportImporter.Imported imported = SeedImportTest.INJECTOR.getInstance(ReportImporter.class)
				.importText(layout + ".txt", text, Optional.empty());
		SeedImportTest.assertTablesEqual(SeedImportTest.example("003"), imported.text());
		List<String> tableNotes = imported.report().notes().stream().map(Note::message).filter(m -> m.startsWith("表")).toList();
		assertEquals(List.of(), tableNotes);
	}
}
