package report.dsl.office;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ooxml.POIXMLProperties;

import report.dsl.generator.ReportText;
import report.dsl.generator.TableSheet;
import report.dsl.report.Report;

/** What the Word and the Excel output share: deterministic packages, document properties, column widths. */
final class OfficeFiles {

	/** The time every entry of a package carries, so that the same report gives the same bytes. */
	private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

	private OfficeFiles() {
	}

	/** Title and author from the report; created and modified on the date of issue, not at the time of the build. */
	static void properties(POIXMLProperties.CoreProperties properties, Report report) {
		properties.setTitle(ReportText.title(report));
		properties.setCreator(ReportText.clean(report.getBody()));
		Optional<Date> issued = Optional.of(Date.from(issued(report).atStartOfDay().toInstant(ZoneOffset.UTC)));
		properties.setCreated(issued);
		properties.setModified(issued);
	}

	private static LocalDate issued(Report report) {
		try {
			return LocalDate.parse(report.getIssued());
		} catch (DateTimeParseException | NullPointerException e) {
			return LocalDate.of(report.getYear(), 12, 31); // a report published with --force may lack a valid date
		}
	}

	/** The package with every entry in the same order and content, stamped with one fixed time. */
	static byte[] normalized(byte[] zip) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length);
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip)); ZipOutputStream normalized = new ZipOutputStream(out)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				ZipEntry copy = new ZipEntry(entry.getName());
				copy.setTimeLocal(ENTRY_TIME);
				normalized.putNextEntry(copy);
				in.transferTo(normalized);
				normalized.closeEntry();
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	/**
	 * Widths in proportion for the columns of a table: the innermost label column as wide as its longest label needs, up
	 * to three times a value column (Table B's labels wrap onto two lines); the outer label columns, which hold group
	 * labels such as （三）不予公开, a little wider than a value column.
	 */
	static int[] columnWidths(TableSheet sheet, int total) {
		int longest = sheet.cells().stream().filter(c -> c.kind() == TableSheet.Kind.ROW_LABEL
				&& c.column() + c.colspan() == sheet.labelColumns()).mapToInt(c -> c.text().length()).max().orElse(4);
		double[] weights = new double[sheet.columns()];
		double sum = 0;
		for (int i = 0; i < weights.length; i++) {
			weights[i] = i == sheet.labelColumns() - 1 ? Math.max(1.2, Math.min(3.2, longest / 5.0)) : i < sheet.labelColumns() ? 1.2 : 1;
			sum += weights[i];
		}
		int[] widths = new int[weights.length];
		int given = 0;
		for (int i = 0; i < weights.length; i++) {
			widths[i] = i == weights.length - 1 ? total - given : (int) Math.round(total * weights[i] / sum);
			given += widths[i];
		}
		return widths;
	}

	static int width(int[] widths, int column, int span) {
		int width = 0;
		for (int i = column; i < column + span; i++) {
			width += widths[i];
		}
		return width;
	}

	/** For every row and column of the table, the cell that covers it (null where none does). */
	static TableSheet.Cell[][] covering(TableSheet sheet) {
		TableSheet.Cell[][] covering = new TableSheet.Cell[sheet.rows()][sheet.columns()];
		for (TableSheet.Cell cell : sheet.cells()) {
			for (int r = cell.row(); r < cell.row() + cell.rowspan(); r++) {
				for (int c = cell.column(); c < cell.column() + cell.colspan(); c++) {
					covering[r][c] = cell;
				}
			}
		}
		return covering;
	}
}
