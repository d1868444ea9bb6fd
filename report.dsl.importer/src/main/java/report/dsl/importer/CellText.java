package report.dsl.importer;

import java.math.BigDecimal;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a cell of a table holds: a number, a blank (also /, -, —, 无), a number printed with its sign in words or
 * brackets (减3, 增3, +3, −3 with the minus sign, （3）: a number only in a column the type declares signed), text where a number belongs, or a
 * label.
 */
record CellText(Kind kind, BigDecimal number, String printed) {

	enum Kind {
		NUMBER, BLANK, SIGNED, TEXT_IN_NUMBER, LABEL
	}

	private static final Pattern NUMBER = Pattern.compile("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?|-?\\d+(\\.\\d+)?");
	private static final Pattern NUMBER_WITH_WORDS = Pattern.compile("[减增约余共计元万件条个次项%]*-?\\d[\\d.,]*[元万件条个次项%]*");
	/** A change printed with its sign as a word or as accounting brackets; group 2 is the size. */
	private static final Pattern SIGNED = Pattern.compile("(减|增|\\+|\u2212)(\\d+(?:\\.\\d+)?)|\\((\\d+(?:\\.\\d+)?)\\)");
	private static final Set<String> BLANKS = Set.of("", "|", "/", "-", "—", "–", "－", "——", "无", "\\");

	static CellText of(String text) {
		String normalised = Labels.normalise(text);
		String value = normalised.replace("|", "");
		if (BLANKS.contains(value) || BLANKS.contains(normalised)) {
			return new CellText(Kind.BLANK, BigDecimal.ZERO, value);
		}
		if (NUMBER.matcher(value).matches()) {
			return new CellText(Kind.NUMBER, new BigDecimal(value.replace(",", "")), value);
		}
		Matcher signed = SIGNED.matcher(value);
		if (signed.matches()) {
			BigDecimal size = new BigDecimal(signed.group(2) != null ? signed.group(2) : signed.group(3));
			return new CellText(Kind.SIGNED, "增".equals(signed.group(1)) || "+".equals(signed.group(1)) ? size : size.negate(), value);
		}
		if (value.length() <= 12 && NUMBER_WITH_WORDS.matcher(value).matches()) {
			return new CellText(Kind.TEXT_IN_NUMBER, null, value);
		}
		return new CellText(Kind.LABEL, null, value);
	}

	boolean isValue() {
		return kind != Kind.LABEL;
	}
}
