package report.dsl.importer;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * A PDF's text layer into the cell grid. The glyphs and their positions become lines (glyphs on one baseline, in x
 * order, a space where the gap between two is wider than a third of the font size, as between a table's cells); the
 * page header and footer (a line repeated at the top or bottom of the pages) and page numbers are dropped; Kangxi
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

	/** A text line of a page and whether it stands in the page's top or bottom margin. */
	private record Line(String text, boolean inMargin) {
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
			for (List<TextPosition> line : lines(page)) {
				float y = line.get(0).getYDirAdj();
				lines.add(new Line(text(line), y < height * MARGIN || y > height * (1 - MARGIN)));
			}
			pages.add(lines);
		}
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

	private static String text(List<TextPosition> line) {
		StringBuilder text = new StringBuilder();
		TextPosition previous = null;
		for (TextPosition glyph : line) {
			if (previous != null) {
				float gap = glyph.getXDirAdj() - (previous.getXDirAdj() + previous.getWidthDirAdj());
				if (gap > size(glyph) / 3) {
					text.append(' ');
				}
			}
			text.append(glyph.getUnicode());
			previous = glyph;
		}
		return fold(text.toString().strip());
	}

	private static float size(TextPosition glyph) {
		float size = glyph.getFontSizeInPt();
		return size > 0 ? size : Math.max(glyph.getHeightDir(), glyph.getWidthDirAdj());
	}

	/**
	 * The lines of all pages without what a page prints around the text: page numbers, and headers and footers (a
	 * line in the margin that comes back, its digits aside, on more than one page).
	 */
	private static List<String> withoutPageFurniture(List<List<Line>> pages) {
		Map<String, Integer> repeated = new HashMap<>();
		for (List<Line> page : pages) {
			page.stream().filter(Line::inMargin).map(l -> l.text().replaceAll("\\d+", "#")).distinct().forEach(t -> repeated.merge(t, 1, Integer::sum));
		}
		List<String> text = new ArrayList<>();
		for (List<Line> page : pages) {
			for (Line line : page) {
				boolean furniture = line.inMargin() && (PAGE_NUMBER.matcher(line.text()).matches()
						|| pages.size() > 1 && repeated.getOrDefault(line.text().replaceAll("\\d+", "#"), 0) > 1);
				if (!furniture) {
					text.add(line.text());
				}
			}
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
