package report.dsl.validation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.validation.Check;

import com.google.inject.Inject;

import report.dsl.evaluation.ReportEvaluator;
import report.dsl.evaluation.TableValues;
import report.dsl.evaluation.TotalDefinitions;
import report.dsl.model.TableLayout;
import report.dsl.report.CellValue;
import report.dsl.report.Column;
import report.dsl.report.Figure;
import report.dsl.report.Report;
import report.dsl.report.ReportPackage.Literals;
import report.dsl.report.Row;
import report.dsl.report.RowData;
import report.dsl.report.Stray;
import report.dsl.report.TableData;

/** Rule 5 and the shape of table data: counts are whole and non-negative, rows are complete and given once. */
public class TableValidator extends ConcernValidator {

	@Inject
	private ReportEvaluator evaluator;

	@Check
	public void checkRowArity(RowData rowData) {
		Row row = rowData.getRow();
		if (row == null || row.eIsProxy() || !row.getChildren().isEmpty() || damaged(rowData)) {
			return;
		}
		List<Column> leaves = TableLayout.leafColumns(TableLayout.block(row));
		TotalDefinitions totals = totals(rowData);
		List<Column> entrable = leaves.stream().filter(c -> totals == null || !totals.isComputable(c)).toList();
		int given = rowData.getValues().size();
		if (given == leaves.size() || given == entrable.size()) {
			return;
		}
		String expected = entrable.size() == leaves.size() ? leaves.size() + "个"
				: leaves.size() + "个，或省略可计算的合计列时" + entrable.size() + "个";
		error("「" + TableLayout.keyText(row) + "」有" + given + "个数值，应为" + expected + "（依次为："
				+ leaves.stream().map(TableLayout::shortKey).collect(Collectors.joining("、")) + "）",
				rowData, Literals.ROW_DATA__ROW, IssueCodes.ROW_ARITY, String.valueOf(leaves.size()));
	}

	/** "一: 3 | 0 0": what copy-paste from a web page or a spreadsheet leaves between the values, or a word for a number. */
	@Check
	public void checkStray(Stray stray) {
		String message = Character.isLetter(stray.getText().codePointAt(0))
				? "「" + stray.getText() + "」不是数值：表格行只能填写数字或「自动」"
				: "多余的「" + stray.getText() + "」：表格行的数值之间只用空格分隔（从网页或表格软件复制时常带上这样的分隔符）";
		error(message, stray, Literals.STRAY__TEXT, IssueCodes.STRAY_IN_ROW, " ");
	}

	@Check
	public void checkDuplicateRows(TableData data) {
		Set<Row> seen = new HashSet<>();
		for (RowData rowData : data.getRows()) {
			if (rowData.getRow() != null && !rowData.getRow().eIsProxy() && !seen.add(rowData.getRow())) {
				error("「" + TableLayout.keyText(rowData.getRow()) + "」在表" + data.getTable().getName() + "中重复填写",
						rowData, Literals.ROW_DATA__ROW, IssueCodes.DUPLICATE_ROW);
			}
		}
	}

	@Check
	public void checkHeadingRow(RowData rowData) {
		Row row = rowData.getRow();
		if (row != null && !row.eIsProxy() && (row.isHeading() || !row.getChildren().isEmpty())) {
			error("「" + TableLayout.keyText(row) + "」是分组标题行，其数值由下级各行合计，请填写下级行",
					rowData, Literals.ROW_DATA__ROW, IssueCodes.HEADING_ROW_VALUES);
		}
	}

	@Check
	public void checkMissingRows(TableData data) {
		if (data.getTable() == null || data.getTable().eIsProxy() || data.getTable().isOmittedAreZero() || data.isSummed()
				|| damaged(data)) {
			return;
		}
		Set<Row> given = data.getRows().stream().map(RowData::getRow).collect(Collectors.toSet());
		TotalDefinitions totals = totals(data);
		for (Row row : TableLayout.allRows(data.getTable())) {
			if (row.getChildren().isEmpty() && !row.isHeading() && !given.contains(row) && TableLayout.key(row).isPresent()
					&& (totals == null || !totals.isComputable(row))) {
				error("表" + data.getTable().getName() + "缺少「" + TableLayout.keyText(row) + "」行（此表不把省略的行视为0）",
						data, Literals.TABLE_DATA__TABLE, IssueCodes.MISSING_ROW, TableLayout.keyText(row));
			}
		}
	}

	@Check
	public void checkCellValue(CellValue cell) {
		RowData rowData = (RowData) cell.eContainer();
		Column column = column(rowData, cell);
		if (cell.isNegative() && cell.getNumber() != null && cell.getNumber().signum() != 0 && (column == null || !column.isSigned())) {
			error(where(rowData, column) + "的数值不能为负数", cell, null, IssueCodes.NEGATIVE_VALUE, cell.getNumber().toPlainString());
		}
		if (column != null && !column.isDecimal() && cell.getNumber() != null && cell.getNumber().stripTrailingZeros().scale() > 0) {
			error(where(rowData, column) + "是件数，应为整数，不能是" + cell.getNumber().toPlainString(), cell, null,
					IssueCodes.FRACTION_IN_COUNT);
		}
		if (cell.isAuto() && column != null) {
			TotalDefinitions totals = totals(rowData);
			if (totals != null && !totals.isComputable(column) && !totals.isComputable(rowData.getRow())) {
				error(where(rowData, column) + "不是合计，没有规则能计算它，不能写「自动」", cell, null, IssueCodes.AUTO_NOT_COMPUTABLE);
			}
		}
	}

	/** The cell as a message names it; made only for a message, as most cells have none. */
	private static String where(RowData rowData, Column column) {
		return column == null ? "" : "「" + TableLayout.keyText(rowData.getRow()) + "」行「" + TableLayout.shortKey(column) + "」列";
	}

	@Check
	public void checkFigureValue(Figure figure) {
		if (figure.isNegative() && figure.getValue() != null && figure.getValue().signum() != 0) {
			error("数值「" + figure.getName() + "」不能为负数", figure, Literals.FIGURE__VALUE, IssueCodes.NEGATIVE_VALUE);
		}
	}

	private Column column(RowData rowData, CellValue cell) {
		TableValues table = tableValues(rowData);
		if (table == null) {
			return null;
		}
		List<Column> positions = table.positions(rowData);
		int index = rowData.getValues().indexOf(cell);
		return index < positions.size() ? positions.get(index) : null;
	}

	private TableValues tableValues(RowData rowData) {
		Report report = EcoreUtil2.getContainerOfType(rowData, Report.class);
		TableData data = (TableData) rowData.eContainer();
		if (report == null || data.getTable() == null || data.getTable().eIsProxy() || rowData.getRow() == null
				|| rowData.getRow().eIsProxy() || evaluator.values(report).totals() == null) {
			return null;
		}
		return evaluator.values(report).table(data.getTable());
	}

	private TotalDefinitions totals(org.eclipse.emf.ecore.EObject context) {
		Report report = EcoreUtil2.getContainerOfType(context, Report.class);
		return report == null ? null : evaluator.values(report).totals();
	}
}
