package report.dsl.office;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.apache.poi.common.usermodel.PictureType;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHint;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STVerticalJc;

import com.google.inject.Inject;

import report.dsl.evaluation.Numbers;
import report.dsl.evaluation.ReportEvaluator;
import report.dsl.evaluation.ReportValues;
import report.dsl.generator.ChartBars;
import report.dsl.generator.DocumentOutput;
import report.dsl.generator.Narrative;
import report.dsl.generator.ReportText;
import report.dsl.generator.TableSheet;
import report.dsl.report.Chart;
import report.dsl.report.Content;
import report.dsl.report.Part;
import report.dsl.report.Report;
import report.dsl.report.SubSection;
import report.dsl.report.TableData;
import report.dsl.report.TableType;
import report.dsl.report.Text;

/**
 * The report as a Word document an office would post: A4 in the conventions of Chinese official documents (GB/T 9704:
 * margins, 三号仿宋 body on a fixed 28-point line, 一、 headings in 黑体, （一） in 楷体, the title in 小标宋), the tables as
 * Word tables with merged cells and repeated header rows, the report type's charts as pictures, the signature and date.
 */
public class DocxOutput implements DocumentOutput {

	/** A4 and the GB/T 9704 margins (37 mm top, 35 bottom, 28 left, 26 right), in twentieths of a point. */
	private static final int PAGE_WIDTH = 11906;
	private static final int PAGE_HEIGHT = 16838;
	private static final int MARGIN_TOP = 2098;
	private static final int MARGIN_BOTTOM = 1984;
	private static final int MARGIN_LEFT = 1587;
	private static final int MARGIN_RIGHT = 1474;
	static final int TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
	/** 三号 (16 pt): the body, the headings; 二号 (22 pt): the title; 五号 (10.5 pt) and 小五 (9 pt): tables. */
	private static final double BODY_SIZE = 16;
	private static final double TITLE_SIZE = 22;
	private static final int LINE = 560;
	private static final int INDENT_TWO_CHARACTERS = 640;

	@Inject
	private ReportEvaluator evaluator;

	@Override
	public String extension() {
		return "docx";
	}

	@Override
	public byte[] render(Report report, Optional<Path> font) {
		ReportValues values = evaluator.values(report);
		try (XWPFDocument document = new XWPFDocument()) {
			page(document);
			styles(document);
			OfficeFiles.properties(document.getProperties().getCoreProperties(), report);
			XWPFParagraph body = paragraph(document, ParagraphAlignment.CENTER, "Title");
			body.setSpacingAfter(0);
			run(body, ReportText.clean(report.getBody()), Face.TITLE, TITLE_SIZE);
			XWPFParagraph title = paragraph(document, ParagraphAlignment.CENTER, "Title");
			title.setSpacingAfter(LINE);
			run(title, ReportText.subtitle(report), Face.TITLE, TITLE_SIZE);
			if (report.getPreamble() != null) {
				text(document, report.getPreamble(), report);
			}
			for (Part part : report.getParts()) {
				heading(document, ReportText.heading(part), Face.HEADING, "Heading1");
				contents(document, part.getContents(), report, values, font);
			}
			signature(document, report);
			WordFonts.addTable(document, List.of(Face.values()));
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.write(out);
			return OfficeFiles.normalized(out.toByteArray());
		} catch (IOException | InvalidFormatException e) {
			throw new UncheckedIOException(new IOException("DOCX: " + e.getMessage(), e));
		}
	}

	private void contents(XWPFDocument document, List<Content> contents, Report report, ReportValues values, Optional<Path> font)
			throws IOException, InvalidFormatException {
		for (Content content : contents) {
			if (content instanceof report.dsl.report.Paragraph paragraph) {
				text(document, paragraph.getText(), report);
			} else if (content instanceof SubSection sub) {
				heading(document, ReportText.clean(sub.getHeading()), Face.SUBHEADING, "Heading2");
				contents(document, sub.getContents(), report, values, font);
			} else if (content instanceof TableData data && data.getTable() != null && !data.getTable().eIsProxy()) {
				table(document, data.getTable(), values);
				for (Chart chart : report.getType().getCharts()) {
					if (chart.getTable() == data.getTable()) {
						ChartBars.of(chart, values).ifPresent(bars -> chart(document, bars, font));
					}
				}
			}
		}
	}

	private void text(XWPFDocument document, Text text, Report report) {
		XWPFParagraph paragraph = paragraph(document, ParagraphAlignment.BOTH, null);
		paragraph.setIndentationFirstLine(INDENT_TWO_CHARACTERS);
		for (Narrative.Segment segment : Narrative.segments(text, report, evaluator)) {
			run(paragraph, segment.text(), Face.BODY, BODY_SIZE);
		}
	}

	private void heading(XWPFDocument document, String text, Face face, String style) {
		XWPFParagraph paragraph = paragraph(document, ParagraphAlignment.LEFT, style);
		paragraph.setIndentationFirstLine(INDENT_TWO_CHARACTERS);
		paragraph.setKeepNext(true);
		run(paragraph, text, face, BODY_SIZE);
	}

	private void signature(XWPFDocument document, Report report) {
		paragraph(document, ParagraphAlignment.RIGHT, null);
		for (String line : List.of(ReportText.clean(report.getBody()), ReportText.date(report.getIssued()))) {
			XWPFParagraph paragraph = paragraph(document, ParagraphAlignment.RIGHT, null);
			paragraph.setIndentationRight(INDENT_TWO_CHARACTERS * 2);
			run(paragraph, line, Face.BODY, BODY_SIZE);
		}
		if (report.getUrl() != null || report.getContact() != null) {
			paragraph(document, ParagraphAlignment.LEFT, null);
		}
		if (report.getUrl() != null) {
			run(paragraph(document, ParagraphAlignment.LEFT, null), "本报告电子版：" + ReportText.clean(report.getUrl()), Face.BODY, 12);
		}
		if (report.getContact() != null) {
			run(paragraph(document, ParagraphAlignment.LEFT, null), "联系方式：" + ReportText.clean(report.getContact()), Face.BODY, 12);
		}
	}

	/** The table's caption with its unit, its note when the corner does not hold it, and the table on the text width. */
	private static void table(XWPFDocument document, TableType type, ReportValues values) {
		TableSheet sheet = TableSheet.of(type, values.table(type));
		XWPFParagraph caption = paragraph(document, ParagraphAlignment.CENTER, "Caption");
		caption.setKeepNext(true);
		run(caption, ReportText.clean(type.getCaption()) + (type.getUnit() == null ? "" : "（单位：" + ReportText.clean(type.getUnit()) + "）"),
				Face.HEADING, 14);
		if (type.getNote() != null && !report.dsl.generator.TableGrid.noteInCorner(type)) {
			XWPFParagraph note = paragraph(document, ParagraphAlignment.CENTER, null);
			note.setKeepNext(true);
			run(note, ReportText.clean(type.getNote()), Face.BODY, 10.5);
		}
		double size = sheet.columns() > 12 ? 8 : sheet.columns() > 8 ? 9 : 10.5;
		int[] widths = OfficeFiles.columnWidths(sheet, TEXT_WIDTH);
		XWPFTable table = document.createTable(sheet.rows(), 1);
		CTTblPr properties = table.getCTTbl().getTblPr();
		properties.addNewTblLayout().setType(STTblLayoutType.FIXED);
		properties.getTblW().setType(STTblWidth.DXA);
		properties.getTblW().setW(BigInteger.valueOf(TEXT_WIDTH));
		properties.addNewJc().setVal(org.openxmlformats.schemas.wordprocessingml.x2006.main.STJcTable.CENTER);
		CTTblGrid grid = table.getCTTbl().getTblGrid() == null ? table.getCTTbl().addNewTblGrid() : table.getCTTbl().getTblGrid();
		while (grid.sizeOfGridColArray() > 0) {
			grid.removeGridCol(0);
		}
		for (int width : widths) {
			grid.addNewGridCol().setW(BigInteger.valueOf(width));
		}
		TableSheet.Cell[][] covering = OfficeFiles.covering(sheet);
		for (int r = 0; r < sheet.rows(); r++) {
			XWPFTableRow row = table.getRow(r);
			row.setCantSplitRow(true);
			if (r < sheet.headerRows()) {
				row.setRepeatHeader(true);
			}
			int column = 0;
			boolean first = true;
			while (column < sheet.columns()) {
				TableSheet.Cell cell = covering[r][column];
				XWPFTableCell tc = first ? row.getCell(0) : row.addNewTableCell();
				first = false;
				int span = cell == null ? 1 : cell.colspan();
				CTTcPr tcPr = tc.getCTTc().isSetTcPr() ? tc.getCTTc().getTcPr() : tc.getCTTc().addNewTcPr();
				tcPr.addNewTcW().setType(STTblWidth.DXA);
				tcPr.getTcW().setW(BigInteger.valueOf(OfficeFiles.width(widths, column, span)));
				if (span > 1) {
					tcPr.addNewGridSpan().setVal(BigInteger.valueOf(span));
				}
				tcPr.addNewVAlign().setVal(STVerticalJc.CENTER);
				if (cell != null && cell.rowspan() > 1) {
					tcPr.addNewVMerge().setVal(cell.row() == r ? STMerge.RESTART : STMerge.CONTINUE);
				}
				XWPFParagraph paragraph = tc.getParagraphs().isEmpty() ? tc.addParagraph() : tc.getParagraphs().get(0);
				paragraph.setSpacingAfter(0);
				paragraph.setSpacingBetween(1);
				if (cell != null && cell.row() == r) {
					cell(paragraph, cell, size);
				}
				column += span;
			}
		}
		paragraph(document, ParagraphAlignment.LEFT, null);
	}

	private static void cell(XWPFParagraph paragraph, TableSheet.Cell cell, double size) {
		switch (cell.kind()) {
			case VALUE -> {
				paragraph.setAlignment(ParagraphAlignment.CENTER);
				run(paragraph, Numbers.plain(cell.value()), Face.BODY, size);
			}
			case ROW_LABEL -> {
				boolean group = !cell.modelRow().getChildren().isEmpty();
				paragraph.setAlignment(group ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT);
				run(paragraph, cell.text(), Face.BODY, size);
			}
			case CORNER -> {
				paragraph.setAlignment(ParagraphAlignment.LEFT);
				run(paragraph, cell.text(), Face.BODY, size);
			}
			case COLUMN_HEADER, BLOCK_HEADING -> {
				paragraph.setAlignment(cell.kind() == TableSheet.Kind.BLOCK_HEADING ? ParagraphAlignment.LEFT : ParagraphAlignment.CENTER);
				run(paragraph, cell.text(), Face.HEADING, size);
			}
		}
	}

	private static void chart(XWPFDocument document, ChartBars bars, Optional<Path> font) {
		if (bars.drawable()) {
			ChartPicture picture = ChartPicture.draw(bars, font);
			XWPFParagraph paragraph = paragraph(document, ParagraphAlignment.CENTER, null);
			paragraph.setSpacingBetween(1);
			paragraph.setKeepNext(true);
			int width = TEXT_WIDTH * 9 / 10;
			int height = width * picture.height() / picture.width();
			try {
				paragraph.createRun().addPicture(new ByteArrayInputStream(picture.png()), PictureType.PNG, "chart.png",
						Units.toEMU(width / 20.0), Units.toEMU(height / 20.0));
			} catch (IOException | InvalidFormatException e) {
				throw new UncheckedIOException(new IOException("DOCX: " + e.getMessage(), e));
			}
		}
		run(paragraph(document, ParagraphAlignment.CENTER, "Caption"), bars.caption(), Face.BODY, 12);
	}

	private static XWPFParagraph paragraph(XWPFDocument document, ParagraphAlignment alignment, String style) {
		XWPFParagraph paragraph = document.createParagraph();
		paragraph.setAlignment(alignment);
		paragraph.setSpacingAfter(0);
		paragraph.setSpacingBefore(0);
		paragraph.setSpacingBetween(LINE / 20.0, LineSpacingRule.EXACT);
		if (style != null) {
			paragraph.setStyle(style);
		}
		return paragraph;
	}

	private static XWPFRun run(XWPFParagraph paragraph, String text, Face face, double size) {
		XWPFRun run = paragraph.createRun();
		run.setText(text);
		run.setFontSize(size);
		face.apply(run);
		return run;
	}

	/**
	 * The faces of GB/T 9704 as Chinese Word templates name them: the GB2312 name Windows XP shipped for Chinese text,
	 * the name Windows ships since Vista for the other scripts, and in the font table the names to look for when the
	 * first is missing (Windows, macOS), before the reader's application substitutes by itself.
	 */
	enum Face {
		TITLE("方正小标宋简体", "宋体", "方正小标宋_GBK", "华文中宋", "宋体", "SimSun", "Songti SC", "STSong"),
		HEADING("黑体", "黑体", "SimHei", "Heiti SC", "STHeiti"),
		SUBHEADING("楷体_GB2312", "楷体", "楷体", "KaiTi", "Kaiti SC", "STKaiti"),
		BODY("仿宋_GB2312", "仿宋", "仿宋", "FangSong", "STFangsong");

		final String eastAsia;
		final String latin;
		final List<String> alternatives;

		Face(String eastAsia, String latin, String... alternatives) {
			this.eastAsia = eastAsia;
			this.latin = latin;
			this.alternatives = List.of(alternatives);
		}

		void apply(XWPFRun run) {
			CTFonts fonts = run.getCTR().isSetRPr() && run.getCTR().getRPr().sizeOfRFontsArray() > 0
					? run.getCTR().getRPr().getRFontsArray(0)
					: run.getCTR().addNewRPr().addNewRFonts();
			fonts.setEastAsia(eastAsia);
			fonts.setAscii(latin);
			fonts.setHAnsi(latin);
			fonts.setCs(latin);
			fonts.setHint(STHint.EAST_ASIA);
		}
	}

	private static void page(XWPFDocument document) {
		CTSectPr section = document.getDocument().getBody().isSetSectPr() ? document.getDocument().getBody().getSectPr()
				: document.getDocument().getBody().addNewSectPr();
		CTPageSz size = section.addNewPgSz();
		size.setW(BigInteger.valueOf(PAGE_WIDTH));
		size.setH(BigInteger.valueOf(PAGE_HEIGHT));
		CTPageMar margins = section.addNewPgMar();
		margins.setTop(BigInteger.valueOf(MARGIN_TOP));
		margins.setBottom(BigInteger.valueOf(MARGIN_BOTTOM));
		margins.setLeft(BigInteger.valueOf(MARGIN_LEFT));
		margins.setRight(BigInteger.valueOf(MARGIN_RIGHT));
		margins.setHeader(BigInteger.valueOf(851));
		margins.setFooter(BigInteger.valueOf(992));
		XWPFParagraph footer = document.createFooter(HeaderFooterType.DEFAULT).createParagraph();
		footer.setAlignment(ParagraphAlignment.CENTER);
		footer.createRun().setText("— ");
		footer.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
		footer.createRun().getCTR().addNewInstrText().setStringValue("PAGE");
		footer.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
		footer.createRun().setText(" —");
		footer.getRuns().forEach(run -> run.setFontSize(14));
	}

	/** Paragraph styles named as Word names them, so that its navigation pane and importers see the document's outline. */
	private static void styles(XWPFDocument document) {
		XWPFStyles styles = document.createStyles();
		String[][] named = { { "Title", "Title", "" }, { "Heading1", "heading 1", "0" }, { "Heading2", "heading 2", "1" },
				{ "Caption", "caption", "" } };
		for (String[] style : named) {
			CTStyle ct = CTStyle.Factory.newInstance();
			ct.setStyleId(style[0]);
			ct.setType(STStyleType.PARAGRAPH);
			ct.addNewName().setVal(style[1]);
			if (!style[2].isEmpty()) {
				ct.addNewPPr().addNewOutlineLvl().setVal(new BigInteger(style[2]));
			}
			styles.addStyle(new XWPFStyle(ct, styles));
		}
	}
}
