package report.dsl.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.xtext.EcoreUtil2;

import report.dsl.report.Axis;
import report.dsl.report.Column;
import report.dsl.report.DeclaredFigure;
import report.dsl.report.Equation;
import report.dsl.report.Relation;
import report.dsl.report.Row;
import report.dsl.report.Rule;
import report.dsl.report.Term;

/**
 * What a rule's terms name: a row or column of the rule's table, taken in each column or row the rule runs over,
 * or a fixed value (a cell of any table, a figure the report type declares), the same in every one of them.
 */
public final class RuleTerms {

	private RuleTerms() {
	}

	public static List<Term> terms(Equation equation) {
		List<Term> terms = new ArrayList<>();
		if (equation.getLeft() != null) {
			terms.addAll(equation.getLeft().getTerms());
		}
		if (equation.getRight() != null) {
			terms.addAll(equation.getRight().getTerms());
		}
		return terms;
	}

	/**
	 * Whether the term names a value of its own rather than a row or column of the rule's table. A name that does not
	 * resolve (its linking error is the message) counts as the table's, so that the rule still defines its total and
	 * the reports of the type are not charged with the type's typo.
	 */
	public static boolean isFixed(Term term) {
		Rule rule = EcoreUtil2.getContainerOfType(term, Rule.class);
		if (term.getOperand() == null || term.getOperand().eIsProxy()) {
			return term.getColumn() != null;
		}
		return term.getColumn() != null || !(term.getOperand() instanceof Axis axis) || rule == null || rule.getTable() == null
				|| TableLayout.table(axis) != rule.getTable();
	}

	/** The column a fixed term naming a row reads: the one it names, or its block's default column. */
	public static Optional<Column> fixedColumn(Term term) {
		if (term.getColumn() != null) {
			return Optional.of(term.getColumn());
		}
		return term.getOperand() instanceof Row row ? TableLayout.defaultColumn(TableLayout.block(row)) : Optional.empty();
	}

	/**
	 * The term without its sign, as a message names it (上年现行有效件数, with a column's short name) or, asWritten, as the
	 * rule writes it (上年 现行有效件数, with the full path); a fixed term by its table: A.行政规范性文件:本年制发件数.
	 */
	public static String text(Term term, boolean asWritten) {
		String previous = term.isPreviousYear() ? asWritten ? "上年 " : "上年" : "";
		if (term.getOperand() instanceof DeclaredFigure figure) {
			return previous + figure.getName();
		}
		Axis axis = (Axis) term.getOperand();
		if (!isFixed(term)) {
			return previous + (asWritten ? TableLayout.keyText(axis) : TableLayout.shortKey(axis));
		}
		String cell = TableLayout.table(axis).getName() + "." + TableLayout.keyText(axis);
		return previous + (term.getColumn() == null ? cell : cell + ":" + TableLayout.shortKey(term.getColumn()));
	}

	/** Whether left and right, compared, satisfy the relation. */
	public static boolean holds(Relation relation, int leftComparedToRight) {
		return switch (relation) {
			case EQUAL -> leftComparedToRight == 0;
			case AT_MOST -> leftComparedToRight <= 0;
			case AT_LEAST -> leftComparedToRight >= 0;
			case LESS -> leftComparedToRight < 0;
			case GREATER -> leftComparedToRight > 0;
		};
	}

	/** The relation as printed in messages and outputs: = ≤ ≥ < >. */
	public static String symbol(Relation relation) {
		return relation.getLiteral();
	}
}
