package report.dsl.resource;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.xtext.diagnostics.AbstractDiagnostic;
import org.eclipse.xtext.linking.lazy.LazyLinkingResource;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.SyntaxErrorMessage;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextSyntaxDiagnostic;
import org.eclipse.xtext.util.LazyStringInputStream;
import org.eclipse.xtext.util.LineAndColumn;

import report.dsl.validation.IssueCodes;

/**
 * A report file read through {@link SourceText}, the one place that decides how the bytes of a file become
 * the text the parser reads: the command line, the Maven plugin and the language server all load files
 * through this resource. A file that is not UTF-8 is parsed as empty and carries one error saying so.
 */
public class ReportResource extends LazyLinkingResource {

	private SourceText source = SourceText.of("");

	@Override
	protected Reader createReader(InputStream inputStream) throws IOException {
		source = inputStream instanceof LazyStringInputStream text ? SourceText.of(text.getString())
				: SourceText.decode(inputStream.readAllBytes());
		return source.reader();
	}

	/** The text as loaded: the file's own text, its line ends and whether it decoded. */
	public SourceText source() {
		return source;
	}

	/**
	 * Takes an editor's new text of the loaded file in place: Xtext's partial parser reparses the smallest part of the
	 * tree around what changed (it reparses the whole text when the edit leaves a syntax error) and the file is linked
	 * again, so an edit of one report of a long file does not parse and rebuild the others. False, with nothing
	 * changed, when the text is the same, or the file as loaded had a syntax error or was not UTF-8 (its tree is the
	 * error recovery's): then the caller loads the file again.
	 */
	public boolean edit(String text) {
		if (!isLoaded() || getParseResult() == null || getParseResult().hasSyntaxErrors() || source.undecodable().isPresent()) {
			return false;
		}
		SourceText edited = SourceText.of(text);
		String before = getParseResult().getRootNode().getText();
		String after = edited.parsed();
		int start = 0;
		int shorter = Math.min(before.length(), after.length());
		while (start < shorter && before.charAt(start) == after.charAt(start)) {
			start++;
		}
		if (start == before.length() && start == after.length()) {
			return false;
		}
		int end = 0;
		while (end < shorter - start && before.charAt(before.length() - 1 - end) == after.charAt(after.length() - 1 - end)) {
			end++;
		}
		source = edited;
		update(start, before.length() - start - end, after.substring(start, after.length() - end));
		getCache().clear(this);
		return true;
	}

	/**
	 * The syntax errors, in the order of the text; when the first is a brace or quote left open (placed where it was
	 * opened), the errors after it are what the parser made of the rest and are left out: one mistake, one message.
	 */
	@Override
	protected void addSyntaxErrors() {
		List<Diagnostic> syntax = new ArrayList<>();
		if (getParseResult() != null) {
			getParseResult().getSyntaxErrors().forEach(error -> addSyntaxDiagnostic(syntax, error));
		}
		boolean openedEarlier = !syntax.isEmpty() && IssueCodes.UNCLOSED.equals(((XtextSyntaxDiagnostic) syntax.get(0)).getCode());
		if (!isValidationDisabled()) {
			getErrors().addAll(openedEarlier ? syntax.subList(0, 1) : syntax);
		}
		source.undecodable().ifPresent(problem -> getErrors().add(new EncodingDiagnostic(problem)));
	}

	/** A brace or quote left open is placed where it was opened, when the parser could tell where that is. */
	@Override
	protected void addSyntaxDiagnostic(List<Diagnostic> diagnostics, INode error) {
		SyntaxErrorMessage message = error.getSyntaxErrorMessage();
		String[] data = message.getIssueData();
		if (IssueCodes.UNCLOSED.equals(message.getIssueCode()) && data != null && data.length == 1) {
			String[] range = data[0].split(":");
			diagnostics.add(new PlacedSyntaxDiagnostic(error, Integer.parseInt(range[0]), Integer.parseInt(range[1])));
		} else {
			super.addSyntaxDiagnostic(diagnostics, error);
		}
	}

	/** A syntax error shown at a range of the text before the token where the parser noticed it. */
	private static final class PlacedSyntaxDiagnostic extends XtextSyntaxDiagnostic {
		private final int offset;
		private final int length;
		private final LineAndColumn start;

		PlacedSyntaxDiagnostic(INode error, int offset, int length) {
			super(error);
			this.offset = offset;
			this.length = length;
			this.start = NodeModelUtils.getLineAndColumn(error, offset);
		}

		@Override
		public int getOffset() {
			return offset;
		}

		@Override
		public int getLength() {
			return length;
		}

		@Override
		public int getLine() {
			return start.getLine();
		}

		@Override
		public int getColumn() {
			return start.getColumn();
		}

		@Override
		public int getLineEnd() {
			return start.getLine();
		}

		@Override
		public int getColumnEnd() {
			return start.getColumn() + length;
		}
	}

	/** The one error of a file that is not UTF-8, at its first undecodable byte. */
	public static final class EncodingDiagnostic extends AbstractDiagnostic {
		private final SourceText.Undecodable problem;

		EncodingDiagnostic(SourceText.Undecodable problem) {
			this.problem = problem;
		}

		@Override
		protected INode getNode() {
			return null;
		}

		@Override
		public String getCode() {
			return IssueCodes.ENCODING;
		}

		@Override
		public String[] getData() {
			return new String[0];
		}

		@Override
		public String getMessage() {
			return problem.message();
		}

		@Override
		public int getOffset() {
			return 0;
		}

		@Override
		public int getLength() {
			return 0;
		}

		@Override
		public int getLine() {
			return problem.line();
		}

		@Override
		public int getColumn() {
			return problem.column();
		}

		@Override
		public int getLineEnd() {
			return problem.line();
		}

		@Override
		public int getColumnEnd() {
			return problem.column();
		}

		@Override
		public String getLocation() {
			return problem.line() + ":" + problem.column();
		}
	}
}
