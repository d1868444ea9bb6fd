package report.dsl.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;

import report.dsl.model.RuleTerms;
import report.dsl.model.TableLayout;
import report.dsl.report.Axis;
import report.dsl.report.Block;
import report.dsl.report.CellValue;
import report.dsl.report.Column;
import report.dsl.report.DeclaredFigure;
import report.dsl.report.Equation;
import report.dsl.report.ReportType;
import report.dsl.report.Row;
import report.dsl.report.Rule;
import report.dsl.report.RuleScope;
import report.dsl.report.Sum;
import report.dsl.report.Term;

/**
 * One equation or inequality of a rule evaluated for one column (每列 rules) or one row (每行 rules) of its table, or
 * once for a rule without a table. The checker reports the outcomes that do not hold; the JSON output publishes them all.
 */
public record RuleOutcome(Rule rule, Equation equation, Slice slice, BigDecimal left, BigDecimal right) {

	public boolean holds() {
		return RuleTerms.holds(equation.getRelation(), left.compareTo(right));
	}

	/**
	 * One row or one column of a table, this year and (for 上年 terms) last year; with neither row nor column for a
	 * rule without a table. Fixed terms (another table's cell, a declared figure) read the report's values; they are
	 * told apart once per equation, not for every cell a sum reads.
	 */
	public record Slice(ReportValues values, TableValues thisYear, TableValues lastYear, Row row, Column column, Set<Term> fixed) {
		public Row rowOf(Term term) {
			return row != null && !fixed.contains(term) ? row : (Row) term.getOperand();
		}

		public Column columnOf(Term term) {
			if (fixed.contains(term)) {
				return RuleTerms.fixedColumn(term).orElse(null);
			}
			return column != null ? column : (Column) term.getOperand();
		}

		public BigDecimal value(Term term) {
			if (fixed.contains(term)) {
				return values.resolveValue(term.getOperand(), term.getColumn(), term.isPreviousYear()).value();
			}
			return (term.isPreviousYear() ? lastYear : thisYear).value(rowOf(term), columnOf(term));
		}

		public BigDecimal sum(Sum sum) {
			BigDecimal total = BigDecimal.ZERO;
			for (Term term : sum.getTerms()) {
				total = term.isNegative() ? total.subtract(value(term)) : total.add(value(term));
			}
			return total;
		}

		/** Where this year's number of a term is written: the cell as entered, or the report's figure. */
		public Optional<EObject> source(Term term) {
			if (term.isPreviousYear()) {
				return Optional.empty();
			}
			if (term.getOperand() instanceof DeclaredFigure figure) {
				return values.figure(figure.getName()).map(f -> f);
			}
			if (fixed.contains(term)) {
				Row fixedRow = (Row) term.getOperand();
				TableValues table = values.table(TableLayout.table(fixedRow));
				return RuleTerms.fixedColumn(term).flatMap(c -> table.enteredCell(fixedRow, c)).map(cell -> cell);
			}
			return thisYear.enteredCell(rowOf(term), columnOf(term)).map(cell -> cell);
		}

		/** The cell this year's number of a term is entered in, if it is entered in a table. */
		public Optional<CellValue> enteredCell(Term term) {
			return source(term).filter(CellValue.class::isInstance).map(CellValue.class::cast);
		}

		/** The row or column the equation was evaluated for, by its key; empty for a rule without a table. */
		public String key() {
			return row != null ? TableLayout.keyText(row) : column != null ? TableLayout.shortKey(column) : "";
		}
	}

	/**
	 * An equation as its report type states it, told apart once per type rather than for every report: its terms that
	 * name a value of their own (fixed), the others (sliced), and the rows or columns of its table it is evaluated for.
	 */
	public record Plan(Rule rule, Equation equation, Set<Term> fixed, List<Term> sliced, List<? extends Axis> slices) {
	}

	/**
	 * The plans of every equation of the type's rules, in the order of the rules; an equation the parser recovered half
	 * of, or one of whose names does not resolve, has none: it is not evaluated.
	 */
	public static List<Plan> plans(ReportType type) {
		List<Plan> plans = new ArrayList<>();
		for (Rule rule : type.getRules()) {
			for (Equation equation : rule.getEquations()) {
				plan(rule, equation).ifPresent(plans::add);
			}
		}
		return plans;
	}

	private static Optional<Plan> plan(Rule rule, Equation equation) {
		if (equation.getLeft() == null || equation.getRight() == null) {
			return Optional.empty(); // the parser recovered half an equation: its syntax error is the message
		}
		List<Term> terms = RuleTerms.terms(equation);
		if (terms.stream().anyMatch(t -> t.getOperand() == null || t.getOperand().eIsProxy()
				|| t.getColumn() != null && t.getColumn().eIsProxy())) {
			return Optional.empty();
		}
		Set<Term> fixed = new HashSet<>();
		terms.stream().filter(RuleTerms::isFixed).forEach(fixed::add);
		List<Term> sliced = terms.stream().filter(t -> !fixed.contains(t)).toList();
		List<? extends Axis> slices = List.of();
		if (!sliced.isEmpty()) {
			Block block = TableLayout.block(sliced.get(0).getOperand());
			slices = rule.getScope() == RuleScope.EACH_COLUMN ? TableLayout.leafColumns(block) : TableLayout.leafRows(block);
		}
		return Optional.of(new Plan(rule, equation, Collections.unmodifiableSet(fixed), sliced, slices));
	}

	/** Every equation of every rule of the report's type, for each column or row it applies to. */
	static List<RuleOutcome> evaluate(ReportValues values, List<Plan> plans) {
		List<RuleOutcome> outcomes = new ArrayList<>();
		for (Plan plan : plans) {
			Rule rule = plan.rule();
			if (rule.getTable() != null && (rule.getTable().eIsProxy() || values.table(rule.getTable()).data() == null
					|| values.table(rule.getTable()).hasUnplacedRows())) {
				continue;
			}
			evaluate(plan, values, outcomes);
		}
		return outcomes;
	}

	private static void evaluate(Plan plan, ReportValues values, List<RuleOutcome> outcomes) {
		Rule rule = plan.rule();
		Equation equation = plan.equation();
		Set<Term> fixed = plan.fixed();
		for (Term term : fixed) {
			// a fixed term waits for what it names: last year's report, a figure the report states; a cell of a table
			// whose values cannot be placed holds the rule back as the rule's own table does
			if (!values.resolveValue(term.getOperand(), term.getColumn(), term.isPreviousYear()).ok()
					|| term.getOperand() instanceof Axis axis && values.table(TableLayout.table(axis)).hasUnplacedRows()) {
				return;
			}
		}
		if (plan.sliced().isEmpty()) {
			outcomes.add(outcome(rule, equation, new Slice(values, null, null, null, null, fixed)));
			return;
		}
		TableValues thisYear = values.table(rule.getTable());
		TableValues lastYear = null;
		if (plan.sliced().stream().anyMatch(Term::isPreviousYear)) {
			Optional<ReportValues> previous = values.previous();
			if (previous.isEmpty() || previous.get().table(rule.getTable()).data() == null) {
				return; // cross-year rules wait for last year's report
			}
			lastYear = previous.get().table(rule.getTable());
		}
		for (Axis axis : plan.slices()) {
			outcomes.add(outcome(rule, equation, axis instanceof Column column
					? new Slice(values, thisYear, lastYear, null, column, fixed)
					: new Slice(values, thisYear, lastYear, (Row) axis, null, fixed)));
		}
	}

	private static RuleOutcome outcome(Rule rule, Equation equation, Slice slice) {
		return new RuleOutcome(rule, equation, slice, slice.sum(equation.getLeft()), slice.sum(equation.getRight()));
	}
}
