package report.dsl.generator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.eclipse.xtext.util.IResourceScopeCache;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

import com.google.inject.Inject;

import report.dsl.evaluation.Numbers;
import report.dsl.evaluation.ReportEvaluator;
import report.dsl.evaluation.ReportValues;
import report.dsl.model.TableLayout;
import report.dsl.report.Block;
import report.dsl.report.Chart;
import report.dsl.report.Content;
import report.dsl.report.Paragraph;
import report.dsl.report.Part;
import report.dsl.report.Report;
import report.dsl.report.SubSection;
import report.dsl.report.TableData;
import report.dsl.report.TableType;
import report.dsl.report.Text;

/**
 * One self-contained HTML file per report that reads like the official document: the title block,
 * the parts, the tables as the printed form draws them, the charts of the report type as inline SVG,
 * the signature. Built as a jsoup tree, so every text the author wrote is escaped.
 */
public class HtmlReportGenerator {

	private static final String STYLE = stylesheet();

	@Inject
	private ReportEvaluator evaluator;

	@Inject
	private IResourceScopeCache cache;

	public String generate(Report report) {
		ReportValues values = evaluator.values(report);
		Document document = page(ReportText.title(report));
		Element main = document.body().child(0);
		Element titleBlock = main.appendElement("header").attr("class", "title-block");
		titleBlock.appendElement("p").attr("class", "issuer").text(ReportText.clean(report.getBody()));
		titleBlock.appendElement("h1").text(ReportText.subtitle(report));
		if (report.getPreamble() != null) {
			paragraph(main, report.getPreamble(), report).attr("class", "preamble");
		}
		for (Part part : report.getParts()) {
			Element section = main.appendElement("section").attr("class", "part");
			section.appendElement("h2").text(ReportText.heading(part));
			contents(section, part.getContents(), report, values, 3);
		}
		Element signature = main.appendElement("footer").attr("class", "signature");
		signature.appendElement("p").text(ReportText.clean(report.getBody()));
		signature.appendElement("p").text(ReportText.date(report.getIssued()));
		if (report.getUrl() != null || report.getContact() != null) {
			Element source = main.appendElement("footer").attr("class", "source");
			if (report.getUrl() != null) {
				source.appendElement("p").text("本报告电子版：" + ReportText.clean(report.getUrl()));
			}
			if (report.getContact() != null) {
				source.appendElement("p").text("联系方式：" + ReportText.clean(report.getContact()));
			}
		}
		return document.outerHtml() + "\n";
	}

	/**
	 * A self-contained page of the given title, with the stylesheet inline and an empty {@code <main class="report">},
	 * the body's only child. Its elements are reached by position and new ones given their class as an attribute: jsoup
	 * parses a selector, and the class list for addClass, each time.
	 */
	static Document page(String title) {
		Document document = Document.createShell("");
		document.outputSettings().charset(StandardCharsets.UTF_8).escapeMode(Entities.EscapeMode.base).indentAmount(1)
				.outline(false);
		document.prependChild(new DocumentType("html", "", ""));
		Element head = document.head();
		head.parent().attr("lang", "zh-CN");
		head.appendElement("meta").attr("charset", "utf-8");
		head.appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
		head.appendElement("meta").attr("name", "generator").attr("content", "report.dsl");
		head.appendElement("title").text(title);
		head.appendElement("style").appendChild(new DataNode(STYLE));
		document.body().appendElement("main").attr("class", "report");
		return document;
	}

	private void contents(Element parent, List<Content> contents, Report report, ReportValues values, int level) {
		for (Content content : contents) {
			if (content instanceof Paragraph paragraph) {
				paragraph(parent, paragraph.getText(), report);
			} else if (content instanceof SubSection sub) {
				Element section = parent.appendElement("section");
				section.appendElement("h" + Math.min(level, 6)).text(ReportText.clean(sub.getHeading()));
				contents(section, sub.getContents(), report, values, level + 1);
			} else if (content instanceof TableData data && data.getTable() != null && !data.getTable().eIsProxy()) {
				table(parent, data.getTable(), values);
				for (Chart chart : report.getType().getCharts()) {
					if (chart.getTable() == data.getTable()) {
						chart(parent, chart, values);
					}
				}
				breakdown(parent, data.getTable(), values);
			}
		}
	}

	private Element paragraph(Element parent, Text text, Report report) {
		Element p = parent.appendElement("p");
		for (Narrative.Segment segment : Narrative.segments(text, report, evaluator)) {
			if (segment.isBound()) {
				Element bound = p.appendElement("span").attr("class", "bound").text(segment.text());
				if (segment.shown().description() != null) {
					bound.attr("title", segment.shown().description());
				}
			} else {
				p.appendText(segment.text());
			}
		}
		return p;
	}

	private void table(Element parent, TableType table, ReportValues values) {
		List<TableGrid> grids = TableGrid.of(table, values, cache);
		int labelColumns = grids.stream().mapToInt(TableGrid::labelColumns).max().orElse(1);
		int valueColumns = grids.stream().mapToInt(g -> g.leafColumns().size()).max().orElse(1);
		Element element = parent.appendElement("table").attr("class", "table-" + table.getName());
		Element caption = element.appendElement("caption").text(ReportText.clean(table.getCaption()));
		if (table.getUnit() != null) {
			caption.appendElement("span").attr("class", "unit").text("（单位：" + ReportText.clean(table.getUnit()) + "）");
		}
		if (table.getNote() != null && !TableGrid.noteInCorner(table)) {
			caption.appendElement("span").attr("class", "note").text(ReportText.clean(table.getNote()));
		}
		for (TableGrid grid : grids) {
			Element head = grids.size() == 1 ? element.appendElement("thead") : element.appendElement("tbody");
			Block block = grid.block();
			if (block.getHeading() != null) {
				head.appendElement("tr").appendElement("th").attr("class", "block").attr("scope", "rowgroup")
						.attr("colspan", String.valueOf(labelColumns + valueColumns)).text(ReportText.clean(block.getHeading()));
			}
			int widen = valueColumns - grid.leafColumns().size();
			for (List<TableGrid.HeaderCell> cells : grid.header()) {
				Element tr = head.appendElement("tr");
				for (TableGrid.HeaderCell cell : cells) {
					Element th = tr.appendElement("th").text(cell.label());
					if (cell.column() == null) {
						th.attr("class", "corner").attr("scope", "col");
						span(th, labelColumns, cell.rowspan());
					} else {
						th.attr("scope", cell.isGroup() ? "colgroup" : "col");
						boolean last = cell.column() == lastLeaf(grid);
						span(th, cell.colspan() + (last ? widen : 0), cell.rowspan());
					}
				}
			}
			Element body = grids.size() == 1 ? element.appendElement("tbody") : head;
			for (TableGrid.BodyRow row : grid.body()) {
				Element tr = body.appendElement("tr");
				for (TableGrid.LabelCell label : row.labels()) {
					Element th = tr.appendElement("th").attr("scope", label.isGroup() ? "rowgroup" : "row").text(label.label());
					int extra = label.isGroup() ? 0 : labelColumns - grid.labelColumns();
					span(th, label.colspan() + extra, label.rowspan());
				}
				for (TableGrid.ValueCell cell : row.values()) {
					Element td = tr.appendElement("td").text(Numbers.plain(cell.value()));
					if (cell.computed()) {
						td.attr("class", "computed").attr("title", "由规则计算");
					}
					if (cell.column() == lastLeaf(grid) && widen > 0) {
						td.attr("colspan", String.valueOf(1 + widen));
					}
				}
			}
		}
	}

	private static report.dsl.report.Column lastLeaf(TableGrid grid) {
		return grid.leafColumns().get(grid.leafColumns().size() - 1);
	}

	private static void span(Element cell, int colspan, int rowspan) {
		if (colspan > 1) {
			cell.attr("colspan", String.valueOf(colspan));
		}
		if (rowspan > 1) {
			cell.attr("rowspan", String.valueOf(rowspan));
		}
	}

	/** The chart the report type declares; its caption says why when there is nothing to draw. */
	private void chart(Element parent, Chart chart, ReportValues values) {
		Optional<ChartBars> found = ChartBars.of(chart, values);
		if (found.isEmpty()) {
			return; // the report type's file has errors: nothing to draw
		}
		Element figure = parent.appendElement("figure").attr("class", "chart");
		if (!found.get().drawable()) {
			figure.appendElement("figcaption").text(found.get().caption());
			return;
		}
		bars(figure, found.get());
	}

	/** A horizontal bar per part, its length its share of the whole; shares by largest remainder add up to 100. */
	private static void bars(Element figure, ChartBars bars) {
		int rowHeight = 34;
		int labelWidth = 150;
		int barWidth = 360;
		int height = rowHeight * bars.bars().size() + 10;
		Element svg = figure.appendElement("svg").attr("class", "chart").attr("xmlns", "http://www.w3.org/2000/svg")
				.attr("viewBox", "0 0 " + (labelWidth + barWidth + 130) + " " + height).attr("role", "img")
				.attr("aria-label", bars.title());
		for (int i = 0; i < bars.bars().size(); i++) {
			ChartBars.Bar bar = bars.bars().get(i);
			int y = 5 + i * rowHeight;
			int length = bar.share().signum() == 0 ? 0 : Math.max(2, bar.share().intValue() * barWidth / 100);
			Element group = svg.appendElement("g");
			group.appendElement("title").text(bar.label() + "：" + Numbers.plain(bar.value()) + bars.unit() + "，占" + bar.share().toPlainString() + "%");
			group.appendElement("text").attr("x", String.valueOf(labelWidth - 8)).attr("y", String.valueOf(y + 21))
					.attr("text-anchor", "end").attr("font-size", "15").text(bar.shortLabel());
			group.appendElement("rect").attr("x", String.valueOf(labelWidth)).attr("y", String.valueOf(y + 4))
					.attr("width", String.valueOf(length)).attr("height", String.valueOf(rowHeight - 10))
					.attr("fill", ChartBars.PALETTE.get(i % ChartBars.PALETTE.size()));
			group.appendElement("text").attr("x", String.valueOf(labelWidth + length + 8)).attr("y", String.valueOf(y + 21))
					.attr("font-size", "14").text(bars.legend(bar));
		}
		figure.appendElement("figcaption").text(bars.caption());
	}

	/** Under a summed table of a summary report: its breakdown by part, and a chart of the parts' shares of the first main figure that is not zero. */
	private void breakdown(Element parent, TableType table, ReportValues values) {
		Breakdown breakdown = Breakdown.of(table, values).orElse(null);
		if (breakdown == null) {
			return;
		}
		Element element = parent.appendElement("table").attr("class", "breakdown breakdown-" + table.getName());
		element.appendElement("caption").text(breakdown.caption());
		Element header = element.appendElement("thead").appendElement("tr");
		header.appendElement("th").attr("class", "corner").attr("scope", "col").text("报告");
		breakdown.labels().forEach(label -> header.appendElement("th").attr("scope", "col").text(label));
		Element body = element.appendElement("tbody");
		for (Breakdown.Line line : breakdown.lines()) {
			Element tr = body.appendElement("tr");
			tr.appendElement("th").attr("scope", "row").text(line.part());
			line.values().forEach(value -> tr.appendElement("td").text(Numbers.plain(value)));
		}
		Element total = element.appendElement("tfoot").appendElement("tr");
		total.appendElement("th").attr("scope", "row").text("合计");
		breakdown.totals().forEach(value -> total.appendElement("td").text(Numbers.plain(value)));
		for (int figure = 0; figure < breakdown.labels().size(); figure++) {
			List<BigDecimal> shares = breakdown.shares(figure);
			if (shares.stream().allMatch(value -> value.signum() == 0) || shares.stream().anyMatch(value -> value.signum() < 0)) {
				continue;
			}
			String title = "表" + table.getName() + "「" + breakdown.labels().get(figure) + "」各部分占比";
			List<String> names = breakdown.lines().stream().map(Breakdown.Line::part).toList();
			bars(parent.appendElement("figure").attr("class", "chart breakdown-chart"),
					ChartBars.ofParts(title, names, shares, table.getUnit() == null ? "" : ReportText.clean(table.getUnit())));
			return;
		}
	}

	private static String stylesheet() {
		try (InputStream in = HtmlReportGenerator.class.getResourceAsStream("report.css")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
