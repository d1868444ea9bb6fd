package report.dsl.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.ITokenScanner;
import org.eclipse.jface.text.rules.Token;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Display;
import org.eclipse.xtext.GrammarUtil;

import report.dsl.services.ReportGrammarAccess;

/**
 * Colours a report the way the language's lexer splits it: keywords (from the grammar), strings, the bound values
 * inside strings ("...[B.一]..."), numbers and dates, comments.
 */
public class ReportScanner implements ITokenScanner {

	public enum Kind {
		KEYWORD, STRING, BINDING, NUMBER, COMMENT, DEFAULT
	}

	private static Set<String> keywords;

	private final IToken keyword;
	private final IToken string;
	private final IToken binding;
	private final IToken number;
	private final IToken comment;

	private final List<int[]> tokens = new ArrayList<>(); // offset, length, kind ordinal
	private int index;
	private int base;

	public ReportScanner() {
		keyword = new Token(new TextAttribute(color(127, 0, 85), null, SWT.BOLD));
		string = new Token(new TextAttribute(color(42, 0, 255)));
		binding = new Token(new TextAttribute(color(0, 128, 128), null, SWT.BOLD));
		number = new Token(new TextAttribute(color(125, 80, 0)));
		comment = new Token(new TextAttribute(color(63, 127, 95), null, SWT.ITALIC));
	}

	private static Color color(int r, int g, int b) {
		return Display.getCurrent() == null ? null : new Color(Display.getCurrent(), new RGB(r, g, b));
	}

	public static synchronized Set<String> keywords() {
		if (keywords == null) {
			keywords = GrammarUtil.getAllKeywords(ReportUi.injector().getInstance(ReportGrammarAccess.class).getGrammar());
		}
		return keywords;
	}

	private static boolean idStart(char c) {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= '\u3400' && c <= '\u4dbf'
				|| c >= '\u4e00' && c <= '\u9fff' || c >= '\uf900' && c <= '\ufaff';
	}

	private static boolean idPart(char c) {
		return idStart(c) || c >= '0' && c <= '9';
	}

	/** The lexical classes of a text, as {offset, length, kind} triples (unclassified stretches left out). */
	public static List<int[]> lex(String text) {
		List<int[]> out = new ArrayList<>();
		Set<String> words = keywords();
		int n = text.length();
		int i = 0;
		boolean inString = false; // after a ']' that closes a binding inside a string
		while (i < n) {
			char c = text.charAt(i);
			if (inString || c == '"') {
				int start = i;
				i = inString ? i : i + 1;
				while (i < n && text.charAt(i) != '"' && text.charAt(i) != '[') {
					i += text.charAt(i) == '\\' ? 2 : 1;
				}
				i = Math.min(i, n);
				if (i < n && text.charAt(i) == '"') {
					i++;
					out.add(new int[] { start, i - start, Kind.STRING.ordinal() });
					inString = false;
				} else if (i < n) { // '[': a bound value up to ']'
					out.add(new int[] { start, i + 1 - start, Kind.STRING.ordinal() });
					int b = i + 1;
					int close = text.indexOf(']', b);
					int quote = text.indexOf('"', b);
					if (close < 0 || quote >= 0 && quote < close) {
						inString = false;
						i = b;
						continue;
					}
					out.add(new int[] { b, close - b, Kind.BINDING.ordinal() });
					i = close;
					inString = true;
				} else {
					out.add(new int[] { start, i - start, Kind.STRING.ordinal() });
				}
			} else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
				int end = text.indexOf('\n', i);
				end = end < 0 ? n : end;
				out.add(new int[] { i, end - i, Kind.COMMENT.ordinal() });
				i = end;
			} else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
				int end = text.indexOf("*/", i + 2);
				end = end < 0 ? n : end + 2;
				out.add(new int[] { i, end - i, Kind.COMMENT.ordinal() });
				i = end;
			} else if (c >= '0' && c <= '9') {
				int start = i;
				while (i < n && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.' || text.charAt(i) == '-')
						&& !(text.charAt(i) == '.' && (i + 1 >= n || !Character.isDigit(text.charAt(i + 1))))) {
					i++;
				}
				out.add(new int[] { start, i - start, Kind.NUMBER.ordinal() });
			} else if (idStart(c)) {
				int start = i;
				while (i < n && idPart(text.charAt(i))) {
					i++;
				}
				if (words.contains(text.substring(start, i))) {
					out.add(new int[] { start, i - start, Kind.KEYWORD.ordinal() });
				}
			} else if (c == '%' || c == '=' || c == '+') {
				i++;
			} else {
				i++;
			}
		}
		return out;
	}

	@Override
	public void setRange(IDocument document, int offset, int length) {
		tokens.clear();
		index = 0;
		base = offset;
		String text;
		try {
			text = document.get(offset, length);
		} catch (BadLocationException e) {
			text = "";
		}
		// fill the gaps with default tokens so the whole range is covered
		int at = 0;
		for (int[] t : lex(text)) {
			if (t[0] > at) {
				tokens.add(new int[] { at, t[0] - at, Kind.DEFAULT.ordinal() });
			}
			tokens.add(t);
			at = t[0] + t[1];
		}
		if (at < text.length()) {
			tokens.add(new int[] { at, text.length() - at, Kind.DEFAULT.ordinal() });
		}
	}

	private int[] current;

	@Override
	public IToken nextToken() {
		if (index >= tokens.size()) {
			current = null;
			return Token.EOF;
		}
		current = tokens.get(index++);
		return switch (Kind.values()[current[2]]) {
			case KEYWORD -> keyword;
			case STRING -> string;
			case BINDING -> binding;
			case NUMBER -> number;
			case COMMENT -> comment;
			default -> Token.UNDEFINED;
		};
	}

	@Override
	public int getTokenOffset() {
		return current == null ? base : base + current[0];
	}

	@Override
	public int getTokenLength() {
		return current == null ? 0 : current[1];
	}
}
