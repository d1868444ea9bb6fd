package report.dsl.cli;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Texts made from seed reports by a few random changes, in the language's vocabulary: the fuzz tests' input. */
final class Mutations {

	/** What mutations insert: the language's keywords and punctuation, and what broke it before. */
	private static final List<String> TOKENS = List.of("{", "}", "\"", "[", "]", ":", "：", ".", "-", "+", "=", ";", "、", ",",
			"\n", "\t", " ", "\u3000", "//", "/*", "*/", "\\", "报告 ", "报告类型 ", "遵循 ", "部分 一 {", "部分 七 {", "小节 \"（一）\" {",
			"表 A {", "表 B {", "表 C { }", "表 T {", "数值 ", "数值 = 148 条", "数值 新 = 1 件", "说明 \"x\"", "上年报告 ",
			"上年报告 聊城市机关事务管理局2023", "年度 ", "年度 2000000000", "年度 0", "20000000000000000000", "发布日期 2024-02-30",
			"统计期限 2023-01-01 至 2023-12-31", "小数", "小数 ", "小数 2147483647", "小数 3", "千分位", "占", "较", "最大余数", "上年 ",
			"自动", "-1", "0", "1.5", "0.0000001", "99999999999999999999", "[B.一]", "[上年 B.四]", "[B.三.一 占 B.三.七 最大余数]",
			"[B.一 较 上年 B.一]", "[C.件数:行政复议.总计]", "[A.行政规范性文件:本年制发件数]", "[网站信息 = 3]", "一:", "三.七:",
			"四: 1 0 0 0 0 0 1", "行 x \"x\"", "列 y \"y\" 小数", "规则 X1 错误 \"x\" 表 B 每列: 一 = 二",
			"规则 X2 警告 \"x\" 表 B 每行: 总计 = 自然人", "图表 \"x\" 表 B: 三.一 占 三.七", "≤", "＜", ">=", "≧",
			"规则 X3 警告 \"x\" : A.行政规范性文件:本年制发件数 ≤ 规范性文件", "数值 规范性文件 ", "数值 主动公开规范性文件 = 0 件",
			"发布期限 次年 01-31", "发布期限 当年 02-30", "<script>alert(1)</script>",
			"<b onclick=\"x\">", "&amp;", "\"><img src=x>", "javascript:", "${x}", "%s", "鲁政办字\\[2020\\]179号",
			// what editors and Chinese input methods produce
			"\r", "\r\n", "\uFEFF", "４０", "２０２３", "年度：2023", "“", "”", "“x”", "至2023", "2023-01-01至2023-12-31", "|", "/",
			"| 1 |", "一: 1 / 2");

	private Mutations() {
	}

	/** Up to five changes to one of the seeds. */
	static Arbitrary<String> of(List<String> seeds) {
		Arbitrary<String> token = Arbitraries.oneOf(Arbitraries.of(TOKENS), Arbitraries.strings().ofMaxLength(4));
		Arbitrary<Mutation> mutation = Combinators.combine(Arbitraries.integers().between(0, Mutation.KINDS - 1),
				Arbitraries.doubles().between(0, 1), Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(0, 40), token)
				.as(Mutation::new);
		return Combinators.combine(Arbitraries.of(seeds), mutation.list().ofMaxSize(5)).as(Mutation::applyAll);
	}

	/** One change to a text at relative positions, so that it applies to a seed of any length. */
	record Mutation(int kind, double at, double other, int length, String token) {
		static final int KINDS = 6;

		static String applyAll(String seed, List<Mutation> mutations) {
			String text = seed;
			for (Mutation mutation : mutations) {
				text = mutation.apply(text);
			}
			return text;
		}

		String apply(String text) {
			int from = boundary(text, (int) (at * text.length()));
			int to = boundary(text, Math.min(text.length(), from + length));
			return switch (kind) {
				case 0 -> text.substring(0, from) + text.substring(to);
				case 1 -> text.substring(0, from) + token + text.substring(from);
				case 2 -> text.substring(0, to) + text.substring(from, to) + text.substring(to);
				case 3 -> text.substring(0, from) + token + text.substring(to);
				case 4 -> swapLines(text);
				default -> replaceNumber(text, from);
			};
		}

		private String swapLines(String text) {
			List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
			int a = index(at, lines.size());
			int b = index(other, lines.size());
			String line = lines.get(a);
			lines.set(a, lines.get(b));
			lines.set(b, line);
			return String.join("\n", lines);
		}

		/** The next run of digits from the position takes another number: 0, huge, negative, a fraction. */
		private String replaceNumber(String text, int from) {
			int start = from;
			while (start < text.length() && !Character.isDigit(text.charAt(start))) {
				start++;
			}
			int end = start;
			while (end < text.length() && Character.isDigit(text.charAt(end))) {
				end++;
			}
			String[] numbers = { "0", "99999999999999999999", "-1", "1.5", "2147483648", String.valueOf(length) };
			return text.substring(0, start) + numbers[index(other, numbers.length)] + text.substring(end);
		}

		private static int index(double fraction, int size) {
			return Math.min(size - 1, (int) (fraction * size));
		}

		private static int boundary(String text, int index) {
			return index > 0 && index < text.length() && Character.isLowSurrogate(text.charAt(index)) ? index - 1 : index;
		}
	}
}
