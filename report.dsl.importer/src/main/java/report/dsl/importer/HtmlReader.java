package report.dsl.importer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

import report.dsl.generator.Breakdown;

/**
 * A published web page into the cell grid: the page's text blocks as lines, its tables with rowspan and colspan
 * expanded (a label spanning rows stands in each of them), scripts, navigation, headers and footers left out. The
 * charset is the page's own (BOM or meta), so GBK pages read.
 */
public final class HtmlReader {

	private static final Set<String> CHROME = Set.of("script", "style", "nav", "aside", "noscript", "form", "select",
			"button", "iframe", "svg", "head");
	/** A page's header and footer are chrome; an article's own (its title block, its signature) are not. */
	private static final Set<String> PAGE_CHROME = Set.of("header", "footer");

	private final List<GridRow> rows = new ArrayList<>();
	private final StringBuilder line = new StringBuilder();
	private int lineNumber;

	private HtmlReader() {
	}

	public static List<GridRow> read(byte[] page) {
		try {
			Document document = Jsoup.parse(new ByteArrayInputStream(page), null, "", Parser.htmlParser().setTrackPosition(true));
			HtmlReader reader = new HtmlReader();
			reader.walk(document.body());
			reader.flush();
			return reader.rows;
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void walk(Element element) {
		for (Node child : element.childNodes()) {
			if (child instanceof TextNode text) {
				if (line.isEmpty()) {
					lineNumber = line(child);
				}
				line.append(text.getWholeText().replaceAll("\\s+", " "));
			} else if (child instanceof Element e) {
				if (CHROME.contains(e.normalName()) || PAGE_CHROME.contains(e.normalName()) && e.closest("main, article") == null) {
					continue;
				}
				if (e.normalName().equals("figure") && e.selectFirst("table") == null) {
					continue; // a chart or picture with its caption (a figure around a table is the table's)
				}
				if (e.normalName().equals("table") && e.selectFirst("caption") != null && Breakdown.isCaption(e.selectFirst("caption").text())) {
					continue; // a published summary's breakdown by part: the parts' numbers, not the report's
				}
				if (e.normalName().equals("table")) {
					flush();
					table(e);
				} else if (e.normalName().equals("br")) {
					flush();
				} else {
					boolean block = e.isBlock();
					if (block) {
						flush();
					}
					walk(e);
					if (block) {
						flush();
					}
				}
			}
		}
	}

	private void flush() {
		String text = line.toString().strip();
		if (!text.isEmpty()) {
			rows.add(new GridRow(List.of(new SourceCell(text, lineNumber, 1)), false));
		}
		line.setLength(0);
	}

	private void table(Element table) {
		Map<Integer, Map<Integer, SourceCell>> spanned = new HashMap<>();
		int r = 0;
		for (Element tr : table.select("tr")) {
			if (tr.closest("table") != table) {
				continue;
			}
			List<SourceCell> cells = new ArrayList<>();
			Map<Integer, SourceCell> fromAbove = spanned.getOrDefault(r, Map.of());
			int c = 0;
			for (Element cell : tr.children()) {
				if (!cell.normalName().equals("td") && !cell.normalName().equals("th")) {
					continue;
				}
				while (fromAbove.containsKey(c)) {
					cells.add(fromAbove.get(c++));
				}
				SourceCell source = new SourceCell(cell.text().replace('\u00a0', ' ').strip(), line(cell), column(cell));
				cells.add(source);
				int rowspan = span(cell, "rowspan");
				int colspan = span(cell, "colspan");
				if (rowspan > 1 && !CellText.of(source.text()).isValue()) {
					for (int below = 1; below < rowspan; below++) {
						for (int across = 0; across < colspan; across++) {
							spanned.computeIfAbsent(r + below, k -> new HashMap<>()).put(c + across, source);
						}
					}
				}
				c += colspan;
			}
			while (fromAbove.containsKey(c)) {
				cells.add(fromAbove.get(c++));
			}
			if (!cells.isEmpty()) {
				rows.add(new GridRow(cells, true));
			}
			r++;
		}
	}

	private static int span(Element cell, String attribute) {
		try {
			return Math.max(1, Integer.parseInt(cell.attr(attribute).strip()));
		} catch (NumberFormatException e) {
			return 1;
		}
	}

	private static int line(Node node) {
		return Math.max(1, node.sourceRange().start().lineNumber());
	}

	private static int column(Node node) {
		return Math.max(1, node.sourceRange().start().columnNumber());
	}
}
