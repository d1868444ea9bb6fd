package report.dsl.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import report.dsl.evaluation.ReportValues.Resolved;
import report.dsl.report.Binding;
import report.dsl.report.Rounding;
import report.dsl.report.Text;

/**
 * What a binding in a paragraph shows: the value itself, a percentage share of a whole, or a percentage
 * change against a base, rounded to the binding's decimals. Shares rounded by largest remainder are
 * rounded together with the other such shares of the same whole in the paragraph, so that they add up
 * to 100 whenever their parts add up to the whole.
 */
public record ShownNumber(Binding binding, BigDecimal number, String text, String description, String problem) {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
	private static final int PRECISION = 12;

	/** More decimals than a percentage or an amount in 万元 ever shows is a typo, and would cost time and memory. */
	public static final int MAX_DECIMALS = 6;

	public boolean ok() {
		return problem == null;
	}

	public static List<ShownNumber> of(Text text, ReportValues values) {
		List<ShownNumber> shown = new ArrayList<>();
		for (Binding binding : text.getBindings()) {
			shown.add(single(binding, values));
		}
		roundLargestRemainderShares(text, values, shown);
		return shown;
	}

	/** The number of decimals shown: as declared, else as many as the stated number has. */
	public static int decimals(Binding binding) {
		if (binding.eIsSet(report.dsl.report.ReportPackage.Literals.BINDING__DECIMALS)) {
			return binding.getDecimals();
		}
		return binding.getStated() == null ? -1 : Math.max(0, binding.getStated().scale());
	}

	/** Why a binding's decimals cannot be shown, if they cannot. */
	public static Optional<String> decimalsProblem(Binding binding) {
		return decimals(binding) > MAX_DECIMALS
				? Optional.of("最多保留" + MAX_DECIMALS + "位小数，不能是" + decimals(binding) + "位")
				: Optional.empty();
	}

	private static ShownNumber single(Binding binding, ReportValues values) {
		Optional<String> decimalsProblem = decimalsProblem(binding);
		if (decimalsProblem.isPresent()) {
			return failed(binding, decimalsProblem.get());
		}
		Resolved value = values.resolve(binding);
		if (!value.ok()) {
			return failed(binding, value.problem());
		}
		int decimals = decimals(binding);
		if (binding.getShare() != null) {
			Resolved whole = values.resolve(binding.getShare());
			if (!whole.ok()) {
				return failed(binding, whole.problem());
			}
			if (whole.value().signum() == 0) {
				return failed(binding, "占比的整体「" + whole.description() + "」为0，无法计算百分比");
			}
			BigDecimal percent = Shares.percent(value.value(), whole.value());
			return shown(binding, percent.setScale(Math.max(decimals, 0), RoundingMode.HALF_UP),
					value.description() + "占" + whole.description() + "的百分比");
		}
		if (binding.getBase() != null) {
			Resolved base = values.resolve(binding.getBase());
			if (!base.ok()) {
				return failed(binding, base.problem());
			}
			if (base.value().signum() == 0) {
				return failed(binding, "比较基数「" + base.description() + "」为0，无法计算变化幅度");
			}
			BigDecimal change = value.value().subtract(base.value()).multiply(HUNDRED)
					.divide(base.value().abs(), PRECISION, RoundingMode.HALF_UP).abs();
			return shown(binding, change.setScale(Math.max(decimals, 0), RoundingMode.HALF_UP),
					value.description() + "较" + base.description() + "的变化幅度");
		}
		BigDecimal number = decimals < 0 ? value.value() : value.value().setScale(decimals, RoundingMode.HALF_UP);
		return shown(binding, number, value.description());
	}

	private static ShownNumber shown(Binding binding, BigDecimal number, String description) {
		return new ShownNumber(binding, number, Numbers.format(number, binding.isGrouping()), description, null);
	}

	private static ShownNumber failed(Binding binding, String problem) {
		return new ShownNumber(binding, null, "?", null, problem);
	}

	private static void roundLargestRemainderShares(Text text, ReportValues values, List<ShownNumber> shown) {
		List<Integer> pending = new ArrayList<>();
		for (int i = 0; i < shown.size(); i++) {
			Binding binding = text.getBindings().get(i);
			if (shown.get(i).ok() && binding.getShare() != null && binding.getRounding() == Rounding.LARGEST_REMAINDER) {
				pending.add(i);
			}
		}
		while (!pending.isEmpty()) {
			BigDecimal whole = values.resolve(text.getBindings().get(pending.get(0)).getShare()).value();
			List<Integer> group = pending.stream()
					.filter(i -> Objects.equals(values.resolve(text.getBindings().get(i).getShare()).value(), whole)).toList();
			pending.removeAll(group);
			roundTogether(text, values, shown, group, whole);
		}
	}

	private static void roundTogether(Text text, ReportValues values, List<ShownNumber> shown, List<Integer> group,
			BigDecimal whole) {
		int decimals = group.stream().mapToInt(i -> Math.max(0, decimals(text.getBindings().get(i)))).max().orElse(0);
		List<BigDecimal> parts = group.stream().map(i -> values.resolve(text.getBindings().get(i)).value()).toList();
		if (parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add).compareTo(whole) != 0) {
			return; // the parts do not make up the whole: each share keeps its ordinary rounding
		}
		List<BigDecimal> percents = Shares.largestRemainder(parts, whole, decimals);
		for (int k = 0; k < group.size(); k++) {
			ShownNumber single = shown.get(group.get(k));
			shown.set(group.get(k), shown(single.binding(), percents.get(k), single.description()));
		}
	}
}
