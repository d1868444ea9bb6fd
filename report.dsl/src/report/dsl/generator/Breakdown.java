package report.dsl.generator;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import report.dsl.evaluation.ReportValues;
import report.dsl.model.Additivity;
import report.dsl.model.MainFigures;
import report.dsl.model.ReportMetadata;
import report.dsl.report.TableType;

/**
 * Under a summed table of a summary report, what each output shows: its main figures that add up by part (which
 * department contributed how many applications, reviews, suits) and their totals.
 */
public record Breakdown(String caption, List<String> labels, List<Line> lines, List<BigDecimal> totals) {

	/** What every breakdown's caption says, by which an import of a published summary knows it for no table of the report. */
	private static final String CAPTION_MARK = "按汇总的报告分列";

	/** Whether a table's caption is a breakdown's (表B按汇总的报告分列（单位：件）). */
	public static boolean isCaption(String text) {
		return text.matches("表\\S+" + CAPTION_MARK + ".*");
	}

	/** One part's report: its issuer and its value of each main figure. */
	public record Line(String part, List<BigDecimal> values) {
	}

	/** The breakdown of a table of a summary report; none for a report that is no summary, or a table without figures that add up. */
	static Optional<Breakdown> of(TableType table, ReportValues values) {
		if (values.parts().isEmpty()) {
			return Optional.empty(); // asked for every table of every report: one that is no summary skips working out the headlines
		}
		List<MainFigures.Figure> headlines = Additivity.headlines(table);
		if (headlines.isEmpty()) {
			return Optional.empty();
		}
		String caption = "表" + table.getName() + CAPTION_MARK
				+ (table.getUnit() == null ? "" : "（单位：" + ReportText.clean(table.getUnit()) + "）");
		List<Line> lines = values.parts().stream().map(part -> new Line(ReportText.clean(ReportMetadata.issuer(part.report())),
				headlines.stream().map(headline -> part.table(table).value(headline.row(), headline.column())).toList())).toList();
		return Optional.of(new Breakdown(caption, headlines.stream().map(headline -> ReportText.clean(headline.label())).toList(),
				lines, headlines.stream().map(headline -> values.table(table).value(headline.row(), headline.column())).toList()));
	}

	/** The parts' values of the main figure at the index, in the order of the lines. */
	List<BigDecimal> shares(int figure) {
		return lines.stream().map(line -> line.values().get(figure)).toList();
	}
}
