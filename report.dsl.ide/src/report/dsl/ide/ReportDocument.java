package report.dsl.ide;

import java.util.Arrays;

import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.xtext.ide.server.Document;

import report.dsl.resource.SourceText;

/**
 * An editor's open document whose lines end where the language's end ({@link SourceText}: CR LF, a lone CR and LF,
 * as the protocol counts them too). Xtext's document counts LF only, so in a file with old-Mac line ends every
 * position would lie on its first line and an edit or a quick fix would land in the wrong place.
 */
class ReportDocument extends Document {

	private final int[] lineStarts;

	ReportDocument(Integer version, String contents) {
		super(version, contents, false);
		this.lineStarts = SourceText.lineStarts(contents);
	}

	@Override
	public int getOffSet(Position position) {
		int line = position.getLine();
		if (line < 0 || line >= lineStarts.length || position.getCharacter() < 0
				|| position.getCharacter() > lineEnd(line) - lineStarts[line]) {
			throw new IndexOutOfBoundsException(position.toString());
		}
		return lineStarts[line] + position.getCharacter();
	}

	@Override
	public Position getPosition(int offset) {
		if (offset < 0 || offset > getContents().length()) {
			throw new IndexOutOfBoundsException(offset);
		}
		int found = Arrays.binarySearch(lineStarts, offset);
		int line = found >= 0 ? found : -found - 2;
		return new Position(line, offset - lineStarts[line]);
	}

	@Override
	public String getLineContent(int line) {
		if (line < 0 || line >= lineStarts.length) {
			throw new IndexOutOfBoundsException(line);
		}
		return getContents().substring(lineStarts[line], lineEnd(line));
	}

	@Override
	public Document applyTextDocumentChanges(Iterable<? extends TextDocumentContentChangeEvent> changes) {
		Integer version = getVersion() == null ? null : getVersion() + 1;
		Document document = this;
		for (TextDocumentContentChangeEvent change : changes) {
			String contents = document.getContents();
			document = new ReportDocument(version, change.getRange() == null ? change.getText()
					: contents.substring(0, document.getOffSet(change.getRange().getStart())) + change.getText()
							+ contents.substring(document.getOffSet(change.getRange().getEnd())));
		}
		return document;
	}

	/** Where the line's text ends, before its line break. */
	private int lineEnd(int line) {
		if (line + 1 == lineStarts.length) {
			return getContents().length();
		}
		int next = lineStarts[line + 1];
		return getContents().startsWith("\r\n", next - 2) ? next - 2 : next - 1;
	}
}
