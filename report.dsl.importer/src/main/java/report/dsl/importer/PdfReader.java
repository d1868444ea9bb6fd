package report.dsl.importer;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * A PDF's text layer into the cell grid. The glyphs and their positions become lines (glyphs on one baseline, in x
 * order, a space where the gap between two is wider than a third of the font size, as between a table's cells); the
 * label a table cell wraps around its row's values is joined into one line with them; the page header and footer (a
 * line repeated at the top or bottom of the pages) and page numbers are dropped; Kangxi
 * radicals that some producers emit for ideographs are folded back. A table row printed with blank cells gets them in
 * their columns by the x positions of the column headers (see {@link #place}); the other lines are read as text: the
 * text reader splits a row's values from its label and the recogniser joins wrapped and vertical labels, as for
 * pdftotext output.
 * The "line" of a cell is the line of this text, counted from the start of the document.
 */
public final class PdfReader {

	private static final Pattern PAGE_NUMBER = Pattern.compile(
			"^[-—–－\\s]*(第\\s*)?\\d{1,4}\\s*(页)?\\s*([/／]\\s*\\d{1,4}|共\\s*\\d{1,4}\\s*页)?[-—–－\\s]*$|^(page|Page)\\s*\\d+.*$");
	/** The share of the page's height at its top and bottom where headers, footers and page numbers stand. */
	private static final double MARGIN = 0.1;

	private PdfReader() {
	}

	public static List<GridRow> read(byte[] pdf) throws IOException, UnreadableDocumentException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			Glyphs glyphs = new Glyphs();
			glyphs.setSortByPosition(true);
			glyphs.getText(document);
			if (glyphs.pages.stream().allMatch(p -> p.lines().isEmpty())) {
				throw new UnreadableDocumentException("是扫描件或图片，没有文字层（共" + document.getNumberOfPages()
						+ "页），无法导入：本工具不做文字识别，请使用带文字的 PDF 或网页、Word 版本");
			}
			for (int p = 1; p < glyphs.pages.size(); p++) {
				continueRow(glyphs.pages.get(p - 1), glyphs.pages.get(p));
			}
			List<List<Line>> pages = new ArrayList<>();
			for (int p = 0; p < glyphs.pages.size(); p++) {
				pages.add(textLines(glyphs.pages.get(p), p + 1));
			}
			return rows(withoutPageFurniture(pages));
		} catch (InvalidPasswordException e) {
			throw new UnreadableDocumentException("有密码保护，无法读取；请去掉密码后再导入");
		}
	}

	/**
	 * A text line of a page, whether it stands in the page's top or bottom margin, whether it is a table row's values,
	 * its font size, and whether it is a line of a paragraph running to the right edge, or centred with no line
	 * close under it (a figure's caption, if smaller than the paragraphs' text: a table's caption has its header under it);
	 * for a table row, its placement (see {@link #placements}).
	 */
	private record Line(String text, boolean inMargin, boolean values, float size, boolean paragraph, boolean centred, Placement placement) {
	}

	/**
	 * A table row's cells with its blank cells in their columns (its labels, then a value or "" for each column), or,
	 * where its values cannot be placed, null cells and the warning why; null for a row printed with a value in every column.
	 */
	private record Placement(List<String> cells, String note) {
	}

	/**
	 * The lines as rows of the grid, each at its line counted from the start: a table row whose blank cells were placed
	 * as its cells in their columns (an exact row), every other line read as text.
	 */
	private static List<GridRow> rows(List<Line> lines) {
		List<GridRow> rows = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			Line line = lines.get(i);
			Placement placement = line.placement();
			if (placement != null && placement.cells() != null) {
				List<SourceCell> cells = new ArrayList<>();
				int column = 1;
				for (String cell : placement.cells()) {
					int at = cell.isEmpty() ? -1 : line.text().indexOf(cell, column - 1);
					column = at < 0 ? column : at + 1;
					cells.add(new SourceCell(cell, i + 1, column));
				}
				rows.add(new GridRow(cells, true));
				continue;
			}
			GridRow row = TextReader.row(line.text(), i + 1);
			if (row != null) {
				rows.add(placement == null ? row : new GridRow(row.cells(), false, placement.note()));
			}
		}
		return rows;
	}

	/** The glyphs of each page, grouped into lines as they are collected. */
	private static final class Glyphs extends PDFTextStripper {

		final List<Page> pages = new ArrayList<>();
		private final List<TextPosition> page = new ArrayList<>();

		Glyphs() throws IOException {
		}

		@Override
		protected void startPage(PDPage p) {
			page.clear();
		}

		@Override
		protected void processTextPosition(TextPosition text) {
			if (!text.getUnicode().isBlank()) {
				page.add(text);
			}
		}

		@Override
		protected void endPage(PDPage p) {
			pages.add(new Page(new ArrayList<>(joinWrappedLabels(lines(page).stream().map(PdfReader::printed).toList())),
					p.getCropBox().getWidth(), p.getCropBox().getHeight()));
		}
	}

	/** A page's printed lines, wrapped labels joined to their rows, and the page's size. */
	private record Page(List<Printed> lines, float width, float height) {

		boolean inMargin(Printed line) {
			return line.y() < height * MARGIN || line.y() > height * (1 - MARGIN);
		}
	}

	/** A page's lines as text lines (see {@link Line}). */
	private static List<Line> textLines(Page page, int number) {
		List<Line> lines = new ArrayList<>();
		List<Printed> printed = joinWrappedParagraphs(page.lines());
		float right = right(printed);
		Placement[] placements = placements(printed, right, page.height(), number);
		float left = (float) printed.stream().mapToDouble(l -> l.chunks().get(0).x()).min().orElse(0);
		for (int i = 0; i < printed.size(); i++) {
			Printed line = printed.get(i);
			float start = line.chunks().get(0).x();
			boolean centred = line.isProse() && start - left > 2 * line.size()
					&& Math.abs(start + line.end() - page.width()) < 2 * line.size()
					&& (i + 1 == printed.size() || printed.get(i + 1).y() - line.y() > CAPTION_SPACE * line.size());
			lines.add(new Line(fold(line.isProse() || line.isValues() ? line.text() : line.cells()), page.inMargin(line), line.isValues(),
					line.size(), line.isProse() && line.runsTo(right), centred, placements[i]));
		}
		return lines;
	}

	/**
	 * A table row that the page break cuts (its values and the first lines of its label on one page, the rest of the label
	 * at the top of the next, under the repeated headers): the label's lines there, before the first row and in the
	 * column of the cut row's label (not left of it, where a label merged down the next rows stands), join the cut row's label.
	 */
	private static void continueRow(Page previous, Page page) {
		// the last row of the page, under it at most the page's footer
		int last = previous.lines().size() - 1;
		while (last >= 0 && !previous.lines().get(last).isValues() && previous.inMargin(previous.lines().get(last))) {
			last--;
		}
		if (last < 0 || !previous.lines().get(last).isValues() || previous.lines().get(last).labelEnd() == 0) {
			return;
		}
		Printed cut = previous.lines().get(last);
		List<Printed> lines = page.lines();
		int first = 0;
		while (first < lines.size() && !lines.get(first).isValues()) {
			first++;
		}
		if (first == lines.size()) {
			return;
		}
		float values = firstValue(lines.get(first)).x();
		int from = first;
		while (from > 0 && lines.get(from - 1).end() < values) {
			from--;
		}
		Chunk label = cut.chunks().get(cut.labelEnd() - 1);
		int to = from;
		StringBuilder rest = new StringBuilder();
		while (to < first && lines.get(to).chunks().get(0).x() >= label.x() - cut.size() / 2) {
			rest.append(lines.get(to).text().replace(" ", ""));
			to++;
		}
		if (to == from) {
			return;
		}
		List<Chunk> chunks = new ArrayList<>(cut.chunks());
		chunks.set(cut.labelEnd() - 1, new Chunk(label.x(), label.end(), label.text() + rest));
		previous.lines().set(last, new Printed(cut.y(), cut.size(), chunks, cut.end()));
		lines.subList(from, to).clear();
	}

	/** A run of glyphs without a wide gap: a word of a sentence, or one cell of a table row; from x to end. */
	private record Chunk(float x, float end, String text) {
	}

	/** A printed line: its baseline, font size, chunks left to right, and where its last glyph ends. */
	private record Printed(float y, float size, List<Chunk> chunks, float end) {

		String text() {
			return String.join(" ", chunks.stream().map(Chunk::text).toList());
		}

		/** The chunks as a table row's cells, tab-separated: the label cells of a table's header, no paragraph. */
		String cells() {
			return String.join("\t", chunks.stream().map(Chunk::text).toList());
		}

		/** The chunks before the numbers a table row ends with; all of them when it ends with fewer than two. */
		int labelEnd() {
			int end = chunks.size();
			while (end > 0 && NUMBER.matcher(chunks.get(end - 1).text()).matches()) {
				end--;
			}
			return chunks.size() - end >= 2 ? end : chunks.size();
		}

		boolean isValues() {
			return labelEnd() < chunks.size();
		}

		/** Whether the line runs to (within three characters of) the right edge of the page's text. */
		boolean runsTo(float right) {
			return end >= right - 3 * size;
		}

		/** Text in words: its chunks, if more than one, apart by no more than a space of the text (a table's cells are further apart). */
		boolean isProse() {
			for (int c = 1; c < chunks.size(); c++) {
				if (chunks.get(c).x() - chunks.get(c - 1).end() > WORD_SPACE * size) {
					return false;
				}
			}
			return !isValues();
		}
	}

	/** The widest space between words, in font sizes: wider than a space of a CJK font, narrower than a table's cell padding. */
	private static final float WORD_SPACE = 0.6f;

	private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

	/**
	 * A table row whose label its cell wraps over several lines, the row's values printed on the middle one (a row's
	 * values stand in the middle of its cell): the label's lines above and below, nearer to this row's values than to
	 * another's, wholly left of the row's values (a line reaching over them, or between them and the row, is a header),
	 * and each within 1.75 font sizes of the next or, at a wider line pitch, mirrored on the row's other side (within
	 * {@link #LABEL_REACH}), are joined into the row's label, as one line. Of such a line, what starts left of
	 * the row's own label (or, when the middle line prints no label, left of the line's last chunk, its wrapped text)
	 * is a label merged down rows, which stays a line of its own.
	 */
	private static List<Printed> joinWrappedLabels(List<Printed> lines) {
		int[] owner = new int[lines.size()];
		int[] kept = new int[lines.size()];
		for (int i = 0; i < lines.size(); i++) {
			owner[i] = -1;
			Printed line = lines.get(i);
			if (line.isValues()) {
				continue;
			}
			int up = nearestValues(lines, i, -1);
			int down = nearestValues(lines, i, 1);
			int nearest = up < 0 ? down : down < 0 ? up : line.y() - lines.get(up).y() <= lines.get(down).y() - line.y() ? up : down;
			if (nearest < 0) {
				continue;
			}
			Printed row = lines.get(nearest);
			if (line.end() >= firstValue(row).x() || !(chained(lines, i, nearest) || mirrored(lines, i, nearest))) {
				continue;
			}
			// where the row prints no label, the wrapped text is what its line ends with
			float labelX = (row.labelEnd() == 0 ? line.chunks().get(line.chunks().size() - 1) : row.chunks().get(row.labelEnd() - 1)).x()
					- row.size() / 2;
			int first = 0;
			while (first < line.chunks().size() && line.chunks().get(first).x() < labelX) {
				first++;
			}
			if (first < line.chunks().size()) {
				owner[i] = nearest;
				kept[i] = first;
			}
		}
		List<Printed> joined = new ArrayList<>();
		for (int v = 0; v < lines.size(); v++) {
			Printed row = lines.get(v);
			if (owner[v] >= 0) {
				if (kept[v] > 0) {
					joined.add(new Printed(row.y(), row.size(), row.chunks().subList(0, kept[v]), row.end()));
				}
				continue;
			}
			List<String> above = new ArrayList<>();
			List<String> below = new ArrayList<>();
			float from = Float.MAX_VALUE;
			for (int i = 0; i < lines.size(); i++) {
				if (owner[i] == v) {
					List<Chunk> owned = lines.get(i).chunks().subList(kept[i], lines.get(i).chunks().size());
					(i < v ? above : below).add(String.join("", owned.stream().map(Chunk::text).toList()));
					from = Math.min(from, owned.get(0).x());
				}
			}
			if (above.isEmpty() && below.isEmpty()) {
				joined.add(row);
				continue;
			}
			List<Chunk> chunks = new ArrayList<>();
			StringBuilder label = new StringBuilder(String.join("", above));
			for (int c = 0; c < row.labelEnd(); c++) {
				Chunk chunk = row.chunks().get(c);
				if (chunk.x() < from - row.size() / 2) {
					chunks.add(chunk);
				} else {
					label.append(chunk.text());
				}
			}
			label.append(String.join("", below));
			chunks.add(new Chunk(from, row.chunks().get(Math.max(0, row.labelEnd() - 1)).end(), label.toString()));
			chunks.addAll(row.chunks().subList(row.labelEnd(), row.chunks().size()));
			joined.add(new Printed(row.y(), row.size(), chunks, row.end()));
		}
		return joined;
	}

	/**
	 * A paragraph's lines as one line: a line of prose that runs to the right edge of the page's text continues on the
	 * next line of prose printed in the same size (a title is larger than the text under it) that starts left of the
	 * paragraph's first line, which is indented, so that a wrapped line that starts with a part's name ("总体情况、主动公开…") is no heading, and a line that ends a sentence at the right edge is no paragraph's
	 * end. Where the first line is not indented (it starts at the page's left margin, where the lines that run to the
	 * right edge start), the next line starting no further right continues it unless the line ends a sentence.
	 */
	private static List<Printed> joinWrappedParagraphs(List<Printed> lines) {
		float right = right(lines);
		float margin = margin(lines, right);
		List<Printed> joined = new ArrayList<>();
		for (Printed line : lines) {
			Printed previous = joined.isEmpty() ? null : joined.get(joined.size() - 1);
			if (previous != null && previous.isProse() && line.isProse() && continues(previous, line, right, margin)) {
				joined.set(joined.size() - 1, new Printed(line.y(), line.size(),
						List.of(new Chunk(previous.chunks().get(0).x(), line.end(), previous.text() + line.text())), line.end()));
			} else {
				joined.add(line);
			}
		}
		return joined;
	}

	/** The right edge of a page's text. */
	private static float right(List<Printed> lines) {
		return (float) lines.stream().mapToDouble(Printed::end).max().orElse(0);
	}

	/** The left margin of a page's text: where its lines of prose that run to the right edge start. */
	private static float margin(List<Printed> lines, float right) {
		return (float) lines.stream().filter(l -> l.isProse() && l.runsTo(right))
				.mapToDouble(l -> l.chunks().get(0).x()).min().orElse(0);
	}

	/** The least space under a figure's caption, in its font sizes, to the next line: more than a table's caption leaves to its header. */
	private static final float CAPTION_SPACE = 3.5f;

	/** Whether a line of prose continues the paragraph before it (see joinWrappedParagraphs). */
	private static boolean continues(Printed paragraph, Printed line, float right, float margin) {
		float size = paragraph.size();
		float first = paragraph.chunks().get(0).x();
		float start = line.chunks().get(0).x();
		if (Math.abs(line.size() - size) >= 0.5f || paragraph.text().length() < 15 || !paragraph.runsTo(right)
				|| line.y() - paragraph.y() > 3 * size || start > first + size / 2) {
			return false;
		}
		return start < first - size / 2 || first <= margin + size / 2 && !SENTENCE_END.matcher(paragraph.text()).matches();
	}

	private static final Pattern SENTENCE_END = Pattern.compile(".*[。！？；：]$");

	/** How many lines above a table's first row its column headers may take (a caption, grouped and wrapped headers). */
	private static final int HEADER_LINES = 12;

	/** The most characters of a column header's line (本年收费金额（单位：万元）); a longer text is a paragraph. */
	private static final int HEADER_LENGTH = 24;

	/** How far, in points, a value may reach into its neighbouring column's header or values: less than a cell's padding. */
	private static final float OVERLAP = 0.5f;

	/**
	 * Where each table row of a page puts its values, by the x positions of its table's columns (see {@link #place}):
	 * the rows of one table are the value lines that follow each other with only their labels between them (lines left
	 * of their values; a line reaching over them is a header, a caption or text). Indexed as the lines.
	 */
	private static Placement[] placements(List<Printed> lines, float right, float height, int page) {
		Placement[] placements = new Placement[lines.size()];
		int i = 0;
		while (i < lines.size()) {
			if (!lines.get(i).isValues()) {
				i++;
				continue;
			}
			List<Integer> rows = new ArrayList<>(List.of(i));
			for (int next = i + 1; next < lines.size(); next++) {
				Printed line = lines.get(next);
				if (line.isValues()) {
					rows.add(next);
				} else if (line.end() >= firstValue(lines.get(rows.get(rows.size() - 1))).x()) {
					break;
				}
			}
			place(lines, rows, right, height, page, placements);
			i = rows.get(rows.size() - 1) + 1;
		}
		return placements;
	}

	private static Chunk firstValue(Printed row) {
		return row.chunks().get(row.labelEnd());
	}

	/**
	 * The columns of a table's rows, and each row printed with fewer values than columns placed in them. The columns
	 * are the table's lowest column headers, printed above its first row right of its labels: a header over two
	 * headers that stand apart (申请人情况 over 自然人 and 法人或其他组织) groups them and is no column, and the lines of a
	 * wrapped header (商业企/业) are one column. A column holds its header and the values of the rows printed with
	 * a value in every column; with no header found (or fewer headers than a row has values), the columns are those rows'.
	 * A row's value can stand in a column when it lies between the columns on either side and over the column's values
	 * ({@link Column#holds}); the row is placed when exactly one way, values in order, puts each of them in such a column.
	 * Otherwise it is read as printed, with a warning.
	 */
	private static void place(List<Printed> lines, List<Integer> rows, float right, float height, int page, Placement[] placements) {
		float labelsEnd = -Float.MAX_VALUE;
		int most = 0;
		for (int r : rows) {
			Printed row = lines.get(r);
			most = Math.max(most, row.chunks().size() - row.labelEnd());
			for (int c = 0; c < row.labelEnd(); c++) {
				labelsEnd = Math.max(labelsEnd, row.chunks().get(c).end());
			}
		}
		List<Chunk> headers = new ArrayList<>();
		for (int h = rows.get(0) - 1; h >= Math.max(0, rows.get(0) - HEADER_LINES); h--) {
			Printed line = lines.get(h);
			// a heading or paragraph (in another size, or a sentence long), or the page's header, ends the table's headers
			if (line.isValues() || Math.abs(line.size() - lines.get(rows.get(0)).size()) >= 0.5f
					|| line.chunks().stream().anyMatch(c -> c.text().length() > HEADER_LENGTH) || line.y() < height * MARGIN) {
				break;
			}
			for (Chunk chunk : line.chunks()) {
				if (chunk.x() > labelsEnd) {
					headers.add(chunk);
				}
			}
		}
		List<Column> columns = columns(headers);
		if (columns.size() < most || !everyColumnHoldsAValue(columns, rows.stream().map(lines::get).toList())) {
			columns = new ArrayList<>();
			for (int c = 0; c < most; c++) {
				columns.add(new Column());
			}
		}
		int count = columns.size();
		for (int r : rows) {
			Printed row = lines.get(r);
			if (row.chunks().size() - row.labelEnd() == count) {
				for (int c = 0; c < count; c++) {
					columns.get(c).add(row.chunks().get(row.labelEnd() + c));
				}
			}
		}
		for (int r : rows) {
			Printed row = lines.get(r);
			List<Chunk> values = row.chunks().subList(row.labelEnd(), row.chunks().size());
			if (values.size() >= count) {
				continue;
			}
			int[] at = columnsOf(values, columns);
			String label = String.join("", row.chunks().subList(0, row.labelEnd()).stream().map(Chunk::text).toList());
			if (at == null) {
				placements[r] = new Placement(null, "第" + page + "页表格行「" + fold(label) + "」印有" + values.size() + "个数值，少于表头的"
						+ count + "列，按各列的位置定不出空格在哪一列，按原样读入，请核对原文");
				continue;
			}
			List<String> cells = new ArrayList<>(row.chunks().subList(0, row.labelEnd()).stream().map(c -> fold(c.text())).toList());
			for (int c = 0, v = 0; c < count; c++) {
				cells.add(v < at.length && at[v] == c ? values.get(v++).text() : "");
			}
			placements[r] = new Placement(cells, null);
		}
	}

	/**
	 * A table's column as far as the page shows it: from x to end, what its header and the values of the rows with a
	 * value in every column take; from valuesX to valuesEnd, those values alone (none: empty).
	 */
	private static final class Column {
		float x = Float.MAX_VALUE;
		float end = -Float.MAX_VALUE;
		float valuesX = Float.MAX_VALUE;
		float valuesEnd = -Float.MAX_VALUE;

		void addHeader(Chunk header) {
			x = Math.min(x, header.x());
			end = Math.max(end, header.end());
		}

		void add(Chunk value) {
			addHeader(value);
			valuesX = Math.min(valuesX, value.x());
			valuesEnd = Math.max(valuesEnd, value.end());
		}

		/**
		 * Whether a value can stand in this column, between the columns before and after it (either null at the
		 * table's edge): clear of their headers and values, and over the values of this column, if any (the numbers of
		 * a column overlap however it aligns them; a value standing apart from them is a merged cell's).
		 */
		boolean holds(Chunk value, Column before, Column after) {
			return (before == null || value.x() >= before.end - OVERLAP) && (after == null || value.end() <= after.x + OVERLAP)
					&& (valuesEnd < valuesX || value.x() < valuesEnd && valuesX < value.end());
		}
	}

	/**
	 * Whether each of the headers' columns can hold a value of the rows (see {@link Column#holds}): a text over the
	 * table that no value stands under (a caption wider than the headers, a heading) is no column.
	 */
	private static boolean everyColumnHoldsAValue(List<Column> columns, List<Printed> rows) {
		for (int c = 0; c < columns.size(); c++) {
			Column before = c == 0 ? null : columns.get(c - 1);
			Column after = c == columns.size() - 1 ? null : columns.get(c + 1);
			Column column = columns.get(c);
			if (rows.stream().noneMatch(row -> row.chunks().subList(row.labelEnd(), row.chunks().size()).stream()
					.anyMatch(value -> column.holds(value, before, after)))) {
				return false;
			}
		}
		return true;
	}

	/** The columns, left to right, that the lowest of the headers make (see {@link #place}). */
	private static List<Column> columns(List<Chunk> headers) {
		List<Chunk> lowest = headers.stream().filter(h -> headers.stream().noneMatch(a -> a != h && overlap(a, h)
				&& headers.stream().anyMatch(b -> b != h && b != a && overlap(b, h) && !overlap(a, b)))).sorted(Comparator.comparingDouble(Chunk::x)).toList();
		List<Column> columns = new ArrayList<>();
		for (Chunk header : lowest) {
			if (columns.isEmpty() || header.x() >= columns.get(columns.size() - 1).end) {
				columns.add(new Column());
			}
			columns.get(columns.size() - 1).addHeader(header);
		}
		return columns;
	}

	private static boolean overlap(Chunk a, Chunk b) {
		return a.x() < b.end() && b.x() < a.end();
	}

	/**
	 * The column of each value, in order, when exactly one way puts every value between the columns on either side of
	 * its own; null when none or several do.
	 */
	private static int[] columnsOf(List<Chunk> values, List<Column> columns) {
		int n = columns.size();
		int k = values.size();
		// ways[v][c]: the ways (counted up to 2) to place values 0..v with value v in column c
		int[][] ways = new int[k][n];
		for (int v = 0; v < k; v++) {
			Chunk value = values.get(v);
			int before = 0;
			for (int c = 0; c < n; c++) {
				boolean fits = columns.get(c).holds(value, c == 0 ? null : columns.get(c - 1), c == n - 1 ? null : columns.get(c + 1));
				ways[v][c] = !fits ? 0 : v == 0 ? 1 : Math.min(2, before);
				if (v > 0) {
					before = Math.min(2, before + ways[v - 1][c]);
				}
			}
		}
		int total = 0;
		int last = -1;
		for (int c = 0; c < n; c++) {
			total = Math.min(2, total + ways[k - 1][c]);
			if (ways[k - 1][c] > 0) {
				last = c;
			}
		}
		if (total != 1) {
			return null;
		}
		int[] at = new int[k];
		at[k - 1] = last;
		for (int v = k - 2; v >= 0; v--) {
			int c = at[v + 1] - 1;
			while (ways[v][c] == 0) {
				c--;
			}
			at[v] = c;
		}
		return at;
	}

	/** The table row line a label line belongs to, going one way through label lines left of its values; -1 if none. */
	private static int nearestValues(List<Printed> lines, int from, int step) {
		for (int i = from + step; i >= 0 && i < lines.size(); i += step) {
			Printed row = lines.get(i);
			if (Math.abs(row.y() - lines.get(from).y()) > LABEL_REACH * row.size()) {
				return -1;
			}
			if (row.isValues()) {
				for (int between = Math.min(from, i) + 1; between < Math.max(from, i); between++) {
					if (lines.get(between).end() >= firstValue(row).x()) {
						return -1;
					}
				}
				return i;
			}
		}
		return -1;
	}

	/** Whether the lines from one line to a row's stand each within 1.75 font sizes of the next, as a cell's lines do. */
	private static boolean chained(List<Printed> lines, int from, int row) {
		for (int i = Math.min(from, row) + 1; i <= Math.max(from, row); i++) {
			if (lines.get(i).y() - lines.get(i - 1).y() > 1.75f * Math.max(lines.get(i).size(), lines.get(i - 1).size())) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether a line as far on the other side of a row's values, left of them, mirrors a line: the lines of a label
	 * wrapped at a wide line pitch stand evenly above and below its row's values, in the middle of the cell (a caption,
	 * a block's title or a page number near a row has no such twin).
	 */
	private static boolean mirrored(List<Printed> lines, int from, int row) {
		float y = 2 * lines.get(row).y() - lines.get(from).y();
		return lines.stream().anyMatch(l -> l != lines.get(from) && !l.isValues() && Math.abs(l.y() - y) <= 1
				&& l.end() < firstValue(lines.get(row)).x());
	}

	/**
	 * How far, in font sizes, a row's label may wrap above or below its values (which stand in the middle of its cell):
	 * five lines at a line pitch of up to three font sizes, as LibreOffice spaces a table's lines.
	 */
	private static final float LABEL_REACH = 6.5f;

	/** Glyphs on one baseline (within half a glyph's height), each line in x order. */
	private static List<List<TextPosition>> lines(List<TextPosition> glyphs) {
		List<TextPosition> sorted = new ArrayList<>(glyphs);
		sorted.sort(Comparator.comparingDouble(TextPosition::getYDirAdj).thenComparingDouble(TextPosition::getXDirAdj));
		List<List<TextPosition>> lines = new ArrayList<>();
		List<TextPosition> current = new ArrayList<>();
		float baseline = Float.NaN;
		for (TextPosition glyph : sorted) {
			float tolerance = Math.max(1f, size(glyph) / 2);
			if (!current.isEmpty() && Math.abs(glyph.getYDirAdj() - baseline) > tolerance) {
				lines.add(current);
				current = new ArrayList<>();
			}
			if (current.isEmpty()) {
				baseline = glyph.getYDirAdj();
			}
			current.add(glyph);
		}
		if (!current.isEmpty()) {
			lines.add(current);
		}
		lines.forEach(l -> l.sort(Comparator.comparingDouble(TextPosition::getXDirAdj)));
		return lines;
	}

	private static Printed printed(List<TextPosition> line) {
		List<Chunk> chunks = new ArrayList<>();
		StringBuilder text = new StringBuilder();
		float x = line.get(0).getXDirAdj();
		TextPosition previous = null;
		for (TextPosition glyph : line) {
			if (previous != null && glyph.getXDirAdj() - (previous.getXDirAdj() + previous.getWidthDirAdj()) > size(glyph) / 3) {
				chunks.add(new Chunk(x, previous.getXDirAdj() + previous.getWidthDirAdj(), text.toString()));
				text.setLength(0);
				x = glyph.getXDirAdj();
			}
			text.append(glyph.getUnicode());
			previous = glyph;
		}
		TextPosition last = line.get(line.size() - 1);
		float end = last.getXDirAdj() + last.getWidthDirAdj();
		chunks.add(new Chunk(x, end, text.toString()));
		return new Printed(line.get(0).getYDirAdj(), size(line.get(0)), chunks, end);
	}

	private static float size(TextPosition glyph) {
		float size = glyph.getFontSizeInPt();
		return size > 0 ? size : Math.max(glyph.getHeightDir(), glyph.getWidthDirAdj());
	}

	/**
	 * The lines of all pages without what a page prints around the text: page numbers, headers and footers (a line in
	 * the margin that comes back, its digits aside, on more than one page), a figure's caption (a centred line smaller than
	 * the paragraphs' text with no line close under it), and a table's header rows repeated at the
	 * top of a page that continues the table.
	 */
	private static List<Line> withoutPageFurniture(List<List<Line>> pages) {
		Map<String, Integer> repeated = new HashMap<>();
		for (List<Line> page : pages) {
			page.stream().filter(Line::inMargin).map(l -> l.text().replaceAll("\\d+", "#")).distinct().forEach(t -> repeated.merge(t, 1, Integer::sum));
		}
		Map<Float, Long> paragraphSizes = pages.stream().flatMap(List::stream).filter(Line::paragraph)
				.collect(Collectors.groupingBy(l -> (float) Math.round(l.size()), Collectors.counting()));
		float textSize = paragraphSizes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(0f);
		List<Line> text = new ArrayList<>();
		List<String> texts = new ArrayList<>();
		boolean inTable = false;
		for (List<Line> page : pages) {
			boolean top = true;
			for (Line line : page) {
				boolean furniture = line.inMargin() && (PAGE_NUMBER.matcher(line.text()).matches()
						|| pages.size() > 1 && repeated.getOrDefault(line.text().replaceAll("\\d+", "#"), 0) > 1);
				if (furniture || line.centred() && line.size() < textSize - 1) {
					continue;
				}
				top &= !line.values();
				if (!(inTable && top && texts.contains(line.text()))) {
					text.add(line);
					texts.add(line.text());
				}
			}
			List<Line> content = page.stream().filter(l -> !l.inMargin()).toList();
			inTable = content.subList(Math.max(0, content.size() - 3), content.size()).stream().anyMatch(Line::values);
		}
		return text;
	}

	/**
	 * Kangxi radicals (U+2F00 block, which Unicode NFKC maps to their ideographs) and the radicals of the CJK Radicals
	 * Supplement that are written as characters of their own (⻅ for 见, ⻓ for 长; mapped as Unicode's
	 * EquivalentUnifiedIdeograph.txt maps them) folded to the ideographs; all other text stays as printed.
	 */
	static String fold(String text) {
		StringBuilder folded = new StringBuilder(text.length());
		text.codePoints().forEach(c -> {
			if (c >= 0x2F00 && c <= 0x2FDF) {
				folded.append(Normalizer.normalize(Character.toString(c), Normalizer.Form.NFKC));
			} else if (c >= 0x2E80 && c <= 0x2EFF && SUPPLEMENT.containsKey(c)) {
				folded.append(SUPPLEMENT.get(c));
			} else {
				folded.appendCodePoint(c);
			}
		});
		return folded.toString();
	}

	private static final Map<Integer, Character> SUPPLEMENT = supplement(
			"⺁厂⺄乙⺅亻⺆冂⺊卜⺎兀⺐尢⺒巳⺓幺⺔彑⺖忄⺗心⺘扌⺙攵⺛旡⺟母⺠民⺡氵⺢氺⺣灬⺦丬⺧牛⺨犭⺩王⺪疋⺫目⺬示⺭礻⺯糹⺰纟"
					+ "⺷羊⺹耂⺻聿⺾艹⻂衤⻄西⻅见⻆角⻈讠⻉贝⻋车⻍辶⻏阝⻐钅⻑長⻒镸⻓长⻔门⻖阝⻗雨⻘青⻙韦⻚页⻛风⻜飞⻝食⻟飠"
					+ "⻠饣⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻬齐⻮齿⻯竜⻰龙⻲亀⻳龟");

	private static Map<Integer, Character> supplement(String pairs) {
		Map<Integer, Character> map = new HashMap<>();
		for (int i = 0; i < pairs.length(); i += 2) {
			map.put((int) pairs.charAt(i), pairs.charAt(i + 1));
		}
		return map;
	}
}
