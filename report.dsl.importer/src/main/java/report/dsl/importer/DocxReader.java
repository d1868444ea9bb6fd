package report.dsl.importer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * A Word document (.docx) into the cell grid: its paragraphs in order as lines (with the number Word's list
 * numbering gives a heading, such as 一、), and its tables from the document's own grid, a cell spanning columns
 * ({@code gridSpan}) once, a label merged down rows ({@code vMerge}) standing in each of them, as the HTML reader
 * does. The "line" of a cell is the paragraph or table row counted from the start of the document.
 */
public final class DocxReader {

	/** Word's built-in style of captions, of tables and figures alike. */
	private static final String CAPTION = "Caption";

	private final List<GridRow> rows = new ArrayList<>();
	private final ListNumbers numbers;
	private int block;

	private DocxReader(XWPFNumbering numbering) {
		this.numbers = new ListNumbers(numbering);
	}

	public static List<GridRow> read(byte[] document) throws IOException {
		try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(document))) {
			DocxReader reader = new DocxReader(docx.getNumbering());
			List<IBodyElement> elements = docx.getBodyElements();
			for (int i = 0; i < elements.size(); i++) {
				IBodyElement element = elements.get(i);
				if (element instanceof XWPFParagraph paragraph) {
					if (figureCaption(paragraph, elements.subList(i + 1, Math.min(i + 3, elements.size())))) {
						reader.block++;
					} else {
						reader.paragraph(paragraph);
					}
				} else if (element instanceof XWPFTable table) {
					reader.table(table);
				}
			}
			return reader.rows;
		}
	}

	/**
	 * Whether a paragraph is the caption of a chart or picture, which is no text of the report (as the HTML reader
	 * skips a figure): a caption that no table follows, directly or after its note.
	 */
	private static boolean figureCaption(XWPFParagraph paragraph, List<IBodyElement> next) {
		if (!caption(paragraph)) {
			return false;
		}
		boolean captionOfTable = !next.isEmpty() && (next.get(0) instanceof XWPFTable
				|| next.size() > 1 && next.get(0) instanceof XWPFParagraph note && !caption(note) && next.get(1) instanceof XWPFTable);
		return !captionOfTable;
	}

	private static boolean caption(XWPFParagraph paragraph) {
		return CAPTION.equalsIgnoreCase(paragraph.getStyle());
	}

	private void paragraph(XWPFParagraph paragraph) {
		block++;
		String text = numbers.label(paragraph) + paragraph.getText().replace('\u00a0', ' ').strip();
		if (!text.isBlank()) {
			rows.add(new GridRow(List.of(new SourceCell(text.strip(), block, 1)), false));
		}
	}

	private void table(XWPFTable table) {
		// grid column → the label merged down from a row above
		Map<Integer, SourceCell> mergedLabels = new HashMap<>();
		for (XWPFTableRow row : table.getRows()) {
			block++;
			List<SourceCell> cells = new ArrayList<>();
			int column = 0;
			for (XWPFTableCell cell : row.getTableCells()) {
				CTTcPr properties = cell.getCTTc().getTcPr();
				int span = properties != null && properties.getGridSpan() != null ? properties.getGridSpan().getVal().intValue() : 1;
				boolean continued = properties != null && properties.getVMerge() != null
						&& (properties.getVMerge().getVal() == null || properties.getVMerge().getVal() == STMerge.CONTINUE);
				if (continued) {
					SourceCell above = mergedLabels.get(column);
					if (above != null) {
						cells.add(above);
					}
				} else {
					SourceCell source = new SourceCell(cell.getText().replace('\u00a0', ' ').replaceAll("\\s*\\n\\s*", "").strip(), block,
							cells.size() + 1);
					cells.add(source);
					for (int across = 0; across < span; across++) {
						if (CellText.of(source.text()).isValue()) {
							mergedLabels.remove(column + across);
						} else {
							mergedLabels.put(column + across, source);
						}
					}
				}
				column += Math.max(1, span);
			}
			if (!cells.isEmpty()) {
				rows.add(new GridRow(cells, true));
			}
		}
	}

	/** The numbers Word's list numbering puts before paragraphs: counted per list and level, as Word counts them. */
	private static final class ListNumbers {

		private final XWPFNumbering numbering;
		private final Map<BigInteger, int[]> counters = new HashMap<>();

		ListNumbers(XWPFNumbering numbering) {
			this.numbering = numbering;
		}

		String label(XWPFParagraph paragraph) {
			BigInteger numId = paragraph.getNumID();
			if (numbering == null || numId == null || numId.signum() == 0) {
				return "";
			}
			int level = paragraph.getNumIlvl() == null ? 0 : paragraph.getNumIlvl().intValue();
			BigInteger abstractId = numbering.getAbstractNumID(numId);
			XWPFAbstractNum abstractNum = abstractId == null ? null : numbering.getAbstractNum(abstractId);
			if (abstractNum == null || level < 0 || level > 8) {
				return "";
			}
			List<CTLvl> levels = abstractNum.getCTAbstractNum().getLvlList();
			int[] counts = counters.computeIfAbsent(numId, id -> new int[9]);
			for (int l = 0; l <= level; l++) {
				if (counts[l] == 0) {
					counts[l] = start(levels, l) - (l == level ? 1 : 0);
				}
			}
			counts[level]++;
			for (int deeper = level + 1; deeper < counts.length; deeper++) {
				counts[deeper] = 0;
			}
			CTLvl lvl = levels.stream().filter(l -> l.getIlvl().intValue() == level).findFirst().orElse(null);
			if (lvl == null || lvl.getLvlText() == null || lvl.getLvlText().getVal() == null) {
				return "";
			}
			String text = lvl.getLvlText().getVal();
			for (int l = 0; l <= level; l++) {
				CTLvl of = levelOf(levels, l);
				String format = of == null || of.getNumFmt() == null ? "decimal" : of.getNumFmt().getVal().toString();
				text = text.replace("%" + (l + 1), format(counts[l], format));
			}
			return text;
		}

		private static CTLvl levelOf(List<CTLvl> levels, int level) {
			return levels.stream().filter(l -> l.getIlvl().intValue() == level).findFirst().orElse(null);
		}

		private static int start(List<CTLvl> levels, int level) {
			CTLvl lvl = levelOf(levels, level);
			return lvl == null || lvl.getStart() == null ? 1 : lvl.getStart().getVal().intValue();
		}

		/** A number in a list format of Word: Chinese counting (一、二…十一), or decimal for the others. */
		private static String format(int n, String format) {
			return switch (format) {
			case "chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand" -> chinese(n);
			case "none", "bullet" -> "";
			default -> Integer.toString(n);
			};
		}

		/** 1 to 99 as headings count them: 一 … 十, 十一 … 九十九. */
		private static String chinese(int n) {
			String digits = "〇一二三四五六七八九";
			if (n <= 0 || n >= 100) {
				return Integer.toString(n);
			}
			String tens = n < 10 ? "" : (n >= 20 ? String.valueOf(digits.charAt(n / 10)) : "") + "十";
			return tens + (n % 10 == 0 ? "" : String.valueOf(digits.charAt(n % 10)));
		}
	}
}
