package report.dsl.evaluation;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** How numbers are shown: plain digits, no exponent, grouping only when asked. */
public final class Numbers {

	private Numbers() {
	}

	public static BigDecimal signed(BigDecimal number, boolean negative) {
		BigDecimal value = number == null ? BigDecimal.ZERO : number;
		return negative ? value.negate() : value;
	}

	public static String plain(BigDecimal value) {
		return value.toPlainString();
	}

	public static String format(BigDecimal value, boolean grouping) {
		if (!grouping) {
			return plain(value);
		}
		DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
		format.setMinimumFractionDigits(Math.max(0, value.scale()));
		format.setMaximumFractionDigits(Math.max(0, value.scale()));
		return format.format(value);
	}
}
