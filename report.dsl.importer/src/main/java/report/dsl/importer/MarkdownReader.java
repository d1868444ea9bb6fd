package report.dsl.importer;

import java.util.ArrayList;
import java.util.List;

import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

import report.dsl.generator.Breakdown;

/**
 * A Markdown document (CommonMark with GFM pipe tables, as {@code report build} publishes it) into the cell grid:
 * headings and paragraphs as lines with their emphasis and escapes undone, each table row with its cells where the
 * table puts them (exact, as an HTML table's).
 */
public final class MarkdownReader {

	private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create()))
			.includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();

	private final List<GridRow> rows = new ArrayList<>();
	private final StringBuilder line = new StringBuilder();
	private SourceSpan lineStart;

	private MarkdownReader() {
	}

	public static List<GridRow> read(String markdown) {
		MarkdownReader reader = new MarkdownReader();
		reader.blocks(PARSER.parse(markdown));
		return reader.rows;
	}

	private void blocks(Node parent) {
		for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
			if (node instanceof Paragraph && node.getNext() instanceof TableBlock && Breakdown.isCaption(text(node))) {
				node = node.getNext(); // a published summary's breakdown by part: the parts' numbers, not the report's
			} else if (node instanceof TableBlock table) {
				table(table);
			} else if (node instanceof HtmlBlock) {
				continue; // markup of the page, not the report's text
			} else if (node.getFirstChild() instanceof Block) {
				blocks(node);
			} else if (node instanceof Block) {
				inlines(node);
				flush();
			}
		}
	}

	/** A block's text: its literal text and code, its line breaks as the ends of lines (as extracted text has them). */
	private void inlines(Node parent) {
		for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
			if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
				flush();
			} else if (node instanceof Text || node instanceof Code) {
				if (line.isEmpty() && !node.getSourceSpans().isEmpty()) {
					lineStart = node.getSourceSpans().get(0);
				}
				line.append(node instanceof Text text ? text.getLiteral() : ((Code) node).getLiteral());
			} else {
				inlines(node);
			}
		}
	}

	private void flush() {
		String text = line.toString().strip();
		if (!text.isEmpty()) {
			rows.add(new GridRow(List.of(new SourceCell(text, lineStart.getLineIndex() + 1, lineStart.getColumnIndex() + 1)), false));
		}
		line.setLength(0);
	}

	private void table(TableBlock table) {
		for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
			for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
				if (row instanceof TableRow) {
					List<SourceCell> cells = new ArrayList<>();
					for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
						if (cell instanceof TableCell) {
							cells.add(cell(cell));
						}
					}
					rows.add(new GridRow(cells, true));
				}
			}
		}
	}

	private static String text(Node node) {
		StringBuilder text = new StringBuilder();
		collect(node, text);
		return text.toString().strip();
	}

	private SourceCell cell(Node cell) {
		SourceSpan at = cell.getSourceSpans().isEmpty() ? null : cell.getSourceSpans().get(0);
		return new SourceCell(text(cell), at == null ? 1 : at.getLineIndex() + 1, at == null ? 1 : at.getColumnIndex() + 1);
	}

	private static void collect(Node parent, StringBuilder text) {
		for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
			if (node instanceof Text t) {
				text.append(t.getLiteral());
			} else if (node instanceof Code code) {
				text.append(code.getLiteral());
			} else {
				collect(node, text);
			}
		}
	}
}
