package report.dsl.validation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.validation.Check;

import com.google.inject.Inject;

import report.dsl.evaluation.Numbers;
import report.dsl.evaluation.ReportEvaluator;
import report.dsl.evaluation.ReportValues;
import report.dsl.evaluation.TableValues;
import report.dsl.model.TableLayout;
import report.dsl.report.Block;
import report.dsl.report.CellValue;
import report.dsl.report.Column;
import report.dsl.report.Equation;
import report.dsl.report.Report;
import report.dsl.report.ReportPackage.Literals;
import report.dsl.report.Row;
import report.dsl.report.RowData;
import report.dsl.report.Rule;
import report.dsl.report.RuleScope;
import report.dsl.report.Sum;
import report.dsl.report.Term;

/**
 * Rules 1–4, 8 and 9, and every balance rule of a user's own report type: the rules are data in the
 * report type, and this check evaluates each equation for every column (每列) or row (每行) of its block.
 * A violation is reported on the cell the author has to look at, with the value that would balance it.
 */
public class BalanceValidator extends ConcernValidator {

	@Inject
	private ReportEvaluator evaluator;

	@Check
	public void checkBalanceRules(Report report) {
		if (report.getType() == null || report.getType().eIsProxy()) {
			return;
		}
		ReportValues values = evaluator.values(report);
		for (Rule rule : report.getType().getRules()) {
			if (rule.getTable() == null || rule.getTable().eIsProxy() || values.table(rule.getTable()).data() == null) {
				continue;
			}
			for (Equation equation : rule.getEquations()) {
				check(rule, equation, values);
			}
		}
	}

	private void check(Rule rule, Equation equation, ReportValues values) {
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
				return; // cross-year rules need last year's report
			}
			lastYear = previous.get().table(rule.getTable());
		}
		Block block = TableLayout.block(terms.get(0).getAxis());
		if (rule.getScope() == RuleScope.EACH_COLUMN) {
			for (Column column : TableLayout.leafColumns(block)) {
				check(rule, equation, new Slice(thisYear, lastYear, null, column));
			}
		} else {
			for (Row row : TableLayout.leafRows(block)) {
				check(rule, equation, new Slice(thisYear, lastYear, row, null));
			}
		}
	}

	/** One row (for 每行 rules) or one column (for 每列 rules) of a table, this year and last. */
	private record Slice(TableValues thisYear, TableValues lastYear, Row row, Column column) {
		Row rowOf(Term term) {
			return row != null ? row : (Row) term.getAxis();
		}

		Column columnOf(Term term) {
			return column != null ? column : (Column) term.getAxis();
		}

		BigDecimal value(Term term) {
			return (term.isPreviousYear() ? lastYear : thisYear).value(rowOf(term), columnOf(term));
		}

		BigDecimal sum(Sum sum) {
			BigDecimal total = BigDecimal.ZERO;
			for (Term term : sum.getTerms()) {
				total = term.isNegative() ? total.subtract(value(term)) : total.add(value(term));
			}
			return total;
		}

		Optional<CellValue> enteredCell(Term term) {
			return term.isPreviousYear() ? Optional.empty() : thisYear.enteredCell(rowOf(term), columnOf(term));
		}

		String where() {
			return row != null ? "「" + TableLayout.keyText(row) + "」行" : "「" + TableLayout.shortKey(column) + "」列";
		}
	}

	private void check(Rule rule, Equation equation, Slice slice) {
		BigDecimal left = slice.sum(equation.getLeft());
		BigDecimal right = slice.sum(equation.getRight());
		if (left.compareTo(right) == 0) {
			return;
		}
		BigDecimal difference = left.subtract(right);
		String message = "违反规则" + rule.getCode() + "（" + rule.getMessage() + "）：表" + rule.getTable().getName()
				+ slice.where() + " " + operands(equation.getLeft(), slice) + " = " + Numbers.plain(left) + "，而 "
				+ operands(equation.getRight(), slice) + " = " + Numbers.plain(right) + "，相差 "
				+ Numbers.plain(difference.abs());
		Placement placement = placement(equation, slice, difference);
		String[] data = placement.cell == null ? new String[] { rule.getCode() }
				: new String[] { rule.getCode(), Numbers.plain(placement.balancingValue) };
		switch (rule.getSeverity()) {
			case ERROR -> getMessageAcceptor().acceptError(message, placement.target, placement.feature(), -1, rule.getCode(), data);
			case WARNING -> getMessageAcceptor().acceptWarning(message, placement.target, placement.feature(), -1, rule.getCode(), data);
			case INFO -> getMessageAcceptor().acceptInfo(message, placement.target, placement.feature(), -1, rule.getCode(), data);
		}
	}

	private static String operands(Sum sum, Slice slice) {
		StringBuilder text = new StringBuilder();
		for (Term term : sum.getTerms()) {
			if (text.length() > 0 || term.isNegative()) {
				text.append(term.isNegative() ? " − " : " + ");
			}
			text.append(term.isPreviousYear() ? "上年" : "").append(TableLayout.shortKey(term.getAxis()))
					.append("（").append(Numbers.plain(slice.value(term))).append("）");
		}
		return text.toString().trim();
	}

	private record Placement(EObject target, CellValue cell, BigDecimal balancingValue) {
		org.eclipse.emf.ecore.EStructuralFeature feature() {
			return target instanceof RowData ? Literals.ROW_DATA__ROW
					: target instanceof report.dsl.report.TableData ? Literals.TABLE_DATA__TABLE : null;
		}
	}

	/**
	 * The cell to blame: what the equation states alone on its left (a total, a carried-over count),
	 * else the last entered cell, read from the right; with the value that cell needs for the equation to hold.
	 */
	private static Placement placement(Equation equation, Slice slice, BigDecimal leftMinusRight) {
		List<Term> candidates = new ArrayList<>();
		if (equation.getLeft().getTerms().size() == 1) {
			candidates.add(equation.getLeft().getTerms().get(0));
		}
		List<Term> right = new ArrayList<>(equation.getRight().getTerms());
		java.util.Collections.reverse(right);
		candidates.addAll(right);
		List<Term> left = new ArrayList<>(equation.getLeft().getTerms());
		java.util.Collections.reverse(left);
		candidates.addAll(left);
		for (Term term : candidates) {
			Optional<CellValue> cell = slice.enteredCell(term);
			if (cell.isPresent()) {
				boolean onLeft = equation.getLeft().getTerms().contains(term);
				BigDecimal change = onLeft ? leftMinusRight.negate() : leftMinusRight;
				BigDecimal balancing = slice.value(term).add(term.isNegative() ? change.negate() : change);
				return new Placement(cell.get(), cell.get(), balancing);
			}
		}
		// no cell of the equation is entered (all computed or left out): the line of a row it involves
		for (Term term : candidates) {
			Row row = slice.rowOf(term);
			for (RowData rowData : term.isPreviousYear() ? List.<RowData>of() : slice.thisYear.data().getRows()) {
				if (rowData.getRow() == row) {
					return new Placement(rowData, null, null);
				}
			}
		}
		return new Placement(slice.thisYear.data(), null, null);
	}

}
