package report.dsl.generator;

import java.util.ArrayList;
import java.util.List;

import report.dsl.evaluation.ReportEvaluator;
import report.dsl.evaluation.ShownNumber;
import report.dsl.report.Report;
import report.dsl.report.Text;

/** A paragraph as the outputs print it: its literal pieces, and the bound numbers between them. */
public final class Narrative {

	/** A piece of text, or a bound number (then {@code shown} says where it comes from). */
	public record Segment(String text, ShownNumber shown) {
		public boolean isBound() {
			return shown != null;
		}
	}

	private Narrative() {
	}

	public static List<Segment> segments(Text text, Report report, ReportEvaluator evaluator) {
		List<Segment> segments = new ArrayList<>();
		if (text.getLiteral() != null) {
			segments.add(new Segment(ReportText.clean(text.getLiteral()), null));
			return segments;
		}
		List<ShownNumber> shown = evaluator.shown(text, report);
		for (int i = 0; i < text.getFragments().size(); i++) {
			String fragment = ReportText.clean(text.getFragments().get(i));
			if (!fragment.isEmpty()) {
				segments.add(new Segment(fragment, null));
			}
			if (i < shown.size()) {
				segments.add(new Segment(shown.get(i).text(), shown.get(i)));
			}
		}
		return segments;
	}

	public static String plain(Text text, Report report, ReportEvaluator evaluator) {
		StringBuilder plain = new StringBuilder();
		segments(text, report, evaluator).forEach(s -> plain.append(s.text()));
		return plain.toString();
	}
}
