package report.dsl.importer;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Published text as the recogniser compares it: full-width characters, Kangxi radicals and brackets folded (NFKC),
 * spaces, bold markers and Word bookmarks removed.
 */
final class Labels {

	private static final Pattern BOOKMARK = Pattern.compile("\\[bookmark:[^\\]]*\\]");
	private static final Pattern SPACE = Pattern.compile("[\\s\\u00a0\\u3000]+");

	private Labels() {
	}

	/** The text as printed without extraction debris: Word bookmarks and bold markers removed. */
	static String clean(String text) {
		return BOOKMARK.matcher(text).replaceAll("").replace("**", "").replace('\u00a0', ' ');
	}

	/** The text as labels are compared: cleaned, full-width characters and Kangxi radicals folded, without any space. */
	static String normalise(String text) {
		return SPACE.matcher(Normalizer.normalize(clean(text), Normalizer.Form.NFKC)).replaceAll("");
	}
}
