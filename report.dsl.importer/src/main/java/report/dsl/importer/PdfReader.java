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
 * radicals that some producers emit for ideographs are folded back. The lines are then read as text: the text reader
 * splits a row's values from its label and the recogniser joins wrapped and vertical labels, as for pdftotext output.
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
			if (glyphs.pages.stream().allMatch(List::isEmpty)) {
				throw new UnreadableDocumentException("是扫描件或图片，没有文字层（共" + document.getNumberOfPages()
						+ "页），无法导入：本工具不做文字识别，请使用带文字的 PDF 或网页、Word 版本");
			}
			return TextReader.read(String.join("\n", withoutPageFurniture(glyphs.pages)));
		} catch (InvalidPasswordException e) {
			throw new UnreadableDocumentException("有密码保护，无法读取；请去掉密码后再导入");
		}
	}

	/**
	 * A text line of a page, whether it stands in the page's top or bottom margin, whether it is a table row's values,
	 * its font size, and whether it is a line of a paragraph running to the right edge, or centred with no line
	 * close under it (a figure's caption, if smaller than the paragraphs' text: a table's caption has its header under it).
	 */
	private record Line(String text, boolean inMargin, boolean values, float size, boolean paragraph, boolean centred) {
	}

	/** The glyphs of each page, grouped into lines as they are collected. */
	private static final class Glyphs extends PDFTextStripper {

		final List<List<Line>> pages = new ArrayList<>();
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
			float height = p.getCropBox().getHeight();
			List<Line> lines = new ArrayList<>();
			List<Printed> printed = joinWrappedParagraphs(joinWrappedLabels(lines(page).stream().map(PdfReader::printed).toList()));
			float width = p.getCropBox().getWidth();
			float right = right(printed);
			float left = (float) printed.stream().mapToDouble(l -> l.chunks().get(0).x()).min().orElse(0);
			for (int i = 0; i < printed.size(); i++) {
				Printed line = printed.get(i);
				float start = line.chunks().get(0).x();
				boolean centred = line.isProse() && start - left > 2 * line.size()
						&& Math.abs(start + line.end() - width) < 2 * line.size()
						&& (i + 1 == printed.size() || printed.get(i + 1).y() - line.y() > CAPTION_SPACE * line.size());
				lines.add(new Line(fold(line.isProse() || line.isValues() ? line.text() : line.cells()),
						line.y() < height * MARGIN || line.y() > height * (1 - MARGIN), line.isValues(), line.size(),
						line.isProse() && line.runsTo(right), centred));
			}
			pages.add(lines);
		}
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
	 * values stand in the middle of its cell): the label's lines above and below, each within 1.75 font sizes of the
	 * next and wholly left of the row's values (a line reaching over them is a header), are joined into the row's
	 * label, as one line. Of such a line, what starts left of the row's own label (or left of its wrapped text when
	 * the middle line prints no label) is a label merged down rows, which stays a line of its own.
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
			if (line.end() >= row.chunks().get(row.labelEnd()).x()) {
				continue;
			}
			float labelX = row.labelEnd() == 0 ? -Float.MAX_VALUE : row.chunks().get(row.labelEnd() - 1).x() - row.size() / 2;
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

	/** The table row line a label line belongs to, going one way through label lines close to each other; -1 if none. */
	private static int nearestValues(List<Printed> lines, int from, int step) {
		for (int i = from + step; i >= 0 && i < lines.size(); i += step) {
			Printed previous = lines.get(i - step);
			if (Math.abs(lines.get(i).y() - previous.y()) > 1.75f * Math.max(previous.size(), lines.get(i).size())) {
				return -1;
			}
			if (lines.get(i).isValues()) {
				return i;
			}
		}
		return -1;
	}

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
	private static List<String> withoutPageFurniture(List<List<Line>> pages) {
		Map<String, Integer> repeated = new HashMap<>();
		for (List<Line> page : pages) {
			page.stream().filter(Line::inMargin).map(l -> l.text().replaceAll("\\d+", "#")).distinct().forEach(t -> repeated.merge(t, 1, Integer::sum));
		}
		Map<Float, Long> paragraphSizes = pages.stream().flatMap(List::stream).filter(Line::paragraph)
				.collect(Collectors.groupingBy(l -> (float) Math.round(l.size()), Collectors.counting()));
		float textSize = paragraphSizes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(0f);
		List<String> text = new ArrayList<>();
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
				if (!(inTable && top && text.contains(line.text()))) {
					text.add(line.text());
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
