package report.dsl.importer;

import java.util.List;

/** The cell grid of a published report with each row's text normalised once (see {@link Labels#normalise}). */
final class GridText {

	private final List<GridRow> rows;
	private final String[] lines;

	GridText(List<GridRow> rows) {
		this.rows = rows;
		lines = new String[rows.size()];
		for (int i = 0; i < lines.length; i++) {
			lines[i] = Labels.normalise(rows.get(i).text());
		}
	}

	List<GridRow> rows() {
		return rows;
	}

	/** The i-th row's text as labels are compared. */
	String line(int i) {
		return lines[i];
	}

	/** All rows' normalised texts, each ending in a line break. */
	String all() {
		StringBuilder all = new StringBuilder();
		for (String line : lines) {
			all.append(line).append('\n');
		}
		return all.toString();
	}
}
