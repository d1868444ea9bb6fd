package report.dsl.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.naming.QualifiedName;

import report.dsl.report.Axis;
import report.dsl.report.Block;
import report.dsl.report.Column;
import report.dsl.report.Row;
import report.dsl.report.TableType;

/** Navigation of a table layout: keys of rows and columns relative to their table, leaves, blocks. */
public final class TableLayout {

	private TableLayout() {
	}

	/**
	 * The key of a row or column relative to its table, e.g. 三.七 or 行政诉讼.直接起诉.总计; none when the parser
	 * recovered the row or one of its groups without a name, which then cannot be referred to.
	 */
	public static Optional<QualifiedName> key(Axis axis) {
		List<String> segments = segments(axis);
		return segments.contains(null) ? Optional.empty() : Optional.of(QualifiedName.create(segments));
	}

	public static String keyText(Axis axis) {
		StringBuilder key = new StringBuilder();
		for (EObject e = axis; e instanceof Axis a; e = e.eContainer()) {
			if (e != axis) {
				key.insert(0, '.');
			}
			if (a.getName() != null) {
				key.insert(0, a.getName());
			}
		}
		return key.toString();
	}

	private static List<String> segments(Axis axis) {
		List<String> segments = new ArrayList<>();
		for (EObject e = axis; e instanceof Axis a; e = e.eContainer()) {
			segments.add(0, a.getName() == null || a.getName().isEmpty() ? null : a.getName());
		}
		return segments;
	}

	public static TableType table(EObject axisOrBlock) {
		return EcoreUtil2.getContainerOfType(axisOrBlock, TableType.class);
	}

	public static Block block(EObject axis) {
		return EcoreUtil2.getContainerOfType(axis, Block.class);
	}

	public static List<Row> allRows(Block block) {
		return EcoreUtil2.eAllOfType(block, Row.class);
	}

	/** The block's columns, depth first; walked through the columns alone, not through the rows after them. */
	public static List<Column> allColumns(Block block) {
		List<Column> columns = new ArrayList<>();
		Deque<Column> pending = new ArrayDeque<>();
		pushInOrder(pending, block.getColumns());
		while (!pending.isEmpty()) {
			Column column = pending.pop();
			columns.add(column);
			pushInOrder(pending, column.getChildren());
		}
		return columns;
	}

	private static void pushInOrder(Deque<Column> pending, List<Column> columns) {
		for (int i = columns.size() - 1; i >= 0; i--) {
			pending.push(columns.get(i));
		}
	}

	public static List<Row> allRows(TableType table) {
		return EcoreUtil2.eAllOfType(table, Row.class);
	}

	public static List<Row> leafRows(Block block) {
		return allRows(block).stream().filter(r -> r.getChildren().isEmpty()).toList();
	}

	public static List<Column> leafColumns(Block block) {
		return allColumns(block).stream().filter(c -> c.getChildren().isEmpty()).toList();
	}

	/** The leaves under an axis: itself when it has no children. */
	public static List<? extends Axis> leaves(Axis axis) {
		List<Axis> leaves = new ArrayList<>();
		collectLeaves(axis, leaves);
		return leaves;
	}

	private static void collectLeaves(Axis axis, List<Axis> leaves) {
		List<? extends Axis> children = axis instanceof Row r ? r.getChildren() : ((Column) axis).getChildren();
		if (children.isEmpty()) {
			leaves.add(axis);
		} else {
			children.forEach(child -> collectLeaves(child, leaves));
		}
	}

	/** The column a reference to a row means when it names none: the declared default, or the only one. */
	public static Optional<Column> defaultColumn(Block block) {
		if (block.getDefaultColumn() != null && !block.getDefaultColumn().eIsProxy()) {
			return Optional.of(block.getDefaultColumn());
		}
		List<Column> leaves = leafColumns(block);
		return leaves.size() == 1 ? Optional.of(leaves.get(0)) : Optional.empty();
	}

	/**
	 * The shortest name that still says which row or column is meant: a column's own name where no
	 * other column of its block has it (总计 rather than 申请人情况.总计), else its path.
	 */
	public static String shortKey(Axis axis) {
		if (axis instanceof Column column) {
			long sameName = allColumns(block(column)).stream().filter(c -> Objects.equals(c.getName(), column.getName())).count();
			if (sameName == 1) {
				return column.getName();
			}
		}
		return keyText(axis);
	}
}
