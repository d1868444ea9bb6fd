package report.dsl.formatting2;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.formatting2.AbstractJavaFormatter;
import org.eclipse.xtext.formatting2.IFormattableDocument;
import org.eclipse.xtext.formatting2.IHiddenRegionFormatter;
import org.eclipse.xtext.formatting2.ITextReplacer;
import org.eclipse.xtext.formatting2.ITextReplacerContext;
import org.eclipse.xtext.formatting2.regionaccess.ISemanticRegion;
import org.eclipse.xtext.formatting2.regionaccess.ISemanticRegionsFinder;
import org.eclipse.xtext.formatting2.regionaccess.ITextSegment;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import report.dsl.model.ReportMetadata;
import report.dsl.report.Block;
import report.dsl.report.Chart;
import report.dsl.report.CellValue;
import report.dsl.report.Column;
import report.dsl.report.Figure;
import report.dsl.report.Part;
import report.dsl.report.PartType;
import report.dsl.report.Report;
import report.dsl.report.ReportFile;
import report.dsl.report.ReportPackage.Literals;
import report.dsl.report.ReportType;
import report.dsl.report.Row;
import report.dsl.report.RowData;
import report.dsl.report.Rule;
import report.dsl.report.SubSection;
import report.dsl.report.TableData;
import report.dsl.report.TableType;

/**
 * Lays a report out as it is meant to be read: one declaration per line, blocks indented with tabs,
 * and table rows aligned into a grid — labels padded, numbers right-aligned under each other, with
 * Chinese characters counted as two columns wide as editors draw them.
 */
public class ReportFormatter extends AbstractJavaFormatter {

	protected void format(ReportFile file, IFormattableDocument doc) {
		List<EObject> top = new ArrayList<>(file.getTypes());
		top.addAll(file.getReports());
		top.sort((a, b) -> Integer.compare(offset(a), offset(b)));
		for (int i = 0; i < top.size(); i++) {
			if (i > 0) {
				doc.prepend(top.get(i), f -> f.setNewLines(2));
			}
			doc.format(top.get(i));
		}
	}

	protected void format(Report report, IFormattableDocument doc) {
		block(regionFor(report), doc);
		for (String keyword : ReportMetadata.keywords()) {
			for (ISemanticRegion region : regionFor(report).keywords(keyword)) {
				doc.prepend(region, IHiddenRegionFormatter::newLine);
				doc.append(region, IHiddenRegionFormatter::oneSpace);
			}
		}
		// "年度：2023" as forms print it is laid out "年度 2023"; "2023-01-01至2023-12-31" gets its spaces
		for (ISemanticRegion colon : regionFor(report).keywords(":")) {
			doc.append(colon, IHiddenRegionFormatter::noSpace);
			replace(doc, colon, "");
		}
		regionFor(report).keywords("至").forEach(r -> doc.surround(r, IHiddenRegionFormatter::oneSpace));
		ISemanticRegion periodEnd = regionFor(report).feature(Literals.REPORT__PERIOD_END);
		if (periodEnd != null && periodEnd.getText().startsWith("至")) {
			doc.prepend(periodEnd, IHiddenRegionFormatter::oneSpace);
			replace(doc, periodEnd, "至 " + periodEnd.getText().substring(1));
		}
		report.getFigures().forEach(figure -> {
			doc.prepend(figure, f -> f.setNewLines(1, 1, 2));
			doc.format(figure);
		});
		for (Part part : report.getParts()) {
			doc.prepend(part, f -> f.setNewLines(1, 1, 2));
			doc.format(part);
		}
	}

	protected void format(Part part, IFormattableDocument doc) {
		block(regionFor(part), doc);
		members(part.getContents(), doc);
	}

	protected void format(SubSection section, IFormattableDocument doc) {
		block(regionFor(section), doc);
		members(section.getContents(), doc);
	}

	protected void format(Figure figure, IFormattableDocument doc) {
		regionFor(figure).keywords("=").forEach(r -> doc.surround(r, IHiddenRegionFormatter::oneSpace));
	}

	/** Each on its own line, the first right after the opening brace, the others keeping one blank line if there was one. */
	private void members(List<? extends EObject> members, IFormattableDocument doc) {
		for (int i = 0; i < members.size(); i++) {
			if (i == 0) {
				doc.prepend(members.get(i), IHiddenRegionFormatter::newLine);
			} else {
				doc.prepend(members.get(i), f -> f.setNewLines(1, 1, 2));
			}
			doc.format(members.get(i));
		}
	}

	protected void format(TableData table, IFormattableDocument doc) {
		ISemanticRegion open = regionFor(table).keyword("{");
		ISemanticRegion close = regionFor(table).keyword("}");
		if (table.getRows().isEmpty()) {
			doc.append(open, IHiddenRegionFormatter::oneSpace);
			return;
		}
		doc.interior(open, close, IHiddenRegionFormatter::indent);
		doc.prepend(close, IHiddenRegionFormatter::newLine);
		alignGrid(table.getRows(), doc);
	}

	/** Pads row labels to one width and right-aligns the n-th value of every row under each other. */
	private void alignGrid(List<RowData> rows, IFormattableDocument doc) {
		int labelWidth = 0;
		List<Integer> valueWidths = new ArrayList<>();
		for (RowData row : rows) {
			labelWidth = Math.max(labelWidth, width(label(row)));
			for (int i = 0; i < row.getValues().size(); i++) {
				int w = width(text(row.getValues().get(i)));
				if (i == valueWidths.size()) {
					valueWidths.add(w);
				} else {
					valueWidths.set(i, Math.max(valueWidths.get(i), w));
				}
			}
		}
		for (RowData row : rows) {
			doc.prepend(row, IHiddenRegionFormatter::newLine);
			ISemanticRegion colon = colon(row);
			if (colon != null) {
				doc.prepend(colon, IHiddenRegionFormatter::noSpace);
			}
			int labelPadding = labelWidth - width(label(row));
			for (int i = 0; i < row.getValues().size(); i++) {
				CellValue cell = row.getValues().get(i);
				int spaces = 1 + valueWidths.get(i) - width(text(cell)) + (i == 0 ? labelPadding : 0);
				doc.prepend(cell, f -> f.setSpace(" ".repeat(spaces)));
			}
		}
	}

	protected void format(ReportType type, IFormattableDocument doc) {
		block(regionFor(type), doc);
		List<EObject> members = new ArrayList<>(type.getParts());
		members.addAll(type.getTables());
		members.addAll(type.getRules());
		members.addAll(type.getCharts());
		members.addAll(type.getFigures());
		if (type.getDeadline() != null) {
			members.add(type.getDeadline());
		}
		members.sort((a, b) -> Integer.compare(offset(a), offset(b)));
		members(members, doc);
	}

	protected void format(PartType part, IFormattableDocument doc) {
		// one line each; nothing inside to lay out
	}

	protected void format(TableType table, IFormattableDocument doc) {
		block(regionFor(table), doc);
		table.getBlocks().forEach(block -> doc.format(block));
	}

	protected void format(Block block, IFormattableDocument doc) {
		ISemanticRegion open = regionFor(block).keyword("{");
		if (open != null) {
			block(regionFor(block), doc);
			doc.prepend(block, IHiddenRegionFormatter::newLine);
		}
		for (String keyword : List.of("行标题", "默认列")) {
			ISemanticRegion region = regionFor(block).keyword(keyword);
			if (region != null) {
				doc.prepend(region, IHiddenRegionFormatter::newLine);
			}
		}
		block.getColumns().forEach(column -> axis(column, doc));
		block.getRows().forEach(row -> axis(row, doc));
	}

	private void axis(EObject axis, IFormattableDocument doc) {
		doc.prepend(axis, IHiddenRegionFormatter::newLine);
		if (regionFor(axis).keyword("{") != null) {
			block(regionFor(axis), doc);
		}
		List<? extends EObject> children = axis instanceof Row row ? row.getChildren() : ((Column) axis).getChildren();
		children.forEach(child -> axis(child, doc));
	}

	protected void format(Rule rule, IFormattableDocument doc) {
		regionFor(rule).keywords(";", "；").forEach(r -> doc.prepend(r, IHiddenRegionFormatter::noSpace));
	}

	/** Writes a token differently, as the canonical layout has it. */
	private static void replace(IFormattableDocument doc, ISemanticRegion region, String text) {
		doc.addReplacer(new ITextReplacer() {
			@Override
			public ITextSegment getRegion() {
				return region;
			}

			@Override
			public ITextReplacerContext createReplacements(ITextReplacerContext context) {
				context.addReplacement(region.replaceWith(text));
				return context;
			}
		});
	}

	/** `图表 "标题" 表 B: 三.一, 三.二 占 三.七` on one line, as the shipped format writes it. */
	protected void format(Chart chart, IFormattableDocument doc) {
		ISemanticRegionsFinder regions = regionFor(chart);
		doc.append(regions.keyword("图表"), IHiddenRegionFormatter::oneSpace);
		regions.keywords("表", "占").forEach(r -> doc.surround(r, IHiddenRegionFormatter::oneSpace));
		regions.keywords(":", "：", ",", "、").forEach(r -> {
			doc.prepend(r, IHiddenRegionFormatter::noSpace);
			doc.append(r, IHiddenRegionFormatter::oneSpace);
		});
	}

	/** `{` on the line it opens, content indented one tab, `}` on a line of its own; members place their own lines. */
	private static void block(ISemanticRegionsFinder regions, IFormattableDocument doc) {
		ISemanticRegion open = regions.keyword("{");
		ISemanticRegion close = regions.keyword("}");
		if (open == null || close == null) {
			return;
		}
		doc.prepend(open, IHiddenRegionFormatter::oneSpace);
		doc.interior(open, close, IHiddenRegionFormatter::indent);
		doc.prepend(close, IHiddenRegionFormatter::newLine);
	}

	private ISemanticRegion colon(RowData row) {
		ISemanticRegion colon = regionFor(row).keyword(":");
		return colon != null ? colon : regionFor(row).keyword("：");
	}

	private static String label(RowData row) {
		List<INode> nodes = NodeModelUtils.findNodesForFeature(row, Literals.ROW_DATA__ROW);
		return (nodes.isEmpty() ? "" : NodeModelUtils.getTokenText(nodes.get(0))) + ":";
	}

	private String text(EObject object) {
		return getTextRegionAccess().regionForEObject(object).getText();
	}

	private int offset(EObject object) {
		return getTextRegionAccess().regionForEObject(object).getOffset();
	}

	/** Columns an editor draws: East Asian wide and full-width characters take two (the importer aligns its tables by it too). */
	public static int width(String text) {
		return text.codePoints().map(c -> isWide(c) ? 2 : 1).sum();
	}

	private static boolean isWide(int c) {
		return c >= 0x1100 && c <= 0x115F || c >= 0x2E80 && c <= 0xA4CF || c >= 0xAC00 && c <= 0xD7A3
				|| c >= 0xF900 && c <= 0xFAFF || c >= 0xFE30 && c <= 0xFE4F || c >= 0xFF00 && c <= 0xFF60
				|| c >= 0xFFE0 && c <= 0xFFE6 || c >= 0x20000 && c <= 0x3FFFD;
	}
}
