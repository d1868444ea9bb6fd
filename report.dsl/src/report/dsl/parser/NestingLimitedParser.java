package report.dsl.parser;

import java.io.Reader;

import org.antlr.runtime.ANTLRStringStream;
import org.antlr.runtime.CharStream;
import org.antlr.runtime.CommonToken;
import org.antlr.runtime.Token;
import org.antlr.runtime.TokenSource;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.SyntaxErrorMessage;
import org.eclipse.xtext.nodemodel.impl.NodeModelBuilder;
import org.eclipse.xtext.parser.IParseResult;
import org.eclipse.xtext.util.ReplaceRegion;

import report.dsl.parser.antlr.ReportParser;
import report.dsl.report.ReportFactory;
import report.dsl.report.ReportFile;
import report.dsl.resource.SourceText;
import report.dsl.validation.IssueCodes;

/**
 * The language's parser, refusing files nested deeper than any report is: every service walks the tree
 * recursively (the parser itself, the formatter, the outline), and a few thousand nested 小节 would
 * overflow their stacks. The braces are counted by the lexer, which does not recurse; a file nested too
 * deep gets one syntax error at the first brace past the limit, and no model.
 */
public class NestingLimitedParser extends ReportParser {

	/** Far more than a report needs (parts, sub-sections, grouped rows and columns are a few levels deep). */
	public static final int MAX_NESTING = 50;

	/** A file's text is parsed as it is, rather than copied again through a reader's buffers. */
	@Override
	public IParseResult doParse(Reader reader) {
		if (reader instanceof SourceText.ParsedReader parsed) {
			return parse(getDefaultRuleName(), new ANTLRStringStream(parsed.text()));
		}
		return super.doParse(reader);
	}

	@Override
	protected IParseResult doParse(String ruleName, CharStream in, NodeModelBuilder builder, int initialLexerState) {
		if (!mayNestBeyondLimit(in)) {
			return super.doParse(ruleName, in, builder, initialLexerState);
		}
		String text = in.substring(0, in.size() - 1);
		int tooDeep = firstBraceBeyondLimit(text);
		if (tooDeep < 0) {
			return super.doParse(ruleName, in, builder, initialLexerState);
		}
		// an empty file whose text is the whole input: the text before the brace, the brace in error, the rest
		ICompositeNode root = builder.newRootNode(text);
		ICompositeNode file = builder.newCompositeNode(getGrammarAccess().getReportFileRule(), 0, root);
		if (tooDeep > 0) {
			builder.newLeafNode(0, tooDeep, getGrammarAccess().getWSRule(), true, null, file);
		}
		builder.newLeafNode(tooDeep, 1, getGrammarAccess().getANY_OTHERRule(), false,
				new SyntaxErrorMessage("嵌套超过" + MAX_NESTING + "层：此处的「{」是第" + (MAX_NESTING + 1)
						+ "层，请减少小节或行、列的层次", IssueCodes.NESTING_DEPTH), file);
		if (tooDeep + 1 < text.length()) {
			builder.newLeafNode(tooDeep + 1, text.length() - tooDeep - 1, getGrammarAccess().getWSRule(), true, null, file);
		}
		ReportFile empty = ReportFactory.eINSTANCE.createReportFile();
		builder.associateWithSemanticElement(file, empty);
		return builder.createParseResult(empty, builder.compressAndReturnParent(file), true);
	}

	/**
	 * An edit is parsed in full when the file is, or would become, nested too deep. An edit of letters, digits and spaces
	 * alone cannot make or remove a brace, a quote or a comment, so a file that parsed keeps its nesting and is not
	 * scanned again.
	 */
	@Override
	protected IParseResult doReparse(IParseResult previous, ReplaceRegion replaceRegion) {
		String before = previous.getRootNode().getText();
		if (previous.getRootASTElement() != null && !previous.hasSyntaxErrors() && keepsNesting(replaceRegion.getText())
				&& keepsNesting(before.substring(replaceRegion.getOffset(), replaceRegion.getEndOffset()))) {
			return super.doReparse(previous, replaceRegion);
		}
		StringBuilder edited = new StringBuilder(before);
		replaceRegion.applyTo(edited);
		String text = edited.toString();
		if (previous.getRootASTElement() == null || firstBraceBeyondLimit(text) >= 0) {
			return doParse(text);
		}
		return super.doReparse(previous, replaceRegion);
	}

	private static boolean keepsNesting(String text) {
		return text.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == ' ' || c == '\t');
	}

	/**
	 * Whether the text holds more braces than the limit, in tokens or not: with fewer it cannot nest beyond it, which
	 * spares a report copying its text and lexing it a second time.
	 */
	private static boolean mayNestBeyondLimit(CharStream in) {
		int braces = 0;
		for (int i = 1; i <= in.size() - in.index(); i++) {
			if (in.LA(i) == '{' && ++braces > MAX_NESTING) {
				return true;
			}
		}
		return false;
	}

	/** The offset of the first `{` that opens level MAX_NESTING + 1, or -1. */
	private int firstBraceBeyondLimit(String text) {
		if (text.chars().filter(c -> c == '{').count() <= MAX_NESTING) {
			return -1; // no more braces than the limit, in tokens or not, cannot nest beyond it: spares a report a second lexing
		}
		TokenSource lexer = createLexer(new ANTLRStringStream(text));
		int depth = 0;
		for (Token token = lexer.nextToken(); token.getType() != Token.EOF; token = lexer.nextToken()) {
			if ("{".equals(token.getText()) && ++depth > MAX_NESTING) {
				return ((CommonToken) token).getStartIndex();
			}
			if ("}".equals(token.getText())) {
				depth = Math.max(0, depth - 1);
			}
		}
		return -1;
	}
}
