package report.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonParser;

/**
 * The workbooks {@code report build --format xlsx} writes, filled back into copies of the examples whose tables were
 * emptied ({@code report import --tables BOOK.xlsx --into COPY.report}), give the examples' tables again, cell by cell.
 */
class WorkbookRoundTripTest {

	private static final Path EXAMPLES = Path.of("..", "examples");

	@Test
	void everyExamplesWorkbookFillsACopyWithEmptiedTablesBackToTheExamplesTables(@TempDir Path dir) throws IOException {
		Path published = dir.resolve("published");
		ReportCliTest.Run build = ReportCliTest.run("build", EXAMPLES.toString(), "-o", published.toString(), "--format", "xlsx,json");
		assertEquals(0, build.exit(), build.out() + build.err());
		Path copies = dir.resolve("copies");
		List<Path> reports = reports(EXAMPLES);
		assertEquals(11, reports.size(), reports.toString());
		for (Path report : reports) {
			Path copy = copies.resolve(EXAMPLES.relativize(report).toString());
			Files.createDirectories(copy.getParent());
			String text = Files.readString(report);
			String emptied = text.replaceAll("表 ([ABC]) \\{[^}]*\\}", "表 $1 { }");
			Files.writeString(copy, emptied);
		}
		int filledCells = 0;
		for (Path report : reports) {
			Path relative = EXAMPLES.relativize(report);
			Path workbook = published.resolve(relative.toString().replaceFirst("\\.report$", ".xlsx"));
			assertTrue(Files.isRegularFile(workbook), workbook + " among the built files");
			Path copy = copies.resolve(relative.toString());
			ReportCliTest.Run fill = ReportCliTest.run("import", "--tables", workbook.toString(), "--into", copy.toString());
			assertEquals(0, fill.exit(), relative + ": " + fill.out() + fill.err());
			assertTrue(fill.out().lines().noneMatch(l -> l.contains(": warning: ")), relative + ": " + fill.out());
		}
		Path rebuilt = dir.resolve("rebuilt");
		ReportCliTest.Run again = ReportCliTest.run("build", copies.toString(), "-o", rebuilt.toString(), "--format", "json");
		assertEquals(0, again.exit(), again.out() + again.err());
		for (Path report : reports) {
			String json = EXAMPLES.relativize(report).toString().replaceFirst("\\.report$", ".json");
			var expected = ImportCommandTest.cells(JsonParser.parseString(Files.readString(published.resolve(json))).getAsJsonObject());
			var actual = ImportCommandTest.cells(JsonParser.parseString(Files.readString(rebuilt.resolve(json))).getAsJsonObject());
			assertEquals(expected, actual, json);
			filledCells += expected.size();
		}
		assertEquals(2200, filledCells, "the examples' tables hold this many cells");
	}

	private static List<Path> reports(Path dir) throws IOException {
		try (Stream<Path> files = Files.walk(dir)) {
			return files.filter(f -> f.toString().endsWith(".report")).sorted().toList();
		}
	}
}
