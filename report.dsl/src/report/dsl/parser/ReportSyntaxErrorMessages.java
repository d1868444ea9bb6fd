package report.dsl.parser;

import java.util.regex.Pattern;

import org.antlr.runtime.CommonToken;
import org.antlr.runtime.EarlyExitException;
import org.antlr.runtime.FailedPredicateException;
import org.antlr.runtime.MismatchedTokenException;
import org.antlr.runtime.MissingTokenException;
import org.antlr.runtime.NoViableAltException;
import org.antlr.runtime.RecognitionException;
import org.antlr.runtime.Token;
import org.antlr.runtime.TokenStream;
import org.antlr.runtime.UnwantedTokenException;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.diagnostics.Diagnostic;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.SyntaxErrorMessage;
import org.eclipse.xtext.parser.antlr.SyntaxErrorMessageProvider;

import report.dsl.model.ReportMetadata;
import report.dsl.report.Report;
import report.dsl.validation.IssueCodes;

/**
 * Parse errors in the language of the report: "在「部分」之前缺少「}」" rather than ANTLR's English. A brace or quote
 * left open is reported once, where it was opened (Xtext's syntax error with a range); a character the language
 * does not use is named, with the character to write instead where there is one (issue data for the quick fix).
 */
public class ReportSyntaxErrorMessages extends SyntaxErrorMessageProvider {

	/** A line of a quoted text that reads like the language rather than prose: the quote before it was not closed. */
	private static final Pattern CODE_LINE = Pattern.compile("(?m)^\\s*(}|(部分|小节|表|数值|报告)\\s)|\\{\\s*$");

	@Override
	public SyntaxErrorMessage getSyntaxErrorMessage(IParserErrorContext context) {
		RecognitionException e = context.getRecognitionException();
		String[] names = context.getTokenNames();
		if (e != null) {
			SyntaxErrorMessage special = unclosedQuote(e, names);
			if (special == null) {
				special = unknownCharacter(e.token, names);
			}
			if (special == null) {
				special = misplacedMetadata(e, context.getCurrentContext());
			}
			if (special == null && (e instanceof MissingTokenException || e.token == null || e.token.getType() == Token.EOF)
					&& expects(e, names, "'}'")) {
				special = unclosedBrace(context.getCurrentNode(), found(e.token));
			}
			if (special != null) {
				return special;
			}
		}
		String found = e == null ? null : found(e.token);
		String message;
		if (e instanceof MissingTokenException missing) {
			message = "在" + found + "之前缺少" + expected(names, missing.expecting);
		} else if (e instanceof UnwantedTokenException unwanted) {
			message = "多余的" + found(unwanted.getUnexpectedToken()) + "，此处应为" + expected(names, unwanted.expecting);
		} else if (e instanceof MismatchedTokenException mismatched) {
			message = "此处应为" + expected(names, mismatched.expecting) + "，却是" + found;
		} else if (e instanceof NoViableAltException || e instanceof EarlyExitException) {
			message = "无法理解" + found + "：请检查拼写、引号和括号是否配对";
		} else if (e != null) {
			message = "语法错误：" + found + "（" + context.getDefaultMessage() + "）";
		} else if (context.getDefaultMessage() != null && context.getDefaultMessage().contains("'<EOF>'")) {
			// the lexer reached the end of the file inside a token: only a quoted text or a comment can run that far
			return new SyntaxErrorMessage("此处的引号「\"」（或注释「/*」）没有结束：到文件结尾都没有与它配对的「\"」（或「*/」）",
					IssueCodes.UNCLOSED);
		} else {
			message = "语法错误：" + context.getDefaultMessage();
		}
		return new SyntaxErrorMessage(message, Diagnostic.SYNTAX_DIAGNOSTIC);
	}

	/**
	 * A brace or quote left open, placed where it was opened ("offset:length", as Xtext's syntax errors with a range):
	 * what the parser made of the text after it is no further message.
	 */
	private static SyntaxErrorMessage at(int offset, int length, String message) {
		return new SyntaxErrorMessage(message, IssueCodes.UNCLOSED, new String[] { offset + ":" + length });
	}

	/** The error follows a quoted text that runs over lines that read like the language: its quote was not closed. */
	private static SyntaxErrorMessage unclosedQuote(RecognitionException e, String[] names) {
		if (!(e.input instanceof TokenStream tokens) || e.token == null) {
			return null;
		}
		if (e.token.getType() != Token.EOF && "\"".equals(e.token.getText()) && e.token instanceof CommonToken quote) {
			return at(quote.getStartIndex(), 1, "第" + quote.getLine() + "行的引号「\"」没有结束：到文件结尾都没有与它配对的「\"」");
		}
		for (int i = e.index - 1; i >= 0 && i < tokens.size(); i--) {
			Token previous = tokens.get(i);
			if (previous.getChannel() != Token.DEFAULT_CHANNEL) {
				continue;
			}
			boolean quoted = previous.getType() >= 0 && previous.getType() < names.length
					&& names[previous.getType()].matches("RULE_(STRING|TEXT_START|TEXT_END)");
			if (quoted && previous instanceof CommonToken text && CODE_LINE.matcher(text.getText()).find()) {
				return at(text.getStartIndex(), 1, "第" + text.getLine() + "行的引号「" + text.getText().charAt(0)
						+ "」似乎没有结束：它引住的文字一直延续到第" + e.token.getLine() + "行，请在这段文字的末尾补上「\"」");
			}
			return null;
		}
		return null;
	}

	/** A character the lexer knows nothing about: a full-width form or a curly quote it could not pair. */
	private static SyntaxErrorMessage unknownCharacter(Token token, String[] names) {
		if (token == null || token.getType() < 0 || token.getType() >= names.length || !"RULE_ANY_OTHER".equals(names[token.getType()])) {
			return null;
		}
		char c = token.getText().isEmpty() ? 0 : token.getText().charAt(0);
		if (c == '“' || c == '”') {
			return new SyntaxErrorMessage("中文引号「" + c + "」没有配对，或它引住的文字中有英文引号：段落请用成对的「\"」或「“」「”」引住",
					IssueCodes.INPUT_FORM, new String[] { "\"" });
		}
		if (c == '＂') {
			return new SyntaxErrorMessage("「＂」是全角引号：请改为半角的「\"」", IssueCodes.INPUT_FORM, new String[] { "\"" });
		}
		if (c >= '\uFF01' && c <= '\uFF5E') {
			// the forms whose ASCII twins the language uses are read as those (InputMethodForms): this one has no place here
			return new SyntaxErrorMessage("此处不能有全角字符「" + c + "」", IssueCodes.INPUT_FORM, new String[] { "" });
		}
		return new SyntaxErrorMessage("此处不能有字符「" + token.getText() + "」（U+" + String.format("%04X", (int) c) + "）",
				Diagnostic.SYNTAX_DIAGNOSTIC);
	}

	/** A metadata line the parser cannot take where it stands: a second one of its kind, or one after a line left unfinished. */
	private static SyntaxErrorMessage misplacedMetadata(RecognitionException e, EObject current) {
		if (!(e instanceof NoViableAltException || e instanceof FailedPredicateException) || e.token == null
				|| !(current instanceof Report report)) {
			return null;
		}
		String keyword = e.token.getText();
		return ReportMetadata.feature(keyword).map(feature -> report.eIsSet(feature)
				? new SyntaxErrorMessage("「" + keyword + "」重复：每份报告只写一行「" + keyword + "」", Diagnostic.SYNTAX_DIAGNOSTIC)
				: new SyntaxErrorMessage("在「" + keyword + "」之前，上一行没有写完（例如「统计期限 2023-01-01 至 2023-12-31」）",
						Diagnostic.SYNTAX_DIAGNOSTIC))
				.orElse(null);
	}

	/** A '}' is missing: said where the block it closes was opened. */
	private static SyntaxErrorMessage unclosedBrace(INode current, String found) {
		for (INode node = current; node != null; node = node.getParent()) {
			if (node instanceof ICompositeNode composite) {
				for (ILeafNode leaf : composite.getLeafNodes()) {
					if (!leaf.isHidden() && "{".equals(leaf.getText())) {
						return at(leaf.getOffset(), 1, "第" + leaf.getStartLine() + "行的「{」没有配对的「}」：在" + found + "之前缺少「}」");
					}
				}
			}
		}
		return null;
	}

	private static boolean expects(RecognitionException e, String[] names, String tokenName) {
		int expecting = e instanceof MismatchedTokenException mismatched ? mismatched.expecting : -1;
		return expecting >= 0 && names != null && expecting < names.length && tokenName.equals(names[expecting]);
	}

	private static String found(Token token) {
		if (token == null || token.getType() == Token.EOF) {
			return "文件结尾";
		}
		return "「" + token.getText() + "」";
	}

	private static String expected(String[] names, int type) {
		if (type == Token.EOF) {
			return "文件结尾";
		}
		if (names == null || type < 0 || type >= names.length) {
			return "其他内容";
		}
		String name = names[type];
		if (name.startsWith("'") && name.endsWith("'")) {
			return "「" + name.substring(1, name.length() - 1) + "」";
		}
		return switch (name) {
			case "RULE_ID" -> "名称";
			case "RULE_INT" -> "整数";
			case "RULE_DATE", "RULE_TO_DATE" -> "日期（如 2024-01-18）";
			case "RULE_STRING", "RULE_TEXT_START" -> "带引号的文本";
			case "RULE_TEXT_MIDDLE", "RULE_TEXT_END" -> "「]」";
			default -> name;
		};
	}
}
