package report.dsl.generator;

import com.google.inject.Inject;

import report.dsl.report.Report;

/** The generators by output format: what the command line, the Maven plugin and the editors' preview call. */
public class ReportPublisher {

	@Inject
	private HtmlReportGenerator html;

	@Inject
	private MarkdownReportGenerator markdown;

	@Inject
	private JsonReportGenerator json;

	public String render(Report report, OutputFormat format) {
		return switch (format) {
			case HTML -> html.generate(report);
			case MARKDOWN -> markdown.generate(report);
			case JSON -> json.generate(report);
		};
	}
}
