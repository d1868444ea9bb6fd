package report.dsl.evaluation;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

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
	private final Map<Cell, BigDecimal> memo = new HashMap<>();
	private final Set<Row> unplaced = new HashSet<>();
	/** Each line's columns, found once: the check of every cell of the line asks. */
	private final Map<RowData, List<Column>> positions = new HashMap<>();
	private final BiFunction<Row, Column, BigDecimal> summed;

	/** {@code summed}: for a summary's table written 自动, each cell's sum over the summary's parts. */
	TableValues(TableType table, TableData data, TotalDefinitions totals, BiFunction<Row, Column, BigDecimal> summed) {
		this.table = table;
		this.data = data;
		this.totals = totals;
		this.summed = summed;
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
		return positions.computeIfAbsent(rowData, this::layOut);
	}

	private List<Column> layOut(RowData rowData) {
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
		return summed != null || enteredCell(row, column).isEmpty() && (isTotal(row) || isTotal(column));
	}

	/** Whether the table is a summary's 自动 table: every cell is summed from the parts. */
	public boolean isSummed() {
		return summed != null;
	}

	/** A cell a computed total adds up (or subtracts): a leaf row of a leaf column, as a printed table shows it. */
	public record Addend(Row row, Column column, boolean negative) {
	}

	/**
	 * The printed cells a computed total sums, with their signs, groups broken down into their leaves: what a
	 * spreadsheet formula of the total adds up to give the same value. Empty for a cell that is not computed.
	 */
	public List<Addend> addends(Row row, Column column) {
		List<Addend> addends = new ArrayList<>();
		if (isComputed(row, column)) {
			Recipe recipe = recipe(new Cell(row, column));
			for (int i = 0; i < recipe.cells().size(); i++) {
				addLeaves(recipe.cells().get(i), recipe.negated().get(i), addends);
			}
		}
		return addends;
	}

	private void addLeaves(Cell cell, boolean negative, List<Addend> addends) {
		if (cell.row().getChildren().isEmpty() && cell.column().getChildren().isEmpty()) {
			addends.add(new Addend(cell.row(), cell.column(), negative));
			return;
		}
		Recipe group = recipe(cell); // a group's recipe lists its leaves: this ends on the printed cells
		for (int i = 0; i < group.cells().size(); i++) {
			addLeaves(group.cells().get(i), negative != group.negated().get(i), addends);
		}
	}

	/** One cell of the table; rows and columns are told apart by identity, as EMF objects are. */
	private record Cell(Row row, Column column) {
		@Override
		public boolean equals(Object other) {
			return other instanceof Cell cell && cell.row == row && cell.column == column;
		}

		@Override
		public int hashCode() {
			return 31 * System.identityHashCode(row) + System.identityHashCode(column);
		}
	}

	/** How a cell's value is made: the number as entered, or the signed sum of other cells. */
	private record Recipe(BigDecimal entered, List<Cell> cells, List<Boolean> negated) {
		static Recipe sum() {
			return new Recipe(BigDecimal.ZERO, new ArrayList<>(), new ArrayList<>());
		}

		Recipe plus(Cell cell, boolean negative) {
			cells.add(cell);
			negated.add(negative);
			return this;
		}
	}

	/**
	 * The cell's value, computed without recursion: a chain of thousands of totals defined from each other
	 * must not overflow the stack. A total that a rule defines through itself counts as zero where it recurs
	 * (the cycle is reported on the report type).
	 */
	public BigDecimal value(Row row, Column column) {
		Cell wanted = new Cell(row, column);
		BigDecimal known = memo.get(wanted);
		if (known != null) {
			return known; // the generators ask again for every cell the check computed
		}
		Step first = new Step(wanted, recipe(wanted));
		if (first.nextPending(memo, Set.of()) == null) {
			// an entered cell, or a total of cells already known: most cells, computed without a stack
			BigDecimal total = total(first.recipe);
			memo.put(wanted, total);
			return total;
		}
		Deque<Step> stack = new ArrayDeque<>();
		Set<Cell> inProgress = new HashSet<>();
		stack.push(first);
		inProgress.add(wanted);
		while (!stack.isEmpty()) {
			Step step = stack.peek();
			Cell pending = step.nextPending(memo, inProgress);
			if (pending != null) {
				stack.push(new Step(pending, recipe(pending)));
				inProgress.add(pending);
				continue;
			}
			memo.put(step.cell, total(step.recipe));
			stack.pop();
			inProgress.remove(step.cell);
		}
		return memo.get(wanted);
	}

	/**
	 * A cell being computed and how far its recipe's parts have been looked at: a part before that is computed, or
	 * in progress further down, and stays so while this step is on the stack.
	 */
	private static final class Step {
		private final Cell cell;
		private final Recipe recipe;
		private int next;

		Step(Cell cell, Recipe recipe) {
			this.cell = cell;
			this.recipe = recipe;
		}

		Cell nextPending(Map<Cell, BigDecimal> memo, Set<Cell> inProgress) {
			for (; next < recipe.cells().size(); next++) {
				Cell part = recipe.cells().get(next);
				if (!memo.containsKey(part) && !inProgress.contains(part)) {
					return part;
				}
			}
			return null;
		}
	}

	/** A recipe's value from the values computed so far: a part still in progress (a cycle) counts as zero. */
	private BigDecimal total(Recipe recipe) {
		BigDecimal total = recipe.entered();
		for (int i = 0; i < recipe.cells().size(); i++) {
			BigDecimal part = memo.getOrDefault(recipe.cells().get(i), BigDecimal.ZERO);
			total = recipe.negated().get(i) ? total.subtract(part) : total.add(part);
		}
		return total;
	}

	private Recipe recipe(Cell cell) {
		Row row = cell.row();
		Column column = cell.column();
		// a group is the sum of its parts: its leaves, less the totals among them, which repeat the parts
		if (!row.getChildren().isEmpty()) {
			Recipe sum = Recipe.sum();
			TableLayout.leaves(row).stream().filter(leaf -> !isTotal(leaf)).forEach(leaf -> sum.plus(new Cell((Row) leaf, column), false));
			return sum;
		}
		if (!column.getChildren().isEmpty()) {
			Recipe sum = Recipe.sum();
			TableLayout.leaves(column).stream().filter(leaf -> !isTotal(leaf))
					.forEach(leaf -> sum.plus(new Cell(row, (Column) leaf), false));
			return sum;
		}
		if (summed != null && !isTotal(row) && !isTotal(column)) {
			// the totals follow from the summed cells by the table's rules, so that the summary balances itself
			return new Recipe(summed.apply(row, column), List.of(), List.of());
		}
		Optional<CellValue> entered = enteredCell(row, column);
		if (entered.isPresent()) {
			return new Recipe(Numbers.signed(entered.get().getNumber(), entered.get().isNegative()), List.of(), List.of());
		}
		Recipe sum = Recipe.sum();
		Optional<Sum> byColumn = totals == null ? Optional.empty() : totals.definition(column);
		Optional<Sum> byRow = totals == null ? Optional.empty() : totals.definition(row);
		for (Term term : byColumn.or(() -> byRow).<List<Term>>map(Sum::getTerms).orElse(List.of())) {
			if (byColumn.isPresent() && term.getOperand() instanceof Column other) {
				sum.plus(new Cell(row, other), term.isNegative());
			} else if (byColumn.isEmpty() && term.getOperand() instanceof Row other) {
				sum.plus(new Cell(other, column), term.isNegative());
			}
		}
		return sum;
	}

	private boolean isTotal(Axis axis) {
		return totals != null && totals.isComputable(axis);
	}
}
