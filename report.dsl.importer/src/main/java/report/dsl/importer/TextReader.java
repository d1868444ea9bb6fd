package report.dsl.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain text extracted from a web page, Word or PDF into the cell grid: tab-separated rows, pipe rows
 * ({@code label | v | v |}), one cell per line, and PDF lines whose values follow the label, space-separated.
 */
public final class TextReader {

	private static final Pattern PAGE_NUMBER = Pattern.compile("^\\s*[-—–]\\s*\\d+\\s*[-—–]\\s*$");
	/** A PDF row: a label that is no sentence, then numbers separated by spaces. */
	private static final Pattern SPACED_VALUES = Pattern.compile("^(\\S[^。；]{0,60}?[^\\s\\d.,，%])((?:\\s+-?\\d+(?:\\.\\d+)?)+)\\s*$");
	private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");
	private static final Pattern ONLY_VALUES = Pattern.compile("^\\s*-?\\d+(?:\\.\\d+)?(?:\\s+-?\\d+(?:\\.\\d+)?)+\\s*$");

	private TextReader() {
	}

	public static List<GridRow> read(String text) {
		List<GridRow> rows = new ArrayList<>();
		String[] lines = text.split("\\r?\\n|\\r", -1);
		for (int i = 0; i < lines.length; i++) {
			GridRow row = row(lines[i], i + 1);
			if (row != null) {
				rows.add(row);
			}
		}
		return rows;
	}

	/** One line of text as a row at the given line; null for a blank line or a page number. */
	static GridRow row(String line, int number) {
		if (line.isBlank() || PAGE_NUMBER.matcher(line).matches()) {
			return null;
		}
		List<SourceCell> cells = cells(line, number);
		return cells.isEmpty() ? null : new GridRow(cells, false);
	}

	private static List<SourceCell> cells(String line, int number) {
		String separator = line.indexOf('\t') >= 0 ? "\t" : line.indexOf('|') >= 0 ? "|" : null;
		List<SourceCell> cells = new ArrayList<>();
		if (separator == null) {
			if (endsWithDigit(line) && (ONLY_VALUES.matcher(line).matches() || SPACED_VALUES.matcher(line).matches())) {
				splitOnSpaces(line, number, cells);
			} else {
				cells.add(cell(line, 0, line.length(), number));
			}
			return cells;
		}
		int start = 0;
		while (true) {
			int end = line.indexOf(separator, start);
			cells.add(cell(line, start, end < 0 ? line.length() : end, number));
			if (end < 0) {
				break;
			}
			start = end + 1;
		}
		if (separator.equals("\t") && cells.stream().anyMatch(c -> !c.text().isEmpty())) {
			// tabs before the first cell and after the last indent a row (its label columns): no cells
			while (cells.get(0).text().isEmpty()) {
				cells.remove(0);
			}
			while (cells.get(cells.size() - 1).text().isEmpty()) {
				cells.remove(cells.size() - 1);
			}
		}
		if (separator.equals("|")) {
			// "| a | b |": the bars around the row are no cells; a lone "|" is one blank cell
			if (cells.size() > 1 && cells.get(0).text().isBlank()) {
				cells.remove(0);
			}
			if (cells.size() > 1 && cells.get(cells.size() - 1).text().isBlank()) {
				cells.remove(cells.size() - 1);
			}
		}
		return cells;
	}

	/**
	 * Whether the line's last character other than the spaces {@code \s} matches is an ASCII digit, as in every line
	 * of values: the other lines, paragraphs above all, need no trial of the patterns.
	 */
	private static boolean endsWithDigit(String line) {
		int end = line.length() - 1;
		while (end >= 0 && (line.charAt(end) == ' ' || line.charAt(end) >= '\t' && line.charAt(end) <= '\r')) {
			end--;
		}
		return end >= 0 && line.charAt(end) >= '0' && line.charAt(end) <= '9';
	}

	/** A label followed by its numbers: the label (which may hold spaces) and each number its own cell. */
	private static void splitOnSpaces(String line, int number, List<SourceCell> cells) {
		Matcher token = NUMBER.matcher(line);
		List<int[]> numbers = new ArrayList<>();
		int labelEnd = line.length();
		for (int at = line.length(); ; ) {
			int lastStart = -1;
			int lastEnd = -1;
			token.region(0, at);
			while (token.find()) {
				lastStart = token.start();
				lastEnd = token.end();
			}
			if (lastStart < 0 || !line.substring(lastEnd, at).isBlank()
					|| (lastStart > 0 && !Character.isWhitespace(line.charAt(lastStart - 1)))) {
				break;
			}
			numbers.add(0, new int[] { lastStart, lastEnd });
			labelEnd = lastStart;
			at = lastStart;
		}
		if (!line.substring(0, labelEnd).isBlank()) {
			cells.add(cell(line, 0, labelEnd, number));
		}
		numbers.forEach(n -> cells.add(cell(line, n[0], n[1], number)));
	}

	private static SourceCell cell(String line, int start, int end, int number) {
		int from = start;
		while (from < end && Character.isWhitespace(line.charAt(from)) || from < end && line.charAt(from) == '\u3000') {
			from++;
		}
		return new SourceCell(line.substring(start, end).strip(), number, from + 1);
	}
}
