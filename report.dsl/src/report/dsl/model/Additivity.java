package report.dsl.model;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;

import report.dsl.report.Additive;
import report.dsl.report.Axis;
import report.dsl.report.Block;
import report.dsl.report.Column;
import report.dsl.report.ReportType;
import report.dsl.report.Row;
import report.dsl.report.TableType;

/**
 * Which cells of a report type add up across reports, as its 可加 declarations say: a summary report's cell of
 * these is the sum of its parts' cells.
 */
public final class Additivity {

	private Additivity() {
	}

	/** One cell of a table: a leaf row and a leaf column of its block. */
	public record Cell(Row row, Column column) {
	}

	public static boolean isAdditive(Row row, Column column) {
		TableType table = TableLayout.table(row);
		ReportType type = table == null ? null : (ReportType) table.eContainer();
		if (type == null) {
			return false;
		}
		for (Additive additive : type.getAdditive()) {
			if (additive.getTable() == table
					&& (additive.getAxes().isEmpty() || additive.getAxes().stream().anyMatch(axis -> within(row, axis) || within(column, axis)))) {
				return true;
			}
		}
		return false;
	}

	/** Whether an axis is the given one or lies under it. */
	private static boolean within(Axis axis, Axis group) {
		for (EObject e = axis; e instanceof Axis; e = e.eContainer()) {
			if (e == group) {
				return true;
			}
		}
		return false;
	}

	/** The additive cells of a table with numbers: its leaf rows by their leaf columns, in reading order. */
	public static List<Cell> cells(TableType table) {
		List<Cell> cells = new ArrayList<>();
		for (Block block : table.getBlocks()) {
			List<Column> columns = TableLayout.leafColumns(block);
			for (Row row : TableLayout.leafRows(block)) {
				if (row.isHeading() || TableLayout.key(row).isEmpty()) {
					continue;
				}
				for (Column column : columns) {
					if (TableLayout.key(column).isPresent() && isAdditive(row, column)) {
						cells.add(new Cell(row, column));
					}
				}
			}
		}
		return cells;
	}

	/** A table's main figures that add up (the figures of {@link MainFigures#of} whose every cell adds up). */
	public static List<MainFigures.Figure> headlines(TableType table) {
		return MainFigures.of(table, false).stream().filter(figure -> addsUp(figure.row(), figure.column())).toList();
	}

	/** Whether every leaf cell under a row and a column adds up. */
	private static boolean addsUp(Row row, Column column) {
		for (Axis leafRow : TableLayout.leaves(row)) {
			for (Axis leafColumn : TableLayout.leaves(column)) {
				if (!isAdditive((Row) leafRow, (Column) leafColumn)) {
					return false;
				}
			}
		}
		return true;
	}

	/** Whether every cell of the table adds up, so that a summary may leave the whole table to be summed (自动). */
	public static boolean isWhollyAdditive(TableType table) {
		for (Block block : table.getBlocks()) {
			for (Row row : TableLayout.leafRows(block)) {
				for (Column column : TableLayout.leafColumns(block)) {
					if (!row.isHeading() && !isAdditive(row, column)) {
						return false;
					}
				}
			}
		}
		return true;
	}
}
