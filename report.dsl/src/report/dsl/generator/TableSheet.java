package report.dsl.generator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import report.dsl.evaluation.TableValues;
import report.dsl.model.TableLayout;
import report.dsl.report.Column;
import report.dsl.report.Row;
import report.dsl.report.TableType;

/**
 * A table placed on one rectangular grid, as a word processor or a spreadsheet draws it: the grids of its blocks
 * under one another, each block's heading across the whole width, every cell at its row and column with its spans.
 * The row labels take as many columns as the deepest block needs; a block with fewer value columns widens its last
 * one, as the HTML output does.
 */
public final class TableSheet {

	/** What a cell holds, for how it is styled. */
	public enum Kind {
		BLOCK_HEADING, CORNER, COLUMN_HEADER, ROW_LABEL, VALUE
	}

	/**
	 * A cell at its top-left row and column (from 0). A value cell has its row and column of the model and its number.
	 */
	public record Cell(int row, int column, int rowspan, int colspan, Kind kind, String text, Row modelRow,
			Column modelColumn, BigDecimal value, boolean computed) {
	}

	private final TableType table;
	private final List<Cell> cells = new ArrayList<>();
	private final Map<Row, Map<Column, Cell>> values = new HashMap<>();
	private final int labelColumns;
	private final int columns;
	private int headerRows;
	private int rows;

	private TableSheet(TableType table, TableValues tableValues) {
		this.table = table;
		List<TableGrid> grids = table.getBlocks().stream().map(b -> TableGrid.of(b, tableValues)).toList();
		int labelColumns = grids.stream().mapToInt(TableGrid::labelColumns).max().orElse(1);
		int valueColumns = grids.stream().mapToInt(g -> g.leafColumns().size()).max().orElse(1);
		this.labelColumns = labelColumns;
		this.columns = labelColumns + valueColumns;
		for (TableGrid grid : grids) {
			if (grid.block().getHeading() != null) {
				cells.add(new Cell(rows++, 0, 1, columns, Kind.BLOCK_HEADING, ReportText.clean(grid.block().getHeading()), null,
						null, null, false));
			}
			Column lastLeaf = grid.leafColumns().get(grid.leafColumns().size() - 1);
			int widen = valueColumns - grid.leafColumns().size();
			int top = rows;
			for (List<TableGrid.HeaderCell> headerRow : grid.header()) {
				int column = 0;
				for (TableGrid.HeaderCell header : headerRow) {
					column = free(rows, column);
					if (header.column() == null) {
						cells.add(new Cell(rows, column, header.rowspan(), labelColumns, Kind.CORNER, header.label(), null, null, null,
								false));
						column += labelColumns;
					} else {
						boolean last = TableLayout.leaves(header.column()).contains(lastLeaf);
						int colspan = header.colspan() + (last ? widen : 0);
						cells.add(new Cell(rows, column, header.rowspan(), colspan, Kind.COLUMN_HEADER, header.label(), null,
								header.column(), null, false));
						column += colspan;
					}
				}
				rows++;
			}
			if (grids.size() == 1) {
				headerRows = rows - top + (grid.block().getHeading() != null ? 1 : 0);
			}
			for (TableGrid.BodyRow body : grid.body()) {
				int column = 0;
				for (TableGrid.LabelCell label : body.labels()) {
					column = free(rows, column);
					int extra = label.isGroup() ? 0 : labelColumns - grid.labelColumns();
					cells.add(new Cell(rows, column, label.rowspan(), label.colspan() + extra, Kind.ROW_LABEL, label.label(),
							label.row(), null, null, false));
					column += label.colspan() + extra;
				}
				column = labelColumns;
				for (TableGrid.ValueCell value : body.values()) {
					int colspan = value.column() == lastLeaf ? 1 + widen : 1;
					Cell cell = new Cell(rows, column, 1, colspan, Kind.VALUE, null, body.row(), value.column(), value.value(),
							value.computed());
					cells.add(cell);
					values.computeIfAbsent(body.row(), r -> new HashMap<>()).put(value.column(), cell);
					column += colspan;
				}
				rows++;
			}
		}
	}

	public static TableSheet of(TableType table, TableValues values) {
		return new TableSheet(table, values);
	}

	public TableType table() {
		return table;
	}

	/** The cells, row by row, each row from left to right. */
	public List<Cell> cells() {
		return cells;
	}

	public int rows() {
		return rows;
	}

	public int columns() {
		return columns;
	}

	/** The columns at the left that hold the row labels; the values follow. */
	public int labelColumns() {
		return labelColumns;
	}

	/** The header rows at the top that a page break repeats: those of a table of one block, else none. */
	public int headerRows() {
		return headerRows;
	}

	/** The value cell of a leaf row and column, where the table prints it. */
	public Optional<Cell> valueCell(Row row, Column column) {
		return Optional.ofNullable(values.getOrDefault(row, Map.of()).get(column));
	}

	/** The first column at or after the given one that no cell from a row above covers. */
	private int free(int row, int column) {
		int free = column;
		boolean moved = true;
		while (moved) {
			moved = false;
			for (Cell cell : cells) {
				if (cell.row() < row && cell.row() + cell.rowspan() > row && cell.column() <= free
						&& cell.column() + cell.colspan() > free) {
					free = cell.column() + cell.colspan();
					moved = true;
				}
			}
		}
		return free;
	}
}
