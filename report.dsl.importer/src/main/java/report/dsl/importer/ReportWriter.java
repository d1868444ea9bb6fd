package report.dsl.importer;

import java.util.List;
import java.util.Map;

import report.dsl.model.PhraseWordings;
import report.dsl.model.TableLayout;
import report.dsl.report.Row;

/** The text of the report file an import produces; the language's formatter lays it out afterwards. */
final class ReportWriter {

	private final StringBuilder out = new StringBuilder();
	private final Phrases phrases;

	private ReportWriter(Phrases phrases) {
		this.phrases = phrases;
	}

	/** The report's name: its body and year, as a name of the language. */
	static String name(ImportedReport report) {
		String body = report.body.replaceAll("[^\\p{IsHan}A-Za-z0-9_]", "");
		return (body.isEmpty() || !Character.isLetter(body.codePointAt(0)) && body.charAt(0) != '_' ? "报告" : "") + body + report.year;
	}

	static String write(ImportedReport report, String source, PhraseWordings wordings) {
		ReportWriter writer = new ReportWriter(new Phrases(wordings));
		writer.report(report, source);
		return writer.out.toString();
	}

	private void report(ImportedReport report, String source) {
		out.append("/*\n * 由 report import 从 ").append(source.replace("*/", "* /")).append(" 导入，格式：").append(report.type.getName())
				.append("。\n");
		for (Note note : report.notes) {
			out.append(" * - ").append(note.line()).append(':').append(note.column()).append(": ")
					.append(note.message().replace("*/", "* /")).append('\n');
		}
		out.append(" */\n");
		out.append("报告 ").append(name(report)).append(" 遵循 ").append(report.type.getName()).append(" {\n");
		out.append("发布机关 ").append(string(report.body)).append('\n');
		out.append("年度 ").append(report.year).append('\n');
		out.append("统计期限 ").append(report.year).append("-01-01 至 ").append(report.year).append("-12-31\n");
		out.append("发布日期 ").append(report.issued).append('\n');
		if (report.previous != null) {
			out.append("上年报告 ").append(report.previous).append('\n');
		}
		if (!report.summed.isEmpty()) {
			out.append("汇总 ").append(String.join("、", report.summed)).append('\n');
		}
		if (report.url != null) {
			out.append("发布网址 ").append(string(report.url)).append('\n');
		}
		if (report.preamble != null && !report.preamble.isBlank()) {
			out.append("导语 ").append(string(report.preamble)).append('\n');
		}
		for (ImportedReport.Part part : report.parts) {
			out.append("部分 ").append(part.type.getName());
			if (part.printedHeading != null) {
				out.append(' ').append(string(part.printedHeading));
			}
			out.append(" {\n");
			for (Object content : part.contents) {
				if (content instanceof String paragraph) {
					out.append(phrases.text(paragraph)).append('\n');
				} else if (content instanceof ImportedReport.Section section) {
					out.append("小节 ").append(string(section.heading())).append(" {\n");
					section.paragraphs().forEach(p -> out.append(phrases.text(p)).append('\n'));
					out.append("}\n");
				}
			}
			report.tables.values().stream().filter(t -> t.type.getPart() == part.type).forEach(this::table);
			out.append("}\n");
		}
		out.append("}\n");
	}

	private void table(ImportedReport.Table table) {
		out.append("表 ").append(table.type.getName()).append(" {\n");
		for (Map.Entry<Row, List<ImportedReport.Cell>> entry : table.rows.entrySet()) {
			Row row = entry.getKey();
			List<String> comments = table.comments.getOrDefault(row, List.of());
			boolean zero = entry.getValue().stream().allMatch(c -> !c.auto() && c.value().signum() == 0);
			if (zero && comments.isEmpty() && table.type.isOmittedAreZero()) {
				continue;
			}
			comments.forEach(c -> out.append("// 导入：").append(c.replace('\n', ' ')).append('\n'));
			out.append(TableLayout.keyText(row)).append(": ").append(RowReadings.text(entry.getValue())).append('\n');
		}
		out.append("}\n");
	}

	/** A string of the language: quotes, brackets and backslashes escaped. */
	static String string(String text) {
		return '"' + Phrases.escape(text) + '"';
	}
}
