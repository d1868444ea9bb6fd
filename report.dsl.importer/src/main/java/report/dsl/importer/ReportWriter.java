package report.dsl.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import report.dsl.formatting2.ReportFormatter;
import report.dsl.model.PhraseWordings;
import report.dsl.model.TableLayout;
import report.dsl.report.Row;

/**
 * The text of the report file an import produces, written directly in the layout the language's formatter gives
 * (`report format`): one declaration per line, blocks indented with tabs, table rows aligned into a grid. An import
 * of a thousand reports thus needs no parse and format of each one.
 */
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
		line(1, "发布机关 " + string(report.body));
		line(1, "年度 " + report.year);
		line(1, "统计期限 " + report.year + "-01-01 至 " + report.year + "-12-31");
		line(1, "发布日期 " + report.issued);
		if (report.previous != null) {
			line(1, "上年报告 " + report.previous);
		}
		if (!report.summed.isEmpty()) {
			line(1, "汇总 " + String.join("、", report.summed));
		}
		if (report.url != null) {
			line(1, "发布网址 " + string(report.url));
		}
		if (report.preamble != null && !report.preamble.isBlank()) {
			line(1, "导语 " + string(report.preamble));
		}
		for (ImportedReport.Part part : report.parts) {
			line(1, "部分 " + part.type.getName() + (part.printedHeading == null ? "" : " " + string(part.printedHeading)) + " {");
			for (Object content : part.contents) {
				if (content instanceof String paragraph) {
					line(2, phrases.text(paragraph));
				} else if (content instanceof ImportedReport.Section section) {
					line(2, "小节 " + string(section.heading()) + " {");
					section.paragraphs().forEach(p -> line(3, phrases.text(p)));
					line(2, "}");
				}
			}
			report.tables.values().stream().filter(t -> t.type.getPart() == part.type).forEach(this::table);
			line(1, "}");
		}
		out.append("}\n");
	}

	/** One table row as written: the comments above it, its key and its values. */
	private record Line(List<String> comments, String label, List<String> values) {
	}

	/**
	 * A table with its rows aligned as the formatter aligns them: labels padded to one width, the n-th value of every
	 * row right-aligned under each other (Chinese characters two columns wide); the import's comments stay at the
	 * start of their line. A table without rows is {@code 表 X { }}.
	 */
	private void table(ImportedReport.Table table) {
		List<Line> lines = new ArrayList<>();
		for (Map.Entry<Row, List<ImportedReport.Cell>> entry : table.rows.entrySet()) {
			Row row = entry.getKey();
			List<String> comments = table.comments.getOrDefault(row, List.of());
			boolean zero = entry.getValue().stream().allMatch(c -> !c.auto() && c.value().signum() == 0);
			if (zero && comments.isEmpty() && table.type.isOmittedAreZero()) {
				continue;
			}
			lines.add(new Line(comments, TableLayout.keyText(row) + ":", entry.getValue().stream().map(RowReadings::text).toList()));
		}
		if (lines.isEmpty()) {
			line(2, "表 " + table.type.getName() + " { }");
			return;
		}
		int labelWidth = 0;
		List<Integer> valueWidths = new ArrayList<>();
		for (Line line : lines) {
			labelWidth = Math.max(labelWidth, ReportFormatter.width(line.label()));
			for (int i = 0; i < line.values().size(); i++) {
				int width = ReportFormatter.width(line.values().get(i));
				if (i == valueWidths.size()) {
					valueWidths.add(width);
				} else {
					valueWidths.set(i, Math.max(valueWidths.get(i), width));
				}
			}
		}
		line(2, "表 " + table.type.getName() + " {");
		for (Line line : lines) {
			line.comments().forEach(c -> out.append("// 导入：").append(c.replace('\n', ' ')).append('\n'));
			indent(3).append(line.label());
			int padding = labelWidth - ReportFormatter.width(line.label());
			for (int i = 0; i < line.values().size(); i++) {
				String value = line.values().get(i);
				out.append(" ".repeat(1 + valueWidths.get(i) - ReportFormatter.width(value) + (i == 0 ? padding : 0))).append(value);
			}
			out.append('\n');
		}
		line(2, "}");
	}

	private void line(int depth, String text) {
		indent(depth).append(text).append('\n');
	}

	private StringBuilder indent(int depth) {
		return out.append("\t".repeat(depth));
	}

	/** A string of the language: quotes, brackets and backslashes escaped. */
	static String string(String text) {
		return '"' + Phrases.escape(text) + '"';
	}
}
