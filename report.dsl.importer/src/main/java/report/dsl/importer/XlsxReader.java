package report.dsl.importer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * An Excel workbook (.xlsx) into the cell grid, one sheet after the other: each sheet row a table row, a merged
 * header cell once, a label merged down rows standing in each of them (as the HTML reader reads rowspan), numbers as
 * numbers (a formula's cached value, or the formula evaluated where the file keeps none). The "line" of a cell is its
 * row on its sheet, the "column" its column.
 */
public final class XlsxReader {

	/** One sheet's rows. */
	public record SheetRows(String name, List<GridRow> rows) {
	}

	private XlsxReader() {
	}

	public static List<GridRow> read(byte[] workbook) throws IOException {
		return sheets(workbook).stream().flatMap(s -> s.rows().stream()).toList();
	}

	public static List<SheetRows> sheets(byte[] workbook) throws IOException {
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
			FormulaEvaluator evaluator = book.getCreationHelper().createFormulaEvaluator();
			List<SheetRows> sheets = new ArrayList<>();
			for (Sheet sheet : book) {
				sheets.add(new SheetRows(sheet.getSheetName(), rows(sheet, evaluator)));
			}
			return sheets;
		}
	}

	private static List<GridRow> rows(Sheet sheet, FormulaEvaluator evaluator) {
		// the cells a merged region covers besides its first: skipped across, its label repeated down
		Map<Long, CellRangeAddress> covered = new HashMap<>();
		for (CellRangeAddress region : sheet.getMergedRegions()) {
			for (int r = region.getFirstRow(); r <= region.getLastRow(); r++) {
				for (int c = region.getFirstColumn(); c <= region.getLastColumn(); c++) {
					if (r != region.getFirstRow() || c != region.getFirstColumn()) {
						covered.put(key(r, c), region);
					}
				}
			}
		}
		List<List<SourceCell>> printed = new ArrayList<>();
		for (Row row : sheet) {
			List<SourceCell> cells = new ArrayList<>();
			for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
				CellRangeAddress region = covered.get(key(row.getRowNum(), c));
				if (region == null) {
					cells.add(new SourceCell(text(row.getCell(c), evaluator), row.getRowNum() + 1, c + 1));
				} else if (c == region.getFirstColumn()) {
					SourceCell top = new SourceCell(text(sheet.getRow(region.getFirstRow()).getCell(c), evaluator), region.getFirstRow() + 1, c + 1);
					if (!CellText.of(top.text()).isValue()) {
						cells.add(top);
					}
				}
			}
			printed.add(cells);
		}
		// the table is as wide as its widest row's last filled cell: blank cells within it stand, formatted ones beyond do not
		int width = printed.stream().mapToInt(XlsxReader::filledWidth).max().orElse(0);
		List<GridRow> rows = new ArrayList<>();
		for (List<SourceCell> cells : printed) {
			List<SourceCell> within = filledWidth(cells) == 0 ? List.of() : cells.subList(0, Math.min(width, cells.size()));
			if (!within.isEmpty()) {
				rows.add(new GridRow(within, within.size() > 1));
			}
		}
		return rows;
	}

	private static int filledWidth(List<SourceCell> cells) {
		for (int i = cells.size() - 1; i >= 0; i--) {
			if (!cells.get(i).text().isEmpty()) {
				return i + 1;
			}
		}
		return 0;
	}

	private static long key(int row, int column) {
		return ((long) row << 16) | column;
	}

	private static String text(Cell cell, FormulaEvaluator evaluator) {
		if (cell == null) {
			return "";
		}
		CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
		if (cell.getCellType() == CellType.FORMULA && !hasCachedValue(cell)) {
			type = evaluator.evaluateFormulaCell(cell);
		}
		return switch (type) {
		case NUMERIC -> BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
		case STRING -> cell.getStringCellValue().replace('\u00a0', ' ').replaceAll("\\s*\\n\\s*", "").strip();
		case BOOLEAN, ERROR -> new DataFormatter().formatCellValue(cell);
		default -> "";
		};
	}

	/** Whether the file keeps the formula's last value (files written by Excel and LibreOffice do; generated ones may not). */
	private static boolean hasCachedValue(Cell cell) {
		return cell instanceof org.apache.poi.xssf.usermodel.XSSFCell xssf && xssf.getCTCell().isSetV();
	}
}
