package report.dsl.generator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import report.dsl.evaluation.Numbers;
import report.dsl.evaluation.ReportValues;
import report.dsl.evaluation.Shares;
import report.dsl.model.TableLayout;
import report.dsl.report.Chart;
import report.dsl.report.Column;
import report.dsl.report.Row;
import report.dsl.report.TableType;

/**
 * A chart the report type declares, with the report's numbers: a bar per part, its share of the whole by largest
 * remainder (so the shares add up to 100). What every output draws, each in its own way.
 */
public record ChartBars(String title, BigDecimal whole, String unit, List<Bar> bars) {

	/** The bars' colours in order, as #rrggbb. */
	public static final List<String> PALETTE = List.of("#9b1c1c", "#c2581b", "#b58a1b", "#3f7d3a", "#2e6a8e", "#6b4c8a", "#7a7a7a");

	/** A part: its label as the table prints it, the short label a bar carries, its number and its share in percent. */
	public record Bar(String label, String shortLabel, BigDecimal value, BigDecimal share) {
	}

	/** 14件 · 21%: a bar's number and share, as printed beside it. */
	public String legend(Bar bar) {
		return Numbers.plain(bar.value()) + unit + " · " + bar.share().toPlainString() + "%";
	}

	/** The chart with the report's numbers; empty when the report type's file has errors and there is nothing to draw. */
	public static Optional<ChartBars> of(Chart chart, ReportValues values) {
		TableType table = chart.getTable();
		Row wholeRow = chart.getWhole();
		if (table == null || table.eIsProxy() || wholeRow == null || wholeRow.eIsProxy()
				|| chart.getParts().stream().anyMatch(Row::eIsProxy)) {
			return Optional.empty();
		}
		Optional<Column> column = TableLayout.defaultColumn(TableLayout.block(wholeRow));
		if (column.isEmpty()) {
			return Optional.empty();
		}
		List<BigDecimal> parts = chart.getParts().stream().map(r -> values.table(table).value(r, column.get())).toList();
		BigDecimal whole = values.table(table).value(wholeRow, column.get());
		List<Bar> bars = new ArrayList<>();
		if (whole.signum() != 0 && parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add).compareTo(whole) == 0) {
			List<BigDecimal> shares = Shares.largestRemainder(parts, whole, 0);
			for (int i = 0; i < parts.size(); i++) {
				Row part = chart.getParts().get(i);
				bars.add(new Bar(TableGrid.label(part), shortLabel(part), parts.get(i), shares.get(i)));
			}
		}
		return Optional.of(new ChartBars(ReportText.clean(chart.getTitle()), whole, "件", bars));
	}

	/** The shares of named values in their sum, e.g. a summary's parts under one of its figures; none may be negative. */
	public static ChartBars ofParts(String title, List<String> names, List<BigDecimal> values, String unit) {
		BigDecimal whole = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		List<Bar> bars = new ArrayList<>();
		if (whole.signum() != 0) {
			List<BigDecimal> shares = Shares.largestRemainder(values, whole, 0);
			for (int i = 0; i < values.size(); i++) {
				bars.add(new Bar(names.get(i), names.get(i), values.get(i), shares.get(i)));
			}
		}
		return new ChartBars(title, whole, unit, bars);
	}

	/** Whether there is anything to draw: a whole that is not zero and parts that add up to it. */
	public boolean drawable() {
		return !bars.isEmpty();
	}

	/** The caption under the chart, which says how the shares were rounded, or that there is nothing to draw. */
	public String caption() {
		return drawable() ? title + "（共" + Numbers.plain(whole) + unit + "，按最大余数法取整）" : title + "：本年度无可绘制的数据";
	}

	/** （二）部分公开（区分处理的，…） as 部分公开: the label without its ordinal and its explanation. */
	static String shortLabel(Row row) {
		String label = ORDINAL.matcher(TableGrid.label(row)).replaceFirst("");
		return EXPLANATION.matcher(NUMBER.matcher(label).replaceFirst("")).replaceFirst("");
	}

	private static final Pattern ORDINAL = Pattern.compile("^[（(][一二三四五六七八九十]+[）)]");
	private static final Pattern NUMBER = Pattern.compile("^\\d+[.．、]");
	private static final Pattern EXPLANATION = Pattern.compile("[（(].*$");
}
