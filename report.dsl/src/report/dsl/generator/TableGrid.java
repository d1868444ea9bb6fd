package report.dsl.generator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.xtext.util.IResourceScopeCache;
import org.eclipse.xtext.util.Tuples;

import report.dsl.evaluation.ReportValues;
import report.dsl.evaluation.TableValues;
import report.dsl.model.TableLayout;
import report.dsl.report.Axis;
import report.dsl.report.Block;
import report.dsl.report.Column;
import report.dsl.report.Row;
import report.dsl.report.TableType;

/**
 * A block of a table laid out as the printed form draws it: column headers in as many rows as the
 * column tree is deep, row labels in as many columns as the row tree is deep, group labels spanning
 * their members. Every output walks this grid; only how it draws spans differs.
 */
public final class TableGrid {

	/** A header cell; the corner cell has no column. */
	public record HeaderCell(String label, int colspan, int rowspan, Column column) {
		public boolean isGroup() {
			return column != null && !column.getChildren().isEmpty();
		}
	}

	/** A row label cell, placed on the first row it spans. */
	public record LabelCell(String label, int colspan, int rowspan, Row row) {
		public boolean isGroup() {
			return !row.getChildren().isEmpty();
		}
	}

	public record ValueCell(Column column, BigDecimal value, boolean computed) {
	}

	/** A leaf row: the label cells that start on it, its labels from the top group down, and its values. */
	public record BodyRow(Row row, List<LabelCell> labels, List<String> path, List<ValueCell> values) {
	}

	private final Block block;
	private final int labelColumns;
	private final List<List<HeaderCell>> header = new ArrayList<>();
	private final List<BodyRow> body = new ArrayList<>();
	private final List<Column> leafColumns;

	private TableGrid(Block block, TableValues values, String corner) {
		this.block = block;
		this.leafColumns = TableLayout.leafColumns(block);
		this.labelColumns = block.getRows().stream().mapToInt(TableGrid::depth).max().orElse(1);
		int headerRows = block.getColumns().stream().mapToInt(TableGrid::depth).max().orElse(1);
		for (int i = 0; i < headerRows; i++) {
			header.add(new ArrayList<>());
		}
		header.get(0).add(new HeaderCell(corner, labelColumns, headerRows, null));
		block.getColumns().forEach(column -> addHeader(column, 0, headerRows));
		block.getRows().forEach(row -> addRows(row, 0, new ArrayList<>(), new ArrayList<>(), values));
	}

	/**
	 * The grids of a table's blocks with a report's numbers, made once per state of the report's file: the outputs of
	 * one report share them.
	 */
	public static List<TableGrid> of(TableType table, ReportValues values, IResourceScopeCache cache) {
		return cache.get(Tuples.create(TableGrid.class, table, values), values.report().eResource(),
				() -> table.getBlocks().stream().map(block -> of(block, values.table(table))).toList());
	}

	/** The grid of a block; the corner shows the block's row header, or for a table's first block the table's note. */
	public static TableGrid of(Block block, TableValues values) {
		TableType table = TableLayout.table(block);
		String corner = table.getBlocks().indexOf(block) == 0 && noteInCorner(table) ? table.getNote() : block.getRowHeader();
		return new TableGrid(block, values, ReportText.clean(corner));
	}

	/** Whether the table's note has its place in the corner of its first block (else it is printed under the caption). */
	public static boolean noteInCorner(TableType table) {
		return !table.getBlocks().isEmpty() && table.getBlocks().get(0).getRowHeader() == null;
	}

	public Block block() {
		return block;
	}

	public int labelColumns() {
		return labelColumns;
	}

	public List<List<HeaderCell>> header() {
		return header;
	}

	public List<BodyRow> body() {
		return body;
	}

	public List<Column> leafColumns() {
		return leafColumns;
	}

	/** Each leaf column's labels from the top group down: 法人或其他组织 › 商业企业. */
	public static List<String> path(Column column) {
		List<String> path = new ArrayList<>();
		for (Axis axis = column; axis != null; axis = axis.eContainer() instanceof Column parent ? parent : null) {
			path.add(0, label(axis));
		}
		return path;
	}

	public static String label(Axis axis) {
		return ReportText.clean(axis.getLabel() != null ? axis.getLabel() : axis.getName());
	}

	private void addHeader(Column column, int level, int headerRows) {
		int colspan = TableLayout.leaves(column).size();
		int rowspan = column.getChildren().isEmpty() ? headerRows - level : 1;
		header.get(level).add(new HeaderCell(label(column), colspan, rowspan, column));
		column.getChildren().forEach(child -> addHeader(child, level + 1, headerRows));
	}

	private void addRows(Row row, int level, List<LabelCell> pending, List<String> path, TableValues values) {
		List<String> ownPath = new ArrayList<>(path);
		ownPath.add(label(row));
		if (row.getChildren().isEmpty()) {
			List<LabelCell> labels = new ArrayList<>(pending);
			labels.add(new LabelCell(label(row), labelColumns - level, 1, row));
			List<ValueCell> cells = new ArrayList<>();
			for (Column column : leafColumns) {
				cells.add(new ValueCell(column, values.value(row, column), values.isComputed(row, column)));
			}
			body.add(new BodyRow(row, labels, ownPath, cells));
			pending.clear();
			return;
		}
		List<LabelCell> withGroup = new ArrayList<>(pending);
		withGroup.add(new LabelCell(label(row), 1, TableLayout.leaves(row).size(), row));
		pending.clear();
		for (Row child : row.getChildren()) {
			addRows(child, level + 1, withGroup, ownPath, values);
		}
	}

	private static int depth(Axis axis) {
		List<? extends Axis> children = axis instanceof Row row ? row.getChildren() : ((Column) axis).getChildren();
		return 1 + children.stream().mapToInt(TableGrid::depth).max().orElse(0);
	}
}
