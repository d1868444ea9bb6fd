package report.dsl.office;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import com.google.inject.Inject;

import report.dsl.evaluation.ReportEvaluator;
import report.dsl.evaluation.ReportValues;
import report.dsl.evaluation.RuleOutcome;
import report.dsl.evaluation.TableValues;
import report.dsl.generator.DocumentOutput;
import report.dsl.generator.ReportText;
import report.dsl.generator.TableGrid;
import report.dsl.generator.TableSheet;
import report.dsl.report.Report;
import report.dsl.report.Rule;
import report.dsl.report.TableType;

/**
 * The report's tables as an Excel workbook, for the departments that send their figures and check the sums: a sheet
 * per table laid out as the official table (merged header cells), every number a number, every computed total a
 * formula over the cells it adds up (so Excel or LibreOffice recomputes it), and a sheet with every rule's outcome.
 */
public class XlsxOutput implements DocumentOutput {

	private static final String FONT = "宋体";
	/** Column widths in characters: the innermost label column, the other label columns, a value column. */
	private static final int LABEL_WIDTH = 40;
	private static final int GROUP_WIDTH = 10;
	private static final int VALUE_WIDTH = 11;
	private static final int[] RULE_WIDTHS = { 8, 8, 8, 10, 40, 40, 10, 10, 10, 60 };
	/** The height of a line of 11-point text, in points. */
	private static final float LINE_HEIGHT = 15f;

	@Inject
	private ReportEvaluator evaluator;

	@Override
	public String extension() {
		return "xlsx";
	}

	@Override
	public byte[] render(Report report, Optional<Path> font) {
		ReportValues values = evaluator.values(report);
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			OfficeFiles.properties(workbook.getProperties().getCoreProperties(), report);
			Styles styles = new Styles(workbook);
			for (TableType table : report.getType().getTables()) {
				table(workbook.createSheet("表" + table.getName()), report, table, values.table(table), styles);
			}
			rules(workbook.createSheet("规则"), report, values, styles);
			XSSFFormulaEvaluator.evaluateAllFormulaCells(workbook); // the cached results, for readers that do not recompute
			workbook.setForceFormulaRecalculation(true);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			return OfficeFiles.normalized(out.toByteArray());
		} catch (IOException e) {
			throw new UncheckedIOException(new IOException("XLSX: " + e.getMessage(), e));
		}
	}

	private static void table(XSSFSheet sheet, Report report, TableType type, TableValues values, Styles styles) {
		TableSheet table = TableSheet.of(type, values);
		int top = 0;
		title(sheet, top++, table.columns(), ReportText.title(report), styles.title);
		title(sheet, top++, table.columns(), ReportText.clean(type.getCaption())
				+ (type.getUnit() == null ? "" : "（单位：" + ReportText.clean(type.getUnit()) + "）"), styles.caption);
		if (type.getNote() != null && !TableGrid.noteInCorner(type)) {
			title(sheet, top++, table.columns(), ReportText.clean(type.getNote()), styles.text);
		}
		for (int r = 0; r < table.rows(); r++) {
			XSSFRow row = sheet.createRow(top + r);
			for (int c = 0; c < table.columns(); c++) {
				row.createCell(c).setCellStyle(styles.text); // the borders of merged cells are those of every cell under them
			}
		}
		for (TableSheet.Cell cell : table.cells()) {
			XSSFCell target = sheet.getRow(top + cell.row()).getCell(cell.column());
			if (cell.kind() == TableSheet.Kind.VALUE) {
				List<TableValues.Addend> addends = values.addends(cell.modelRow(), cell.modelColumn());
				Optional<String> formula = formula(table, top, addends);
				if (formula.isPresent()) {
					target.setCellFormula(formula.get());
				} else {
					target.setCellValue(cell.value().doubleValue());
				}
				target.setCellStyle(styles.number);
			} else {
				target.setCellValue(cell.text());
				target.setCellStyle(cell.kind() == TableSheet.Kind.ROW_LABEL || cell.kind() == TableSheet.Kind.CORNER ? styles.label
						: styles.header);
			}
			if (cell.rowspan() > 1 || cell.colspan() > 1) {
				sheet.addMergedRegion(new CellRangeAddress(top + cell.row(), top + cell.row() + cell.rowspan() - 1, cell.column(),
						cell.column() + cell.colspan() - 1));
			}
		}
		int[] widths = new int[table.columns()];
		for (int c = 0; c < table.columns(); c++) {
			widths[c] = c == table.labelColumns() - 1 ? LABEL_WIDTH : c < table.labelColumns() ? GROUP_WIDTH : VALUE_WIDTH;
			sheet.setColumnWidth(c, widths[c] * 256);
		}
		for (TableSheet.Cell cell : table.cells()) {
			if (cell.rowspan() == 1 && cell.text() != null) {
				fit(sheet.getRow(top + cell.row()), cell.text(), OfficeFiles.width(widths, cell.column(), cell.colspan()));
			}
		}
		sheet.createFreezePane(table.labelColumns(), top + table.headerRows());
		printed(sheet, table.columns() > 8);
	}

	/** On A4, as wide as the page, Table B and C across it: a department prints the sheet to sign it. */
	private static void printed(XSSFSheet sheet, boolean landscape) {
		sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
		sheet.getPrintSetup().setLandscape(landscape);
		sheet.setFitToPage(true);
		sheet.getPrintSetup().setFitWidth((short) 1);
		sheet.getPrintSetup().setFitHeight((short) 0);
	}

	/** B5+C5-D5 over the cells a computed total adds up; none when one of them is not in the table as printed. */
	private static Optional<String> formula(TableSheet table, int top, List<TableValues.Addend> addends) {
		if (addends.isEmpty()) {
			return Optional.empty();
		}
		StringBuilder formula = new StringBuilder();
		for (TableValues.Addend addend : addends) {
			Optional<TableSheet.Cell> cell = table.valueCell(addend.row(), addend.column());
			if (cell.isEmpty()) {
				return Optional.empty();
			}
			if (addend.negative()) {
				formula.append('-');
			} else if (formula.length() > 0) {
				formula.append('+');
			}
			formula.append(new CellReference(top + cell.get().row(), cell.get().column()).formatAsString(false));
		}
		return Optional.of(formula.toString());
	}

	private static void title(XSSFSheet sheet, int row, int columns, String text, CellStyle style) {
		XSSFCell cell = sheet.createRow(row).createCell(0);
		cell.setCellValue(text);
		cell.setCellStyle(style);
		if (columns > 1) {
			sheet.addMergedRegion(new CellRangeAddress(row, row, 0, columns - 1));
		}
	}

	/** A row per outcome of every rule: the rule, the row or column it was checked on, both sides and whether it holds. */
	private static void rules(XSSFSheet sheet, Report report, ReportValues values, Styles styles) {
		String[] headings = { "规则", "级别", "表", "检查范围", "行或列", "等式", "左边", "右边", "结果", "说明" };
		XSSFRow header = sheet.createRow(0);
		for (int c = 0; c < headings.length; c++) {
			Cell cell = header.createCell(c);
			cell.setCellValue(headings[c]);
			cell.setCellStyle(styles.header);
		}
		int r = 1;
		for (Rule rule : report.getType().getRules()) {
			if (rule.getTable() == null || rule.getTable().eIsProxy()) {
				continue; // recovered by the parser without its table (a syntax error, published only with --force)
			}
			for (RuleOutcome outcome : values.ruleOutcomes()) {
				if (outcome.rule() != rule) {
					continue;
				}
				XSSFRow row = sheet.createRow(r++);
				boolean byRow = outcome.slice().row() != null;
				text(row, 0, rule.getCode(), styles);
				text(row, 1, rule.getSeverity().getLiteral(), styles);
				text(row, 2, "表" + rule.getTable().getName(), styles);
				text(row, 3, byRow ? "行" : "列", styles);
				text(row, 4, byRow ? TableGrid.label(outcome.slice().row()) : String.join(" › ", TableGrid.path(outcome.slice().column())),
						styles);
				text(row, 5, ReportText.equation(outcome.equation()), styles);
				number(row, 6, outcome.left().doubleValue(), styles);
				number(row, 7, outcome.right().doubleValue(), styles);
				text(row, 8, outcome.holds() ? "成立" : "不成立", styles);
				text(row, 9, ReportText.clean(rule.getMessage()), styles);
				for (int c = 0; c < RULE_WIDTHS.length; c++) {
					if (row.getCell(c).getCellType() == CellType.STRING) {
						fit(row, row.getCell(c).getStringCellValue(), RULE_WIDTHS[c]);
					}
				}
			}
		}
		for (int c = 0; c < RULE_WIDTHS.length; c++) {
			sheet.setColumnWidth(c, RULE_WIDTHS[c] * 256);
		}
		sheet.createFreezePane(0, 1);
		printed(sheet, true);
	}

	/**
	 * Makes the row tall enough for the text to wrap into a column of the given width (in characters, a Chinese
	 * character taking two): spreadsheets do not grow a row for wrapped text they did not lay out themselves.
	 */
	private static void fit(XSSFRow row, String text, int width) {
		int length = text.codePoints().map(c -> c < 0x2E80 ? 1 : 2).sum();
		int lines = Math.max(1, (length + width - 3) / (width - 2));
		row.setHeightInPoints(Math.max(row.getHeightInPoints(), lines * LINE_HEIGHT));
	}

	private static void text(XSSFRow row, int column, String text, Styles styles) {
		Cell cell = row.createCell(column);
		cell.setCellValue(text);
		cell.setCellStyle(styles.text);
	}

	private static void number(XSSFRow row, int column, double value, Styles styles) {
		Cell cell = row.createCell(column);
		cell.setCellValue(value);
		cell.setCellStyle(styles.number);
	}

	/** The workbook's cell styles, made once: a workbook holds a limited number of them. */
	private static final class Styles {
		final CellStyle title;
		final CellStyle caption;
		final CellStyle header;
		final CellStyle label;
		final CellStyle number;
		final CellStyle text;

		Styles(XSSFWorkbook workbook) {
			XSSFFont plain = font(workbook, 11, false);
			XSSFFont bold = font(workbook, 11, true);
			title = style(workbook, font(workbook, 16, true), HorizontalAlignment.CENTER, false);
			caption = style(workbook, bold, HorizontalAlignment.CENTER, false);
			header = style(workbook, bold, HorizontalAlignment.CENTER, true);
			label = style(workbook, plain, HorizontalAlignment.LEFT, true);
			number = style(workbook, plain, HorizontalAlignment.CENTER, true);
			text = style(workbook, plain, HorizontalAlignment.LEFT, true);
			text.setWrapText(true);
		}

		private static XSSFFont font(XSSFWorkbook workbook, int points, boolean bold) {
			XSSFFont font = workbook.createFont();
			font.setFontName(FONT);
			font.setFontHeightInPoints((short) points);
			font.setBold(bold);
			return font;
		}

		private static CellStyle style(XSSFWorkbook workbook, XSSFFont font, HorizontalAlignment alignment, boolean bordered) {
			CellStyle style = workbook.createCellStyle();
			style.setFont(font);
			style.setAlignment(alignment);
			style.setVerticalAlignment(VerticalAlignment.CENTER);
			style.setWrapText(true);
			if (bordered) {
				style.setBorderTop(BorderStyle.THIN);
				style.setBorderBottom(BorderStyle.THIN);
				style.setBorderLeft(BorderStyle.THIN);
				style.setBorderRight(BorderStyle.THIN);
			}
			return style;
		}
	}
}
