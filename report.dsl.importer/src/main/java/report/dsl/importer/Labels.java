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
		return isNormal(text) ? text : folded(text);
	}

	/** What {@link #normalise} gives, computed in full. */
	static String folded(String text) {
		return SPACE.matcher(Normalizer.normalize(clean(text), Normalizer.Form.NFKC)).replaceAll("");
	}

	/**
	 * Whether normalising leaves the text as it is, told from its characters alone (most published text): printable
	 * ASCII other than the markers' characters, CJK unified ideographs and the ideographic comma and full stop, which
	 * NFKC keeps and never composes.
	 */
	private static boolean isNormal(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean ascii = c > ' ' && c < 0x7f && c != '*' && c != '[';
			if (!ascii && (c < '\u4e00' || c > '\u9fff') && c != '、' && c != '。') {
				return false;
			}
		}
		return true;
	}
}
