package report.dsl.importer;

import java.util.List;

/**
 * One row of the cell grid every reader produces: a line of text (one cell), a table row split into its cells, or a
 * table row of an HTML page. {@code exact} rows come from a real table grid (HTML, with spans expanded), so that
 * their blank cells stand where the page prints them; the cells of text rows may have been shifted by extraction.
 */
public record GridRow(List<SourceCell> cells, boolean exact) {

	public boolean isTextLine() {
		return cells.size() == 1;
	}

	public String text() {
		return String.join("", cells.stream().map(SourceCell::text).toList());
	}

	public SourceCell first() {
		return cells.get(0);
	}
}
