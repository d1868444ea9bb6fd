package report.dsl.resource;

/**
 * What a Chinese input method types where the language expects ASCII, read as the ASCII it stands for:
 * full-width digits, letters and the punctuation the grammar uses (４０ → 40, ：→ :), and curly quotes
 * around a paragraph (“…” → "…"). One character for one, so that every offset stays that of the file,
 * and only in the language's own text: the author's words inside quotes (outside the bound values in
 * [ ]) and comments are left as written. The formatter writes the ASCII forms back, its canonical layout.
 */
final class InputMethodForms {

	/** Full-width forms read as their ASCII twins, besides digits and letters. */
	private static final String PUNCTUATION = "：；．，－＋＝％｛｝＜＞";

	private static final char OPEN_CURLY = '“';
	private static final char CLOSE_CURLY = '”';

	/** Where the full-width forms of ASCII lie: no character outside is read otherwise. */
	private static final char FIRST_FULL_WIDTH = '\uFF01';
	private static final char LAST_FULL_WIDTH = '\uFF5E';

	private final String text;
	/** The text as read, copied from the text when the first character is read otherwise: most files have none. */
	private char[] read;
	private boolean unmatched;

	private InputMethodForms(String text) {
		this.text = text;
	}

	static String read(String text) {
		InputMethodForms forms = new InputMethodForms(text);
		forms.scan();
		return forms.read == null ? text : new String(forms.read);
	}

	private void scan() {
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c == '/' && next(i) == '/') {
				i = lineEnd(i);
			} else if (c == '/' && next(i) == '*') {
				int end = text.indexOf("*/", i + 2);
				i = end < 0 ? text.length() : end + 2;
			} else if (c == '"') {
				i = quoted(i + 1, text.length());
			} else if (c == OPEN_CURLY && !unmatched) {
				int close = curlyClose(i);
				if (close < 0) {
					// a syntax error whatever follows: later curly quotes are left alone, which keeps the scan linear
					unmatched = true;
					continue;
				}
				set(i, '"');
				set(close, '"');
				quoted(i + 1, close);
				i = close + 1;
			} else {
				set(i, ascii(c));
				i++;
			}
		}
	}

	/**
	 * Scans a quoted text from after its opening quote up to its closing quote (or the limit), reading the bound
	 * values in it; returns the index after it.
	 */
	private int quoted(int from, int limit) {
		int i = from;
		while (i < limit) {
			char c = text.charAt(i);
			if (c == '\\') {
				i += 2;
			} else if (c == '[') {
				i = binding(i + 1);
			} else if (c == '"') {
				return i + 1;
			} else {
				i++;
			}
		}
		return limit;
	}

	/** Reads a bound value from after its '[' up to its ']', which it returns. */
	private int binding(int from) {
		int i = from;
		while (i < text.length() && text.charAt(i) != ']' && text.charAt(i) != '"') {
			set(i, ascii(text.charAt(i)));
			i++;
		}
		return i;
	}

	/**
	 * The curly quote that closes the one opened at the index, curly quotes nesting inside it; none (-1) when it is
	 * not closed, or when the text holds an ASCII quote, which would end the paragraph once the curly quotes are read as ASCII.
	 */
	private int curlyClose(int open) {
		int depth = 0;
		for (int i = open + 1; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\\') {
				i++;
			} else if (c == '"') {
				return -1;
			} else if (c == OPEN_CURLY) {
				depth++;
			} else if (c == CLOSE_CURLY) {
				if (depth == 0) {
					return i;
				}
				depth--;
			}
		}
		return -1;
	}

	private void set(int i, char c) {
		if (c != text.charAt(i)) {
			if (read == null) {
				read = text.toCharArray();
			}
			read[i] = c;
		}
	}

	private char next(int i) {
		return i + 1 < text.length() ? text.charAt(i + 1) : 0;
	}

	private int lineEnd(int i) {
		while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
			i++;
		}
		return i;
	}

	private static char ascii(char c) {
		if (c < FIRST_FULL_WIDTH || c > LAST_FULL_WIDTH) {
			return c;
		}
		boolean alphanumeric = c >= '０' && c <= '９' || c >= 'Ａ' && c <= 'Ｚ' || c >= 'ａ' && c <= 'ｚ';
		return alphanumeric || PUNCTUATION.indexOf(c) >= 0 ? (char) (c - 0xFEE0) : c;
	}
}
