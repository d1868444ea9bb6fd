package report.dsl.tests;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds report texts for tests: a complete, balanced 2021-format report by default, with any part,
 * table or metadata line replaced. Tests change only what they are about.
 */
final class Reports {

	private final Map<String, String> metadata = new LinkedHashMap<>();
	private final Map<String, String> parts = new LinkedHashMap<>();
	private String name = "测试局2023";
	private String figures = "\t数值 网站信息 = 614 条\n";
	private String previous = "";

	private Reports() {
		metadata.put("发布机关", "\"测试局\"");
		metadata.put("年度", "2023");
		metadata.put("统计期限", "2023-01-01 至 2023-12-31");
		metadata.put("发布日期", "2024-01-18");
		parts.put("一", "\"全年网站公开信息[网站信息]条，收到申请[B.一]件。\"");
		parts.put("二", "表 A {\n\t\t\t行政规范性文件: 1 1 1\n\t\t}");
		parts.put("三", "表 B {\n\t\t\t一: 3 0 0 0 0 0 3\n\t\t\t三.一: 2 0 0 0 0 0 2\n\t\t\t三.七: 2 0 0 0 0 0 2\n\t\t\t四: 1 0 0 0 0 0 1\n\t\t}");
		parts.put("四", "表 C { }");
		parts.put("五", "\"无。\"");
		parts.put("六", "\"无。\"");
	}

	static Reports balanced() {
		return new Reports();
	}

	Reports named(String reportName) {
		this.name = reportName;
		return this;
	}

	Reports meta(String keyword, String value) {
		metadata.put(keyword, value);
		return this;
	}

	Reports withoutMeta(String keyword) {
		metadata.remove(keyword);
		return this;
	}

	Reports part(String key, String content) {
		parts.put(key, content);
		return this;
	}

	Reports withoutPart(String key) {
		parts.remove(key);
		return this;
	}

	Reports tableB(String rows) {
		return part("三", "表 B {\n" + rows + "\n\t\t}");
	}

	Reports tableA(String rows) {
		return part("二", "表 A {\n" + rows + "\n\t\t}");
	}

	Reports tableC(String rows) {
		return part("四", "表 C {\n" + rows + "\n\t\t}");
	}

	Reports narrative(String paragraph) {
		return part("一", paragraph);
	}

	Reports figures(String declarations) {
		this.figures = declarations;
		return this;
	}

	Reports previous(String reportName) {
		this.previous = "\t上年报告 " + reportName + "\n";
		return this;
	}

	String text() {
		StringBuilder text = new StringBuilder("报告 " + name + " 遵循 政府信息公开年报2021 {\n");
		metadata.forEach((k, v) -> text.append('\t').append(k).append(' ').append(v).append('\n'));
		text.append(previous).append(figures);
		parts.forEach((k, v) -> text.append("\t部分 ").append(k).append(" {\n\t\t").append(v).append("\n\t}\n"));
		return text.append("}\n").toString();
	}

	@Override
	public String toString() {
		return text();
	}
}
