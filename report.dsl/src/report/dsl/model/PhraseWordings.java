package report.dsl.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import report.dsl.report.Figure;
import report.dsl.report.Phrase;
import report.dsl.report.ReportType;
import report.dsl.report.Rounding;
import report.dsl.report.Row;
import report.dsl.report.ValueRef;

/**
 * The report type's phrases (短语) found in running text: where a number is printed in a wording that restates a
 * table value, the phrase and the binding it stands for. The importer binds such numbers; the checker compares typed
 * ones with the cell they restate.
 */
public final class PhraseWordings {

	/** A number at [start, end) of the text, printed in the wording of {@code phrase}, which {@code binding} writes. */
	public record Found(int start, int end, String number, Phrase phrase, String binding) {
	}

	private record Wording(Pattern pattern, Phrase phrase, String binding) {
	}

	private final List<Wording> wordings = new ArrayList<>();
	private final Set<String> restatedValues = new HashSet<>();

	public PhraseWordings(ReportType type) {
		for (Phrase phrase : type.getPhrases()) {
			String binding = binding(phrase);
			if (phrase.getAdded().isEmpty() && phrase.getShare() == null) {
				restatedValues.add(binding);
			}
			for (String pattern : phrase.getPatterns()) {
				wordings.add(new Wording(regex(pattern), phrase, binding));
			}
		}
	}

	/**
	 * The single values (cells, figures; as bindings write them) that some wording restates: the type says how the
	 * narrative restates these, so a number printed in none of their wordings does not restate them.
	 */
	public boolean declaresWordingsFor(String binding) {
		return restatedValues.contains(binding);
	}

	/** The restating numbers of the text, in order; where wordings overlap, the one declared first wins. */
	public List<Found> find(String text) {
		List<Found> found = new ArrayList<>();
		for (Wording wording : wordings) {
			Matcher matcher = wording.pattern().matcher(text);
			while (matcher.find()) {
				Found candidate = new Found(matcher.start(1), matcher.end(1), matcher.group(1), wording.phrase(), wording.binding());
				if (found.stream().noneMatch(f -> f.start() < candidate.end() && candidate.start() < f.end())) {
					found.add(candidate);
				}
			}
		}
		found.sort(Comparator.comparingInt(Found::start));
		return found;
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

	/** The phrase's value in the language's binding syntax: {@code B.一 + B.二}, {@code B.三.一 占 B.三.七 最大余数}. */
	public static String binding(Phrase phrase) {
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
}
