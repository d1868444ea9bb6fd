package report.dsl.evaluation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import report.dsl.report.Axis;
import report.dsl.model.RuleTerms;
import report.dsl.report.Equation;
import report.dsl.report.Relation;
import report.dsl.report.ReportType;
import report.dsl.report.Rule;
import report.dsl.report.Sum;
import report.dsl.report.Term;

/**
 * The totals a report may leave out (or write as 自动) because a rule defines them: an equation whose
 * left side is one leaf row or column alone, computed from this year's figures only — e.g.
 * "总计 = 自然人 + 法人或其他组织" makes 总计 computable, "二 = 上年 四" does not.
 */
public final class TotalDefinitions {

	private final Map<Axis, Sum> definitions = new HashMap<>();
	private Set<Axis> unordered;

	public TotalDefinitions(ReportType type) {
		for (Rule rule : type.getRules()) {
			for (Equation equation : rule.getEquations()) {
				definingAxis(equation).ifPresent(axis -> definitions.putIfAbsent(axis, equation.getRight()));
			}
		}
	}

	public static Optional<Axis> definingAxis(Equation equation) {
		if (equation.getRelation() != Relation.EQUAL || equation.getLeft() == null || equation.getRight() == null
				|| equation.getLeft().getTerms().size() != 1) {
			return Optional.empty();
		}
		Term total = equation.getLeft().getTerms().get(0);
		// from this year's rows or columns of the same table only: an inequality, 上年 or a fixed value defines nothing
		boolean fromThisYear = RuleTerms.terms(equation).stream().noneMatch(t -> t.isPreviousYear() || RuleTerms.isFixed(t));
		if (total.isNegative() || !fromThisYear || !(total.getOperand() instanceof Axis axis) || axis.eIsProxy()) {
			return Optional.empty();
		}
		return Optional.of(axis);
	}

	/** The sum that computes this row or column, if a rule defines it. */
	public Optional<Sum> definition(Axis axis) {
		return Optional.ofNullable(definitions.get(axis));
	}

	public boolean isComputable(Axis axis) {
		return definitions.containsKey(axis);
	}

	/**
	 * The totals that cannot be put in an order of computation (Kahn's algorithm): those on a cycle of definitions
	 * and those that depend on one. Found once, so that only they are searched for their cycle.
	 */
	private Set<Axis> unordered() {
		if (unordered == null) {
			Map<Axis, Integer> pending = new HashMap<>();
			Map<Axis, List<Axis>> dependents = new HashMap<>();
			definitions.forEach((total, sum) -> {
				pending.putIfAbsent(total, 0);
				for (Term term : sum.getTerms()) {
					if (term.getOperand() instanceof Axis axis && definitions.containsKey(axis)) {
						pending.merge(total, 1, Integer::sum);
						dependents.computeIfAbsent(axis, a -> new ArrayList<>()).add(total);
					}
				}
			});
			Deque<Axis> ready = new ArrayDeque<>();
			pending.forEach((total, count) -> {
				if (count == 0) {
					ready.add(total);
				}
			});
			while (!ready.isEmpty()) {
				Axis done = ready.poll();
				pending.remove(done);
				for (Axis dependent : dependents.getOrDefault(done, List.of())) {
					if (pending.merge(dependent, -1, Integer::sum) == 0) {
						ready.add(dependent);
					}
				}
			}
			unordered = pending.keySet();
		}
		return unordered;
	}

	/**
	 * The shortest chain of definitions that leads from a total back to itself (结余 → 收入 → 结余), if there
	 * is one: such a total cannot be computed.
	 */
	public Optional<List<Axis>> cycle(Axis total) {
		if (!unordered().contains(total)) {
			return Optional.empty();
		}
		Map<Axis, Axis> reachedFrom = new HashMap<>();
		Deque<Axis> queue = new ArrayDeque<>(List.of(total));
		while (!queue.isEmpty()) {
			Axis axis = queue.poll();
			for (Term term : definitions.get(axis).getTerms()) {
				Axis next = term.getOperand() instanceof Axis operand ? operand : null;
				if (next == total) {
					List<Axis> chain = new ArrayList<>(List.of(total));
					for (Axis step = axis; step != total; step = reachedFrom.get(step)) {
						chain.add(1, step);
					}
					chain.add(total);
					return Optional.of(chain);
				}
				if (next != null && definitions.containsKey(next) && !reachedFrom.containsKey(next)) {
					reachedFrom.put(next, axis);
					queue.add(next);
				}
			}
		}
		return Optional.empty();
	}
}
