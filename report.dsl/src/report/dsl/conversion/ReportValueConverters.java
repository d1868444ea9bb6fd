package report.dsl.conversion;

import org.eclipse.xtext.common.services.DefaultTerminalConverters;
import org.eclipse.xtext.conversion.IValueConverter;
import org.eclipse.xtext.conversion.ValueConverter;
import org.eclipse.xtext.conversion.ValueConverterException;
import org.eclipse.xtext.nodemodel.INode;

import com.google.inject.Singleton;

/**
 * Converts the text terminals: a quoted string and the pieces of a paragraph between bound values.
 * A backslash takes the next character literally, so authors can write \" \[ \] and \\.
 * Line breaks inside a paragraph are dropped with the indentation around them: Chinese text has no
 * spaces between words, so a paragraph wrapped in the source must read as one line.
 */
@Singleton // Guice does not inherit the superclass's annotation; the converter table is built by reflection
public class ReportValueConverters extends DefaultTerminalConverters {

	private static final String TO = "至";

	@ValueConverter(rule = "STRING")
	public IValueConverter<String> string() {
		return new DelimitedText("\"", "\"");
	}

	@ValueConverter(rule = "TEXT_START")
	public IValueConverter<String> textStart() {
		return new DelimitedText("\"", "[");
	}

	@ValueConverter(rule = "TEXT_MIDDLE")
	public IValueConverter<String> textMiddle() {
		return new DelimitedText("]", "[");
	}

	@ValueConverter(rule = "TEXT_END")
	public IValueConverter<String> textEnd() {
		return new DelimitedText("]", "\"");
	}

	/** "至2023-12-31", a period's end written without a space, is the date alone. */
	@ValueConverter(rule = "TO_DATE")
	public IValueConverter<String> toDate() {
		return new IValueConverter<>() {
			@Override
			public String toValue(String token, INode node) {
				return token == null ? null : token.substring(TO.length());
			}

			@Override
			public String toString(String value) {
				return TO + value;
			}
		};
	}

	/** Whole numbers where the language takes one (a year, a number of decimals); more digits than that is a typo. */
	@ValueConverter(rule = "INT")
	@Override
	public IValueConverter<Integer> INT() {
		return new IValueConverter<>() {
			@Override
			public Integer toValue(String token, INode node) {
				try {
					return Integer.valueOf(token);
				} catch (NumberFormatException e) {
					throw new ValueConverterException("数字「" + token + "」太大", node, null);
				}
			}

			@Override
			public String toString(Integer value) {
				return value.toString();
			}
		};
	}

	private static final class DelimitedText implements IValueConverter<String> {
		private final String open;
		private final String close;

		DelimitedText(String open, String close) {
			this.open = open;
			this.close = close;
		}

		@Override
		public String toValue(String token, INode node) {
			if (token == null || token.length() < 2 || !token.startsWith(open) || !token.endsWith(close)) {
				throw new ValueConverterException("文本未正确结束：缺少 " + close, node, null);
			}
			return unescape(token.substring(open.length(), token.length() - close.length()));
		}

		@Override
		public String toString(String value) {
			StringBuilder escaped = new StringBuilder(open);
			for (char c : value.toCharArray()) {
				if (c == '"' || c == '\\' || c == '[' || c == ']') {
					escaped.append('\\');
				}
				escaped.append(c);
			}
			return escaped.append(close).toString();
		}

		private static String unescape(String body) {
			if (body.indexOf('\\') < 0 && body.indexOf('\n') < 0 && body.indexOf('\r') < 0) {
				return body; // one line without escapes, as most texts are, reads as written
			}
			StringBuilder text = new StringBuilder(body.length());
			for (int i = 0; i < body.length(); i++) {
				char c = body.charAt(i);
				if (c == '\\' && i + 1 < body.length()) {
					text.append(body.charAt(++i));
				} else if (c == '\n' || c == '\r') {
					trimTrailingBlanks(text);
					while (i + 1 < body.length() && isBlank(body.charAt(i + 1))) {
						i++;
					}
				} else {
					text.append(c);
				}
			}
			return text.toString();
		}

		private static void trimTrailingBlanks(StringBuilder text) {
			while (text.length() > 0 && isBlank(text.charAt(text.length() - 1))) {
				text.setLength(text.length() - 1);
			}
		}

		private static boolean isBlank(char c) {
			return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u3000';
		}
	}
}
