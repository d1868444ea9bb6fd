package report.dsl.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import report.dsl.model.TableLayout;
import report.dsl.report.Block;
import report.dsl.report.CellValue;
import report.dsl.report.Column;
import report.dsl.report.Equation;
import report.dsl.report.Row;
import report.dsl.report.Rule;
import report.dsl.report.RuleScope;
import report.dsl.report.Sum;
import report.dsl.report.Term;

/**
 * One equation of a rule evaluated for one column (每列 rules) or one row (每行 rules) of its table.
 * The checker reports the outcomes that do not hold; the JSON output publishes them all.
 */
public record RuleOutcome(Rule rule, Equation equation, Slice slice, BigDecimal left, BigDecimal right) {

	public boolean holds() {
		return left.compareTo(right) == 0;
	}

	/** One row or one column of a table, this year and (for 上年 terms) last year. */
	public record Slice(TableValues thisYear, TableValues lastYear, Row row, Column column) {
		public Row rowOf(Term term) {
			return row != null ? row : (Row) term.getAxis();
		}

		public Column columnOf(Term term) {
			return column != null ? column : (Column) term.getAxis();
		}

		public BigDecimal value(Term term) {
			return (term.isPreviousYear() ? lastYear : thisYear).value(rowOf(term), columnOf(term));
		}

		public BigDecimal sum(Sum sum) {
			BigDecimal total = BigDecimal.ZERO;
			for (Term term : sum.getTerms()) {
				total = term.isNegative() ? total.subtract(value(term)) : total.add(value(term));
			}
			return total;
		}

		public Optional<CellValue> enteredCell(Term term) {
			return term.isPreviousYear() ? Optional.empty() : thisYear.enteredCell(rowOf(term), columnOf(term));
		}

		/** The row or column the equation was evaluated for, by its key. */
		public String key() {
			return row != null ? TableLayout.keyText(row) : TableLayout.shortKey(column);
		}
	}

	/** Every equation of every rule of the report's type, for each column or row it applies to. */
	static List<RuleOutcome> evaluate(ReportValues values) {
		List<RuleOutcome> outcomes = new ArrayList<>();
		for (Rule rule : values.report().getType().getRules()) {
			if (rule.getTable() == null || rule.getTable().eIsProxy() || values.table(rule.getTable()).data() == null
					|| values.table(rule.getTable()).hasUnplacedRows()) {
				continue;
			}
			for (Equation equation : rule.getEquations()) {
				evaluate(rule, equation, values, outcomes);
			}
		}
		return outcomes;
	}

	private static void evaluate(Rule rule, Equation equation, ReportValues values, List<RuleOutcome> outcomes) {
		if (equation.getLeft() == null || equation.getRight() == null) {
			return; // the parser recovered half an equation: its syntax error is the message
		}
		List<Term> terms = new ArrayList<>(equation.getLeft().getTerms());
		terms.addAll(equation.getRight().getTerms());
		if (terms.stream().anyMatch(t -> t.getAxis() == null || t.getAxis().eIsProxy())) {
			return;
		}
		TableValues thisYear = values.table(rule.getTable());
		TableValues lastYear = null;
		if (terms.stream().anyMatch(Term::isPreviousYear)) {
			Optional<ReportValues> previous = values.previous();
			if (previous.isEmpty() || previous.get().table(rule.getTable()).data() == null) {
				return; // cross-year rules wait for last year's report
			}
			lastYear = previous.get().table(rule.getTable());
		}
		Block block = TableLayout.block(terms.get(0).getAxis());
		List<Slice> slices = new ArrayList<>();
		if (rule.getScope() == RuleScope.EACH_COLUMN) {
			for (Column column : TableLayout.leafColumns(block)) {
				slices.add(new Slice(thisYear, lastYear, null, column));
			}
		} else {
			for (Row row : TableLayout.leafRows(block)) {
				slices.add(new Slice(thisYear, lastYear, row, null));
			}
		}
		for (Slice slice : slices) {
			outcomes.add(new RuleOutcome(rule, equation, slice, slice.sum(equation.getLeft()), slice.sum(equation.getRight())));
		}
	}
}
