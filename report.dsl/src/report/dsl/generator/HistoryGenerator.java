package report.dsl.generator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.inject.Inject;

import report.dsl.evaluation.Numbers;
import report.dsl.evaluation.ReportEvaluator;
import report.dsl.model.MainFigures;
import report.dsl.model.TableLayout;
import report.dsl.report.Report;
import report.dsl.report.TableType;

/**
 * A body's reports over the years, linked by 上年报告: each year's main figures in one table with the change against
 * the year before, and a line chart (HTML), or the same series as data (JSON). Years missing from the chain are named.
 */
public class HistoryGenerator {

	@Inject
	private ReportEvaluator evaluator;

	/**
	 * The chains of two or more years among the reports, each oldest first: from every report that is no other's
	 * 上年报告 back through 上年报告 as far as it leads.
	 */
	public static List<List<Report>> chains(Collection<Report> reports) {
		Set<Report> previous = new HashSet<>();
		reports.forEach(report -> {
			if (report.getPrevious() != null && !report.getPrevious().eIsProxy()) {
				previous.add(report.getPrevious());
			}
		});
		List<List<Report>> chains = new ArrayList<>();
		for (Report latest : reports) {
			if (previous.contains(latest)) {
				continue;
			}
			List<Report> chain = new ArrayList<>();
			for (Report step = latest; step != null && !step.eIsProxy() && !chain.contains(step); step = step.getPrevious()) {
				chain.add(0, step);
			}
			if (chain.size() > 1) {
				chains.add(chain);
			}
		}
		return chains;
	}

	/** The years between the first and the last of the chain that none of its reports is for. */
	public static List<Integer> missingYears(List<Report> chain) {
		List<Integer> missing = new ArrayList<>();
		for (int i = 1; i < chain.size(); i++) {
			for (int year = chain.get(i - 1).getYear() + 1; year < chain.get(i).getYear(); year++) {
				missing.add(year);
			}
		}
		return missing;
	}

	/** The page or data of a chain, in the formats a history has (HTML, JSON). */
	public Optional<String> render(List<Report> chain, OutputFormat format) {
		return switch (format) {
			case HTML -> Optional.of(html(chain));
			case JSON -> Optional.of(json(chain));
			default -> Optional.empty();
		};
	}

	private record Series(TableType table, MainFigures.Figure figure, List<BigDecimal> values) {
	}

	/** Each main figure of each table of the latest year's type, with every year's value. */
	private List<Series> series(List<Report> chain, boolean headingsExpanded) {
		List<Series> series = new ArrayList<>();
		Report latest = chain.get(chain.size() - 1);
		for (TableType table : latest.getType().getTables()) {
			for (MainFigures.Figure figure : MainFigures.of(table, headingsExpanded)) {
				List<BigDecimal> values = chain.stream().map(report -> report.getType() == latest.getType()
						? evaluator.values(report).table(table).value(figure.row(), figure.column()) : null).toList();
				series.add(new Series(table, figure, values));
			}
		}
		return series;
	}

	private String html(List<Report> chain) {
		Report latest = chain.get(chain.size() - 1);
		String body = ReportText.clean(latest.getBody());
		Document document = HtmlReportGenerator.page(body + "历年政府信息公开工作年度报告主要数据");
		Element main = document.selectFirst("main");
		Element titleBlock = main.appendElement("header").addClass("title-block");
		titleBlock.appendElement("p").addClass("issuer").text(body);
		titleBlock.appendElement("h1").text(chain.get(0).getYear() + "—" + latest.getYear() + "年政府信息公开工作主要数据");
		List<Integer> missing = missingYears(chain);
		if (!missing.isEmpty()) {
			main.appendElement("p").addClass("missing").text("缺少" + String.join("、", missing.stream().map(y -> y + "年度").toList())
					+ "的报告：其相邻两年按所给的上年报告比较。");
		}
		Element table = main.appendElement("table").addClass("history");
		table.appendElement("caption").text("历年主要数据及较上年增减");
		Element header = table.appendElement("thead").appendElement("tr");
		header.appendElement("th").addClass("corner").attr("scope", "col").text("项目");
		for (int i = 0; i < chain.size(); i++) {
			header.appendElement("th").attr("scope", "col").text(chain.get(i).getYear() + "年");
			if (i > 0) {
				header.appendElement("th").attr("scope", "col").addClass("change").text("较上年");
			}
		}
		TableType current = null;
		Element tbody = null;
		for (Series series : series(chain, true)) {
			if (series.table() != current) {
				current = series.table();
				tbody = table.appendElement("tbody");
				tbody.appendElement("tr").appendElement("th").addClass("block").attr("scope", "rowgroup")
						.attr("colspan", String.valueOf(2 * chain.size())).text("表" + current.getName() + " " + ReportText.clean(current.getCaption()));
			}
			Element tr = tbody.appendElement("tr");
			tr.appendElement("th").attr("scope", "row").text(ReportText.clean(series.figure().label()));
			for (int i = 0; i < series.values().size(); i++) {
				tr.appendElement("td").text(shown(series.values().get(i)));
				if (i > 0) {
					tr.appendElement("td").addClass("change").text(change(series.values().get(i - 1), series.values().get(i)));
				}
			}
		}
		lineChart(main, chain, series(chain, false).stream().filter(s -> s.table().getBlocks().size() == 1).toList());
		return document.outerHtml() + "\n";
	}

	private static String shown(BigDecimal value) {
		return value == null ? "—" : Numbers.plain(value);
	}

	/** +6（+20.0%）, −3（−50.0%）, 0; from zero only the difference. */
	private static String change(BigDecimal before, BigDecimal after) {
		if (before == null || after == null) {
			return "—";
		}
		BigDecimal difference = after.subtract(before);
		String signed = (difference.signum() > 0 ? "+" : difference.signum() < 0 ? "−" : "") + Numbers.plain(difference.abs());
		if (before.signum() == 0 || difference.signum() == 0) {
			return signed;
		}
		BigDecimal percent = difference.abs().multiply(BigDecimal.valueOf(100)).divide(before.abs(), 1, RoundingMode.HALF_UP);
		return signed + "（" + (difference.signum() > 0 ? "+" : "−") + percent.toPlainString() + "%）";
	}

	/** One line per series over the years, on one scale from zero, with a legend. */
	private static void lineChart(Element parent, List<Report> chain, List<Series> lines) {
		BigDecimal max = lines.stream().flatMap(s -> s.values().stream()).filter(v -> v != null).max(BigDecimal::compareTo)
				.orElse(BigDecimal.ZERO);
		if (max.signum() <= 0 || chain.size() < 2) {
			return;
		}
		int left = 50;
		int top = 15;
		int width = 440;
		int height = 220;
		int legendRow = 22;
		Element figure = parent.appendElement("figure").addClass("chart").addClass("history-chart");
		String title = "历年主要数据";
		Element svg = figure.appendElement("svg").addClass("chart").attr("xmlns", "http://www.w3.org/2000/svg")
				.attr("viewBox", "0 0 " + (left + width + 30) + " " + (top + height + 40 + legendRow * lines.size())).attr("role", "img")
				.attr("aria-label", title);
		svg.appendElement("line").attr("x1", String.valueOf(left)).attr("y1", String.valueOf(top + height))
				.attr("x2", String.valueOf(left + width)).attr("y2", String.valueOf(top + height)).attr("stroke", "#444");
		svg.appendElement("line").attr("x1", String.valueOf(left)).attr("y1", String.valueOf(top)).attr("x2", String.valueOf(left))
				.attr("y2", String.valueOf(top + height)).attr("stroke", "#444");
		svg.appendElement("text").attr("x", String.valueOf(left - 6)).attr("y", String.valueOf(top + 5)).attr("text-anchor", "end")
				.attr("font-size", "12").text(Numbers.plain(max));
		svg.appendElement("text").attr("x", String.valueOf(left - 6)).attr("y", String.valueOf(top + height + 4))
				.attr("text-anchor", "end").attr("font-size", "12").text("0");
		for (int i = 0; i < chain.size(); i++) {
			svg.appendElement("text").attr("x", String.valueOf(x(i, chain.size(), left, width))).attr("y", String.valueOf(top + height + 20))
					.attr("text-anchor", "middle").attr("font-size", "13").text(chain.get(i).getYear() + "年");
		}
		for (int n = 0; n < lines.size(); n++) {
			Series series = lines.get(n);
			String colour = ChartBars.PALETTE.get(n % ChartBars.PALETTE.size());
			Element group = svg.appendElement("g");
			String label = "表" + series.table().getName() + " " + ReportText.clean(series.figure().label());
			group.appendElement("title").text(label);
			StringBuilder points = new StringBuilder();
			for (int i = 0; i < series.values().size(); i++) {
				BigDecimal value = series.values().get(i);
				if (value == null) {
					continue;
				}
				int x = x(i, chain.size(), left, width);
				int y = top + height - value.multiply(BigDecimal.valueOf(height)).divide(max, 0, RoundingMode.HALF_UP).intValue();
				points.append(points.length() == 0 ? "" : " ").append(x).append(',').append(y);
				group.appendElement("circle").attr("cx", String.valueOf(x)).attr("cy", String.valueOf(y)).attr("r", "3")
						.attr("fill", colour).appendElement("title").text(label + " " + chain.get(i).getYear() + "年：" + Numbers.plain(value));
			}
			group.appendElement("polyline").attr("points", points.toString()).attr("fill", "none").attr("stroke", colour)
					.attr("stroke-width", "2");
			int legendY = top + height + 40 + legendRow * n;
			group.appendElement("rect").attr("x", String.valueOf(left)).attr("y", String.valueOf(legendY - 10)).attr("width", "14")
					.attr("height", "4").attr("fill", colour);
			group.appendElement("text").attr("x", String.valueOf(left + 22)).attr("y", String.valueOf(legendY)).attr("font-size", "13")
					.text(label);
		}
		figure.appendElement("figcaption").text(title + "（" + chain.get(0).getYear() + "—" + chain.get(chain.size() - 1).getYear() + "年）");
	}

	private static int x(int index, int count, int left, int width) {
		return left + 20 + index * (width - 40) / Math.max(1, count - 1);
	}

	private String json(List<Report> chain) {
		Report latest = chain.get(chain.size() - 1);
		JsonObject root = new JsonObject();
		root.addProperty("schemaVersion", JsonReportGenerator.SCHEMA_VERSION);
		root.addProperty("body", ReportText.clean(latest.getBody()));
		JsonArray years = new JsonArray();
		JsonArray reports = new JsonArray();
		chain.forEach(report -> {
			years.add(report.getYear());
			reports.add(report.getName());
		});
		root.add("years", years);
		root.add("reports", reports);
		JsonArray missing = new JsonArray();
		missingYears(chain).forEach(missing::add);
		root.add("missingYears", missing);
		JsonArray all = new JsonArray();
		for (Series series : series(chain, true)) {
			JsonObject json = new JsonObject();
			json.addProperty("table", series.table().getName());
			json.addProperty("row", TableLayout.keyText(series.figure().row()));
			json.addProperty("column", TableLayout.keyText(series.figure().column()));
			json.addProperty("label", series.figure().label());
			JsonArray values = new JsonArray();
			series.values().forEach(value -> values.add(value == null ? null : new JsonPrimitive(new BigDecimal(value.toPlainString()))));
			json.add("values", values);
			all.add(json);
		}
		root.add("series", all);
		return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(root) + "\n";
	}
}
