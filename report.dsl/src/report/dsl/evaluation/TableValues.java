package report.dsl.evaluation;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import report.dsl.model.TableLayout;
import report.dsl.report.Axis;
import report.dsl.report.CellValue;
import report.dsl.report.Column;
import report.dsl.report.Row;
import report.dsl.report.RowData;
import report.dsl.report.Sum;
import report.dsl.report.TableData;
import report.dsl.report.TableType;
import report.dsl.report.Term;

/**
 * The cells of one table of one report: what the author entered, and the totals computed from the
 * rules where the author left them out. A heading row or a column group stands for the sum of its leaves.
 */
public final class TableValues {

	private final TableType table;
	private final TableData data;
	private final TotalDefinitions totals;
	private final Map<Row, Map<Column, CellValue>> entered = new HashMap<>();
	private final Map<Row, Map<Column, BigDecimal>> memo = new HashMap<>();
	private final Set<List<Axis>> inProgress = new HashSet<>();
	private final Set<Row> unplaced = new HashSet<>();

	TableValues(TableType table, TableData data, TotalDefinitions totals) {
		this.table = table;
		this.data = data;
		this.totals = totals;
		if (data != null) {
			for (RowData rowData : data.getRows()) {
				if (rowData.getRow() != null && !rowData.getRow().eIsProxy() && !entered.containsKey(rowData.getRow())) {
					List<Column> columns = positions(rowData);
					if (columns.size() != rowData.getValues().size() || !rowData.getStrays().isEmpty()) {
						// too many or too few values, or a word among them: which value is in which column is not known
						unplaced.add(rowData.getRow());
						continue;
					}
					Map<Column, CellValue> cells = new LinkedHashMap<>();
					for (int i = 0; i < columns.size(); i++) {
						cells.put(columns.get(i), rowData.getValues().get(i));
					}
					entered.put(rowData.getRow(), cells);
				}
			}
		}
	}

	/**
	 * Whether a row of the table gives a number of values that fits no layout of its columns, or something that is
	 * not a value among them (both reported on the row):
	 * its values cannot be placed, so the table's rules are not evaluated until the row is corrected.
	 */
	public boolean hasUnplacedRows() {
		return !unplaced.isEmpty();
	}

	public TableType table() {
		return table;
	}

	/** The table as the report gives it, or null when the report leaves it out. */
	public TableData data() {
		return data;
	}

	/**
	 * The columns that a row line's values fill, in order: every leaf column of the row's block, or,
	 * when the line is shorter by exactly the computable totals, every leaf column but those.
	 */
	public List<Column> positions(RowData rowData) {
		List<Column> leaves = TableLayout.leafColumns(TableLayout.block(rowData.getRow()));
		List<Column> entrable = leaves.stream().filter(c -> !isTotal(c)).toList();
		return rowData.getValues().size() == entrable.size() && entrable.size() < leaves.size() ? entrable : leaves;
	}

	/** The line of the table that gives a row's values, if the report writes one. */
	public Optional<RowData> line(Row row) {
		return data == null ? Optional.empty() : data.getRows().stream().filter(line -> line.getRow() == row).findFirst();
	}

	public Optional<CellValue> enteredCell(Row row, Column column) {
		Map<Column, CellValue> cells = entered.get(row);
		CellValue cell = cells == null ? null : cells.get(column);
		return cell == null || cell.isAuto() ? Optional.empty() : Optional.of(cell);
	}

	public boolean isComputed(Row row, Column column) {
		return enteredCell(row, column).isEmpty() && (isTotal(row) || isTotal(column));
	}

	public BigDecimal value(Row row, Column column) {
		// no computeIfAbsent: computing one cell memoises others of the same map
		Map<Column, BigDecimal> rowValues = memo.computeIfAbsent(row, r -> new HashMap<>());
		BigDecimal value = rowValues.get(column);
		if (value == null) {
			value = compute(row, column);
			rowValues.put(column, value);
		}
		return value;
	}

	private BigDecimal compute(Row row, Column column) {
		// a group is the sum of its parts: its leaves, less the totals among them, which repeat the parts
		if (!row.getChildren().isEmpty()) {
			return TableLayout.leaves(row).stream().filter(leaf -> !isTotal(leaf))
					.map(leaf -> value((Row) leaf, column)).reduce(BigDecimal.ZERO, BigDecimal::add);
		}
		if (!column.getChildren().isEmpty()) {
			return TableLayout.leaves(column).stream().filter(leaf -> !isTotal(leaf))
					.map(leaf -> value(row, (Column) leaf)).reduce(BigDecimal.ZERO, BigDecimal::add);
		}
		Optional<CellValue> cell = enteredCell(row, column);
		if (cell.isPresent()) {
			return Numbers.signed(cell.get().getNumber(), cell.get().isNegative());
		}
		List<Axis> key = List.of(row, column);
		if (!inProgress.add(key)) {
			return BigDecimal.ZERO; // a rule that defines a total through itself computes nothing
		}
		try {
			Optional<Sum> byColumn = totals.definition(column);
			if (byColumn.isPresent()) {
				return sum(byColumn.get(), term -> value(row, (Column) term.getAxis()));
			}
			Optional<Sum> byRow = totals.definition(row);
			if (byRow.isPresent()) {
				return sum(byRow.get(), term -> value((Row) term.getAxis(), column));
			}
			return BigDecimal.ZERO;
		} finally {
			inProgress.remove(key);
		}
	}

	private boolean isTotal(Axis axis) {
		return totals != null && totals.isComputable(axis);
	}

	static BigDecimal sum(Sum sum, java.util.function.Function<Term, BigDecimal> termValue) {
		BigDecimal total = BigDecimal.ZERO;
		for (Term term : sum.getTerms()) {
			BigDecimal value = term.getAxis() == null || term.getAxis().eIsProxy() ? BigDecimal.ZERO : termValue.apply(term);
			total = term.isNegative() ? total.subtract(value) : total.add(value);
		}
		return total;
	}
}
