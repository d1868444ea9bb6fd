package report.dsl.importer;

import report.dsl.model.PhraseWordings;

/**
 * The report type's phrases (短语) applied to a paragraph: a number printed in a wording that restates a table value
 * becomes a stated binding ({@code [B.一 = 2]}), so that the checker compares it with the table instead of the
 * import trusting either. Other numbers stay text.
 */
final class Phrases {

	private final PhraseWordings wordings;

	Phrases(PhraseWordings wordings) {
		this.wordings = wordings;
	}

	/** The paragraph as the language's text: literal parts escaped, restating numbers bound and stated. */
	String text(String paragraph) {
		StringBuilder text = new StringBuilder("\"");
		int at = 0;
		for (PhraseWordings.Found f : wordings.find(paragraph)) {
			text.append(escape(paragraph.substring(at, f.start()))).append('[').append(f.binding()).append(" = ").append(f.number())
					.append(']');
			at = f.end();
		}
		return text.append(escape(paragraph.substring(at))).append('"').toString();
	}

	static String escape(String text) {
		return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("[", "\\[").replace("]", "\\]");
	}
}
