package report.dsl.resource;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * A report file's text as its author saved it, and the text the parser reads. Report files are UTF-8:
 * a byte-order mark is accepted and kept, and bytes that are not UTF-8 are never guessed at (a
 * U+FFFD written back by `format` would destroy the author's text) but reported once, where they
 * start. The parser sees the text with the mark removed, old-Mac line ends (a lone CR) read as LF and
 * full-width input read as ASCII ({@link InputMethodForms}): one character for one, so that offsets stay
 * those of the file. The line-end style is kept so that a rewritten file keeps it.
 */
public final class SourceText {

	private static final char BYTE_ORDER_MARK = '\uFEFF';
	private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");
	private static final Pattern LONE_CR = Pattern.compile("\r(?!\n)");

	/** Where the text stops being UTF-8, 1-based, and the message that says so. */
	public record Undecodable(int line, int column, String message) {
	}

	private final String original;
	private final String parsed;
	private final String lineEnd;
	private final boolean byteOrderMark;
	private final Undecodable undecodable;

	private SourceText(String original, Undecodable undecodable) {
		this.original = original;
		this.undecodable = undecodable;
		this.byteOrderMark = !original.isEmpty() && original.charAt(0) == BYTE_ORDER_MARK;
		String text = byteOrderMark ? original.substring(1) : original;
		Matcher firstBreak = LINE_BREAK.matcher(text);
		this.lineEnd = firstBreak.find() ? firstBreak.group() : "\n";
		String lines = text.indexOf('\r') < 0 ? text : LONE_CR.matcher(text).replaceAll("\n");
		this.parsed = undecodable != null ? "" : InputMethodForms.read(lines);
	}

	/** Text an editor or a test hands over, already decoded. */
	public static SourceText of(String text) {
		return new SourceText(text, null);
	}

	/** A file's bytes, which must be UTF-8. */
	public static SourceText decode(byte[] bytes) {
		// the fast decoder replaces what is not UTF-8 by U+FFFD: without one, the text decodes as the strict decoder
		// would decode it; with one, the strict decoder tells whether it was written so, and where it is not UTF-8
		String text = new String(bytes, StandardCharsets.UTF_8);
		if (text.indexOf('\uFFFD') < 0) {
			return new SourceText(text, null);
		}
		try {
			return new SourceText(strict(StandardCharsets.UTF_8).decode(ByteBuffer.wrap(bytes)).toString(), null);
		} catch (CharacterCodingException e) {
			return new SourceText("", undecodable(bytes));
		}
	}

	private static Undecodable undecodable(byte[] bytes) {
		CharsetDecoder decoder = strict(StandardCharsets.UTF_8);
		ByteBuffer in = ByteBuffer.wrap(bytes);
		CharBuffer out = CharBuffer.allocate(bytes.length + 1);
		decoder.decode(in, out, true); // stops at the first malformed byte
		String prefix = out.flip().toString();
		if (!prefix.isEmpty() && prefix.charAt(0) == BYTE_ORDER_MARK) {
			prefix = prefix.substring(1);
		}
		int line = 1;
		int lineStart = 0;
		Matcher breaks = LINE_BREAK.matcher(prefix);
		while (breaks.find()) {
			line++;
			lineStart = breaks.end();
		}
		String message = readsAsGbk(bytes) ? "文件不是UTF-8编码（看来是GBK编码）：请用编辑器把它另存为UTF-8编码"
				: "文件中有不是UTF-8编码的字节：报告文件须为UTF-8编码，请用编辑器把它另存为UTF-8编码";
		return new Undecodable(line, prefix.length() - lineStart + 1, message);
	}

	/** GBK (and GB2312, its subset) is what Chinese Windows saves text as by default. */
	private static boolean readsAsGbk(byte[] bytes) {
		try {
			strict(Charset.forName("GBK")).decode(ByteBuffer.wrap(bytes));
			return true;
		} catch (CharacterCodingException | UnsupportedCharsetException e) {
			return false;
		}
	}

	private static CharsetDecoder strict(Charset charset) {
		return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
	}

	/** Where each line of a text starts, counting CR LF, a lone CR and LF as a line end, as the parser does. */
	public static int[] lineStarts(String text) {
		return IntStream.concat(IntStream.of(0), LINE_BREAK.matcher(text).results().mapToInt(MatchResult::end)).toArray();
	}

	/** The text as the file holds it. */
	public String original() {
		return original;
	}

	/** The text the parser reads: no byte-order mark, every line break LF or CRLF, ASCII forms; empty when the file is not UTF-8. */
	public String parsed() {
		return parsed;
	}

	/** The parsed text to read; the language's parser takes the text from it as it is. */
	public ParsedReader reader() {
		return new ParsedReader(parsed);
	}

	/** A reader of a parsed text, which also hands over the text itself. */
	public static final class ParsedReader extends StringReader {
		private final String text;

		private ParsedReader(String text) {
			super(text);
			this.text = text;
		}

		public String text() {
			return text;
		}
	}

	public Optional<Undecodable> undecodable() {
		return Optional.ofNullable(undecodable);
	}

	/** Text made from the parsed text (the formatter's output) as the file would hold it: its line ends, its mark. */
	public String restore(String text) {
		String lines = LINE_BREAK.matcher(text).replaceAll(Matcher.quoteReplacement(lineEnd));
		return byteOrderMark ? BYTE_ORDER_MARK + lines : lines;
	}
}
