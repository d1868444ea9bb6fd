package report.dsl.parser;

import org.antlr.runtime.EarlyExitException;
import org.antlr.runtime.MismatchedTokenException;
import org.antlr.runtime.MissingTokenException;
import org.antlr.runtime.NoViableAltException;
import org.antlr.runtime.RecognitionException;
import org.antlr.runtime.Token;
import org.antlr.runtime.UnwantedTokenException;
import org.eclipse.xtext.diagnostics.Diagnostic;
import org.eclipse.xtext.nodemodel.SyntaxErrorMessage;
import org.eclipse.xtext.parser.antlr.SyntaxErrorMessageProvider;

/** Parse errors in the language of the report: "在「部分」之前缺少「}」" rather than ANTLR's English. */
public class ReportSyntaxErrorMessages extends SyntaxErrorMessageProvider {

	@Override
	public SyntaxErrorMessage getSyntaxErrorMessage(IParserErrorContext context) {
		RecognitionException e = context.getRecognitionException();
		String[] names = context.getTokenNames();
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
		} else {
			message = "语法错误：" + context.getDefaultMessage();
		}
		return new SyntaxErrorMessage(message, Diagnostic.SYNTAX_DIAGNOSTIC);
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
			case "RULE_DATE" -> "日期（如 2024-01-18）";
			case "RULE_STRING", "RULE_TEXT_START" -> "带引号的文本";
			case "RULE_TEXT_MIDDLE", "RULE_TEXT_END" -> "「]」";
			default -> name;
		};
	}
}
