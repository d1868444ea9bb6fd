package report.dsl.model;

import java.util.ArrayList;
import java.util.List;

import report.dsl.report.Axis;
import report.dsl.report.Block;
import report.dsl.report.Column;
import report.dsl.report.Row;
import report.dsl.report.TableType;

/**
 * A table's main figures, as a summary's breakdown by part and a body's history over the years show them: per block,
 * its top-level rows in the default column (Table B: 一 to 四 in 总计), or, for a table of one row, its top-level
 * columns (Table C: 行政复议, 行政诉讼), else each top-level row in each column (Table A: 规章·现行有效件数).
 */
public final class MainFigures {

	private MainFigures() {
	}

	/** A figure: a cell, or a row or column group that stands for the sum of its leaves. */
	public record Figure(Row row, Column column, String label) {
	}

	/** With {@code headingsExpanded}, a heading row (Table B's 三、本年度办理结果) gives its sub-rows instead of their sum. */
	public static List<Figure> of(TableType table, boolean headingsExpanded) {
		List<Figure> figures = new ArrayList<>();
		for (Block block : table.getBlocks()) {
			List<Row> rows = new ArrayList<>();
			for (Row row : block.getRows()) {
				rows.addAll(headingsExpanded && row.isHeading() ? row.getChildren() : List.of(row));
			}
			rows.removeIf(row -> TableLayout.key(row).isEmpty());
			Column byDefault = block.getDefaultColumn() == null || block.getDefaultColumn().eIsProxy() ? null : block.getDefaultColumn();
			boolean oneColumn = byDefault != null || TableLayout.leafColumns(block).size() == 1;
			boolean oneRow = rows.size() == 1 && table.getBlocks().size() == 1;
			for (Row row : rows) {
				for (Column column : byDefault != null ? List.of(byDefault) : oneRow ? block.getColumns() : TableLayout.leafColumns(block)) {
					if (TableLayout.key(column).isPresent()) {
						String label = oneColumn ? label(row) : oneRow ? label(column) : label(row) + "·" + label(column);
						figures.add(new Figure(row, column, label));
					}
				}
			}
		}
		return figures;
	}

	/** 一、本年新收政府信息公开申请数量 as 本年新收政府信息公开申请数量, （一）予以公开 as 予以公开: without the ordinal and explanation. */
	private static String label(Axis axis) {
		String label = axis.getLabel() != null ? axis.getLabel() : axis.getName();
		return label.strip().replaceFirst("^[一二三四五六七八九十]+、", "").replaceFirst("^[（(][一二三四五六七八九十]+[）)]", "")
				.replaceFirst("^\\d+[.．、]", "").replaceFirst("[（(].*$", "");
	}
}
