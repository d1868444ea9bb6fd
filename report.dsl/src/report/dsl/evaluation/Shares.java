package report.dsl.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Percentage shares of a whole, rounded so that parts that make up the whole add up to exactly 100. */
public final class Shares {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
	private static final int PRECISION = 12;

	private Shares() {
	}

	public static BigDecimal percent(BigDecimal part, BigDecimal whole) {
		return part.multiply(HUNDRED).divide(whole, PRECISION, RoundingMode.HALF_UP);
	}

	/**
	 * Largest-remainder rounding: every share is rounded down to the decimals, and the units still
	 * missing to 100 go to the largest remainders; on equal remainders the larger part wins (seed 003:
	 * 34 and 1 of 66 both leave .515…, and the report prints 52% and 1%). The whole must be the sum of
	 * the parts and not zero.
	 */
	public static List<BigDecimal> largestRemainder(List<BigDecimal> parts, BigDecimal whole, int decimals) {
		BigDecimal totalUnits = HUNDRED.movePointRight(decimals);
		List<BigDecimal> quotas = parts.stream()
				.map(p -> p.multiply(totalUnits).divide(whole, PRECISION, RoundingMode.HALF_UP)).toList();
		List<BigDecimal> units = new ArrayList<>(quotas.stream().map(q -> q.setScale(0, RoundingMode.FLOOR)).toList());
		int missing = totalUnits.subtract(units.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).intValue();
		List<Integer> order = new ArrayList<>();
		for (int k = 0; k < parts.size(); k++) {
			order.add(k);
		}
		order.sort(Comparator.<Integer, BigDecimal>comparing(k -> quotas.get(k).subtract(units.get(k))).reversed()
				.thenComparing(Comparator.<Integer, BigDecimal>comparing(parts::get).reversed()));
		for (int n = 0; n < missing && n < order.size(); n++) {
			units.set(order.get(n), units.get(order.get(n)).add(BigDecimal.ONE));
		}
		return units.stream().map(u -> u.movePointLeft(decimals).setScale(decimals, RoundingMode.UNNECESSARY)).toList();
	}
}
