package report.dsl.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import report.dsl.model.TableLayout;
import report.dsl.report.Figure;
import report.dsl.report.Phrase;
import report.dsl.report.ReportType;
import report.dsl.report.Rounding;
import report.dsl.report.Row;
import report.dsl.report.ValueRef;

/**
 * The report type's phrases (短语) applied to a paragraph: a number printed in a wording that restates a table value
 * becomes a stated binding ({@code [B.一 = 2]}), so that the checker compares it with the table instead of the
 * import trusting either. Other numbers stay text.
 */
final class Phrases {

	private record Wording(Pattern pattern, String binding) {
	}

	private record Found(int start, int end, String binding, String number) {
	}

	private final List<Wording> wordings = new ArrayList<>();

	Phrases(ReportType type) {
		for (Phrase phrase : type.getPhrases()) {
			String binding = binding(phrase);
			for (String pattern : phrase.getPatterns()) {
				wordings.add(new Wording(regex(pattern), binding));
			}
		}
	}

	/** The paragraph as the language's text: literal parts escaped, restating numbers bound and stated. */
	String text(String paragraph) {
		List<Found> found = new ArrayList<>();
		for (Wording wording : wordings) {
			Matcher matcher = wording.pattern().matcher(paragraph);
			while (matcher.find()) {
				Found candidate = new Found(matcher.start(1), matcher.end(1), wording.binding(), matcher.group(1));
				if (found.stream().noneMatch(f -> f.start() < candidate.end() && candidate.start() < f.end())) {
					found.add(candidate);
				}
			}
		}
		found.sort((a, b) -> Integer.compare(a.start(), b.start()));
		StringBuilder text = new StringBuilder("\"");
		int at = 0;
		for (Found f : found) {
			text.append(escape(paragraph.substring(at, f.start()))).append('[').append(f.binding()).append(" = ").append(f.number())
					.append(']');
			at = f.end();
		}
		return text.append(escape(paragraph.substring(at))).append('"').toString();
	}

	/** The wording as a pattern: {} captures a number, # skips one, spaces may fall anywhere (PDF text). */
	private static Pattern regex(String wording) {
		StringBuilder regex = new StringBuilder();
		for (int i = 0; i < wording.length(); i++) {
			if (wording.startsWith("{}", i)) {
				regex.append("(\\d+(?:\\.\\d+)?)");
				i++;
			} else if (wording.charAt(i) == '#') {
				regex.append("\\d+(?:\\.\\d+)?");
			} else {
				regex.append(Pattern.quote(String.valueOf(wording.charAt(i))));
			}
			regex.append("\\s*");
		}
		return Pattern.compile(regex.toString());
	}

	private static String binding(Phrase phrase) {
		StringBuilder binding = new StringBuilder(reference(phrase.getValue()));
		phrase.getAdded().forEach(added -> binding.append(" + ").append(reference(added)));
		if (phrase.getShare() != null) {
			binding.append(" 占 ").append(reference(phrase.getShare()));
			if (phrase.getRounding() == Rounding.LARGEST_REMAINDER) {
				binding.append(" 最大余数");
			}
		}
		return binding.toString();
	}

	private static String reference(ValueRef ref) {
		String target = ref.getTarget() instanceof Row row ? TableLayout.table(row).getName() + "." + TableLayout.keyText(row)
				: ref.getTarget() instanceof Figure figure ? figure.getName() : "";
		return (ref.isPreviousYear() ? "上年 " : "") + target + (ref.getColumn() == null ? "" : ":" + TableLayout.keyText(ref.getColumn()));
	}

	static String escape(String text) {
		return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("[", "\\[").replace("]", "\\]");
	}
}
