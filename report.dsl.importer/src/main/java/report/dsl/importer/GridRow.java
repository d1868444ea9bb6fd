package report.dsl.importer;

import java.util.List;

/**
 * One row of the cell grid every reader produces: a line of text (one cell), a table row split into its cells, or a
 * table row of an HTML page. {@code exact} rows come from a real table grid (HTML, with spans expanded), so that
 * their blank cells stand where the page prints them; the cells of text rows may have been shifted by extraction.
 * A reader's {@code note} says what it could not make of the row (a PDF row whose blank cells it could not place),
 * for the import's warnings; null when none.
 */
public record GridRow(List<SourceCell> cells, boolean exact, String note) {

	public GridRow(List<SourceCell> cells, boolean exact) {
		this(cells, exact, null);
	}

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
