package report.dsl.ide;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.ide.server.hover.HoverContext;
import org.eclipse.xtext.ide.server.hover.HoverService;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;

import com.google.inject.Inject;
import com.google.inject.Singleton;

import report.dsl.evaluation.Numbers;
import report.dsl.evaluation.ReportEvaluator;
import report.dsl.evaluation.ReportValues;
import report.dsl.evaluation.RuleOutcome;
import report.dsl.evaluation.ShownNumber;
import report.dsl.evaluation.TableValues;
import report.dsl.model.Additivity;
import report.dsl.model.RuleTerms;
import report.dsl.model.TableLayout;
import report.dsl.report.Axis;
import report.dsl.report.Binding;
import report.dsl.report.CellValue;
import report.dsl.report.Column;
import report.dsl.report.DeclaredFigure;
import report.dsl.report.Figure;
import report.dsl.report.Relation;
import report.dsl.report.Report;
import report.dsl.report.Row;
import report.dsl.report.RowData;
import report.dsl.report.TableData;
import report.dsl.report.Text;

/**
 * Hover shows numbers where the text has names or digits: a cell's value, in a summary report its parts' values
 * and their sum, and the rules it takes part in with both sides computed; a row's values including computed totals;
 * what a binding resolves to.
 */
@Singleton
public class ReportHoverService extends HoverService {

	@Inject
	private EObjectAtOffsetHelper elements;

	@Inject
	private ReportEvaluator evaluator;

	@Override
	protected MarkupContent getMarkupContent(HoverContext context) {
		EObject at = elements.resolveContainedElementAt(context.getResource(), context.getOffset());
		Report report = EcoreUtil2.getContainerOfType(at, Report.class);
		String text = null;
		if (report != null && report.getType() != null && !report.getType().eIsProxy()) {
			ReportValues values = evaluator.values(report);
			if (at instanceof CellValue cell) {
				text = cell(cell, values);
			} else if (at instanceof RowData row && context.getElement() instanceof Row) {
				text = row(row, values);
			} else if (EcoreUtil2.getContainerOfType(at, Binding.class) != null) {
				text = binding(EcoreUtil2.getContainerOfType(at, Binding.class), report);
			}
		}
		if (text == null && context.getElement() instanceof Figure figure) {
			text = figure(figure);
			if (report != null && report.getType() != null && !report.getType().eIsProxy()) {
				StringBuilder rules = new StringBuilder(text);
				ReportValues values = evaluator.values(report);
				values.ruleOutcomes().stream().filter(outcome -> RuleTerms.terms(outcome.equation()).stream().anyMatch(
						t -> !t.isPreviousYear() && t.getOperand() instanceof DeclaredFigure declared
								&& values.figure(declared.getName()).orElse(null) == figure))
						.forEach(outcome -> appendOutcome(rules, outcome));
				text = rules.toString();
			}
		} else if (text == null && context.getElement() instanceof Axis axis) {
			text = "**" + TableLayout.keyText(axis) + "**　" + axis.getLabel();
		}
		return text == null ? null : toMarkupContent(getKind(context), text);
	}

	private String cell(CellValue cell, ReportValues values) {
		RowData rowData = (RowData) cell.eContainer();
		if (rowData.getRow() == null || rowData.getRow().eIsProxy()) {
			return null; // a row key that names no row: its cells have no column
		}
		TableData data = (TableData) rowData.eContainer();
		TableValues table = values.table(data.getTable());
		List<Column> positions = table.positions(rowData);
		int index = rowData.getValues().indexOf(cell);
		if (index >= positions.size()) {
			return null;
		}
		Row row = rowData.getRow();
		Column column = positions.get(index);
		StringBuilder text = new StringBuilder("**表" + data.getTable().getName() + "「" + TableLayout.keyText(row) + "」行 ×「"
				+ TableLayout.shortKey(column) + "」列** = " + Numbers.plain(table.value(row, column)));
		text.append(table.isComputed(row, column) ? "（由规则计算）" : "");
		appendParts(text, values, table.value(row, column), row, column);
		appendRules(text, values, row, column);
		return text.toString();
	}

	/** In a summary report, an additive cell's parts and their sum: ✓ 各部分之和：甲局（1） + 乙局（2） = 3. */
	private static void appendParts(StringBuilder text, ReportValues values, BigDecimal written, Row row, Column column) {
		if (values.parts().isEmpty() || !Additivity.isAdditive(row, column)) {
			return;
		}
		BigDecimal sum = values.partsSum(row, column);
		boolean holds = written.compareTo(sum) == 0;
		text.append("\n\n").append(holds ? "✓ " : "✗ ").append("各部分之和：").append(values.partsTerms(row, column)).append(" = ")
				.append(Numbers.plain(sum)).append(holds ? "" : "，与本格相差 " + Numbers.plain(written.subtract(sum).abs()));
	}

	/**
	 * The outcomes of every equation and inequality this cell takes part in, directly or through its groups: in the
	 * column or row the rule runs over, or named as a cell of its own.
	 */
	private static void appendRules(StringBuilder text, ReportValues values, Row row, Column column) {
		for (RuleOutcome outcome : values.ruleOutcomes()) {
			boolean sameSlice = outcome.slice().column() == column || outcome.slice().row() == row;
			Axis own = outcome.slice().column() == column ? row : column;
			boolean involved = RuleTerms.terms(outcome.equation()).stream().filter(t -> !t.isPreviousYear()).anyMatch(t -> RuleTerms.isFixed(t)
					? t.getOperand() instanceof Row named && contains(named, row) && RuleTerms.fixedColumn(t).orElse(null) == column
					: sameSlice && t.getOperand() instanceof Axis axis && contains(axis, own));
			if (involved) {
				appendOutcome(text, outcome);
			}
		}
	}

	/** ✓ or ✗, the rule, and both sides computed: 规则B2（…）：3 = 3, 规则A11（…）：9 ≤ 3 不成立. */
	private static void appendOutcome(StringBuilder text, RuleOutcome outcome) {
		Relation relation = outcome.equation().getRelation();
		boolean equation = relation == Relation.EQUAL;
		text.append("\n\n").append(outcome.holds() ? "✓ " : "✗ ").append("规则").append(outcome.rule().getCode())
				.append("（").append(outcome.rule().getMessage()).append("）：").append(Numbers.plain(outcome.left()))
				.append(" ").append(equation && !outcome.holds() ? "≠" : RuleTerms.symbol(relation)).append(" ")
				.append(Numbers.plain(outcome.right())).append(equation || outcome.holds() ? "" : " 不成立");
	}

	private static boolean contains(Axis group, Axis axis) {
		return group == axis || EcoreUtil2.isAncestor(group, axis);
	}

	private String row(RowData rowData, ReportValues values) {
		TableData data = (TableData) rowData.eContainer();
		TableValues table = values.table(data.getTable());
		Row row = rowData.getRow();
		StringBuilder text = new StringBuilder("**表" + data.getTable().getName() + "「" + TableLayout.keyText(row) + "」** "
				+ row.getLabel() + "\n");
		for (Column column : TableLayout.leafColumns(TableLayout.block(row))) {
			BigDecimal value = table.value(row, column);
			text.append("\n- ").append(TableLayout.shortKey(column)).append("：").append(Numbers.plain(value))
					.append(table.isComputed(row, column) ? "（计算）" : "");
		}
		return text.toString();
	}

	private String binding(Binding binding, Report report) {
		Text text = EcoreUtil2.getContainerOfType(binding, Text.class);
		for (ShownNumber shown : evaluator.shown(text, report)) {
			if (shown.binding() == binding) {
				if (!shown.ok()) {
					return "无法计算：" + shown.problem();
				}
				String hover = "**" + shown.text() + "**　" + shown.description();
				if (binding.getStated() != null) {
					hover += "\n\n文中写作 " + binding.getStated().toPlainString();
				}
				return hover;
			}
		}
		return null;
	}

	private static String figure(Figure figure) {
		return "**" + figure.getName() + "** = " + Numbers.signed(figure.getValue(), figure.isNegative()).toPlainString()
				+ (figure.getUnit() == null ? "" : " " + figure.getUnit())
				+ (figure.getDescription() == null ? "" : "\n\n" + figure.getDescription());
	}
}
