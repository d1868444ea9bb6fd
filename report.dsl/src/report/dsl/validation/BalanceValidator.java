package report.dsl.validation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.validation.Check;

import com.google.inject.Inject;

import report.dsl.evaluation.Numbers;
import report.dsl.evaluation.ReportEvaluator;
import report.dsl.evaluation.RuleOutcome;
import report.dsl.evaluation.RuleOutcome.Slice;
import report.dsl.evaluation.TotalDefinitions;
import report.dsl.evaluation.TableValues;
import report.dsl.model.RuleTerms;
import report.dsl.model.TableLayout;
import report.dsl.report.Axis;
import report.dsl.report.Figure;
import report.dsl.report.Equation;
import report.dsl.report.Report;
import report.dsl.report.ReportPackage.Literals;
import report.dsl.report.Relation;
import report.dsl.report.ReportType;
import report.dsl.report.Row;
import report.dsl.report.RowData;
import report.dsl.report.Rule;
import report.dsl.report.Sum;
import report.dsl.report.TableData;
import report.dsl.report.Term;

/**
 * Rules 1–4, 8 and 9, and every balance rule of a user's own report type: the rules are data in the
 * report type, evaluated by {@link RuleOutcome}; this check reports each equation that does not hold
 * on the cell the author has to look at, with the value that would balance it.
 */
public class BalanceValidator extends ConcernValidator {

	@Inject
	private ReportEvaluator evaluator;

	@Check
	public void checkBalanceRules(Report report) {
		if (report.getType() == null || report.getType().eIsProxy() || damaged(report)) {
			return;
		}
		for (RuleOutcome outcome : evaluator.values(report).ruleOutcomes()) {
			if (!outcome.holds()) {
				report(outcome);
			}
		}
	}

	/** A total defined through itself cannot be computed: its value would silently be taken as zero. */
	@Check
	public void checkTotalCycle(Equation equation) {
		ReportType type = EcoreUtil2.getContainerOfType(equation, ReportType.class);
		Optional<Axis> total = TotalDefinitions.definingAxis(equation);
		if (type == null || total.isEmpty()) {
			return;
		}
		TotalDefinitions totals = evaluator.totals(type);
		if (totals.definition(total.get()).orElse(null) != equation.getRight()) {
			return; // an earlier equation defines this total; this one is only checked
		}
		totals.cycle(total.get()).ifPresent(chain -> error("合计「" + TableLayout.shortKey(total.get()) + "」的定义又用到了它自己："
				+ chain.stream().map(TableLayout::shortKey).collect(Collectors.joining(" → ")), equation,
				Literals.EQUATION__LEFT, IssueCodes.CYCLIC_TOTAL));
	}

	/** A term that names a cell of its own names one number: a row of several columns needs its column. */
	@Check
	public void checkFixedTerm(Term term) {
		if (!(term.getOperand() instanceof Row row) || row.eIsProxy() || !RuleTerms.isFixed(term)
				|| term.getColumn() != null && term.getColumn().eIsProxy()) {
			return;
		}
		if (row.isHeading()) {
			error("「" + TableLayout.keyText(row) + "」是标题行，没有数值", term, Literals.TERM__OPERAND, IssueCodes.RULE_TERM);
		} else if (RuleTerms.fixedColumn(term).isEmpty()) {
			error("表" + TableLayout.table(row).getName() + "的「" + TableLayout.keyText(row) + "」有多列，请用「:列名」指明引用哪一列",
					term, Literals.TERM__OPERAND, IssueCodes.RULE_TERM);
		}
	}

	private void report(RuleOutcome outcome) {
		Rule rule = outcome.rule();
		Equation equation = outcome.equation();
		Slice slice = outcome.slice();
		BigDecimal difference = outcome.left().subtract(outcome.right());
		String where = slice.row() != null ? "表" + rule.getTable().getName() + "「" + slice.key() + "」行 "
				: slice.column() != null ? "表" + rule.getTable().getName() + "「" + slice.key() + "」列 " : "";
		String message = "违反规则" + rule.getCode() + "（" + rule.getMessage() + "）：" + where
				+ operands(equation.getLeft(), slice) + " = " + Numbers.plain(outcome.left()) + "，" + relationText(equation.getRelation())
				+ " " + operands(equation.getRight(), slice) + " = " + Numbers.plain(outcome.right()) + "，"
				+ shortfall(equation.getRelation(), difference);
		Placement placement = placement(equation, slice, difference);
		// a value that makes an equation hold is a fix; an inequality that fails says that a number is wrong, not which
		String[] data = placement.balancingValue == null || equation.getRelation() != Relation.EQUAL ? new String[] { rule.getCode() }
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
			text.append(RuleTerms.text(term, false)).append("（").append(Numbers.plain(slice.value(term))).append("）");
		}
		return text.toString().trim();
	}

	/** How the left side relates to the right in a message: 而 for an equation, what it should be for an inequality. */
	private static String relationText(Relation relation) {
		return switch (relation) {
			case EQUAL -> "而";
			case AT_MOST -> "应不大于";
			case AT_LEAST -> "应不小于";
			case LESS -> "应小于";
			case GREATER -> "应大于";
		};
	}

	/** By how much the relation fails, given left minus right. */
	private static String shortfall(Relation relation, BigDecimal difference) {
		if (difference.signum() == 0) {
			return "二者相等";
		}
		String amount = Numbers.plain(difference.abs());
		return switch (relation) {
			case EQUAL -> "相差 " + amount;
			case AT_MOST, LESS -> "超出 " + amount;
			case AT_LEAST, GREATER -> "少 " + amount;
		};
	}

	private record Placement(EObject target, EObject source, BigDecimal balancingValue) {
		EStructuralFeature feature() {
			return target instanceof RowData ? Literals.ROW_DATA__ROW
					: target instanceof TableData ? Literals.TABLE_DATA__TABLE
					: target instanceof Figure ? Literals.FIGURE__VALUE
					: target instanceof Report ? Literals.REPORT__NAME : null;
		}
	}

	/**
	 * The cell to blame: what the equation states alone on its left (a total, a carried-over count),
	 * else the last entered cell (or figure), read from the right; with the value it needs for the equation to hold.
	 */
	private static Placement placement(Equation equation, Slice slice, BigDecimal leftMinusRight) {
		List<Term> candidates = new ArrayList<>();
		if (equation.getLeft().getTerms().size() == 1) {
			candidates.add(equation.getLeft().getTerms().get(0));
		}
		List<Term> right = new ArrayList<>(equation.getRight().getTerms());
		Collections.reverse(right);
		candidates.addAll(right);
		List<Term> left = new ArrayList<>(equation.getLeft().getTerms());
		Collections.reverse(left);
		candidates.addAll(left);
		Report report = slice.values().report();
		for (Term term : candidates) {
			Optional<EObject> source = slice.source(term).filter(s -> s.eResource() == report.eResource());
			if (source.isPresent()) {
				boolean onLeft = equation.getLeft().getTerms().contains(term);
				BigDecimal change = onLeft ? leftMinusRight.negate() : leftMinusRight;
				BigDecimal balancing = slice.value(term).add(term.isNegative() ? change.negate() : change);
				return new Placement(source.get(), source.get(), balancing);
			}
		}
		// no cell of the equation is entered (all computed or left out): the line of a row it involves
		for (Term term : candidates) {
			if (term.isPreviousYear() || !(term.getOperand() instanceof Axis)) {
				continue;
			}
			TableValues table = slice.values().table(TableLayout.table(slice.rowOf(term)));
			Optional<RowData> line = table.line(slice.rowOf(term));
			if (line.isPresent()) {
				return new Placement(line.get(), null, null);
			}
		}
		return slice.thisYear() != null ? new Placement(slice.thisYear().data(), null, null) : new Placement(report, null, null);
	}

}
