package report.dsl.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Variants of a real report: the same text under another report name, with Tables B and C filled with
 * random figures that still satisfy every balance rule of the 2021 format, so that a batch of variants
 * costs the checker what a batch of correct annual reports would.
 */
public final class ReportVariants {

	private static final Pattern REPORT_NAME = Pattern.compile("(?m)^报告 (\\S+) 遵循");

	/** Table B's leaf columns are 自然人, the five kinds of 法人或其他组织, then 总计. */
	private static final int APPLICANT_KINDS = 6;

	/**
	 * The leaf rows of 三、本年度办理结果 with how often each outcome occurs in real reports: most requests
	 * are answered in full or in part, or the information does not exist.
	 */
	private static final Map<String, Integer> OUTCOME_WEIGHTS = outcomeWeights();

	private static final int C_GROUPS = 3; // 行政复议, 未经复议直接起诉, 复议后起诉
	private static final int C_RESULTS = 4; // 结果维持, 结果纠正, 其他结果, 尚未审结, each group then its 总计

	private ReportVariants() {
	}

	/** The example's text renamed for the index, with new Tables B and C drawn from random. */
	public static String of(String example, int index, Random random) {
		Matcher name = REPORT_NAME.matcher(example);
		if (!name.find()) {
			throw new IllegalArgumentException("not a report: no 报告 NAME 遵循 line");
		}
		String text = name.replaceFirst(Matcher.quoteReplacement("报告 " + name.group(1) + "_" + index + " 遵循"));
		text = replaceTable(text, "B", indent -> tableB(indent, random));
		return replaceTable(text, "C", indent -> tableC(indent, random));
	}

	private static String replaceTable(String text, String table, Function<String, String> rowsAtIndent) {
		Matcher matcher = Pattern.compile("(?m)^([ \\t]*)表 " + table + " \\{[^}]*\\}").matcher(text);
		if (!matcher.find()) {
			return text; // a report without the table is checked as it is
		}
		String indent = matcher.group(1);
		String rows = rowsAtIndent.apply(indent + "\t");
		String replacement = indent + "表 " + table + " {\n" + rows + indent + "}";
		return text.substring(0, matcher.start()) + replacement + text.substring(matcher.end());
	}

	/**
	 * Table B column by column: requests handled this year spread over the outcomes, some carried over
	 * from last year and into next year, and 一 (new requests) making up the difference, so that
	 * 一 + 二 = 三.七 + 四 (B1), 三.七 is the sum of the outcomes (B2) and 总计 the sum of the applicants (B3).
	 */
	static String tableB(String indent, Random random) {
		Map<String, int[]> rows = new LinkedHashMap<>();
		for (String row : List.of("一", "二")) {
			rows.put(row, new int[APPLICANT_KINDS + 1]);
		}
		OUTCOME_WEIGHTS.keySet().forEach(row -> rows.put(row, new int[APPLICANT_KINDS + 1]));
		rows.put("三.七", new int[APPLICANT_KINDS + 1]);
		rows.put("四", new int[APPLICANT_KINDS + 1]);

		int totalWeight = OUTCOME_WEIGHTS.values().stream().mapToInt(Integer::intValue).sum();
		for (int kind = 0; kind < APPLICANT_KINDS; kind++) {
			// 自然人 always has requests, so that shares of 三.七 in the narrative have a whole to divide by
			int handled = kind == 0 ? 1 + random.nextInt(random.nextInt(10) == 0 ? 400 : 60)
					: random.nextInt(10) < 3 ? 1 + random.nextInt(8) : 0;
			for (int i = 0; i < handled; i++) {
				rows.get(pick(random.nextInt(totalWeight)))[kind]++;
			}
			int carriedOut = random.nextInt(5) == 0 ? 1 + random.nextInt(3) : 0;
			int carriedIn = random.nextInt(4) == 0 ? random.nextInt(Math.min(3, handled + carriedOut) + 1) : 0;
			rows.get("三.七")[kind] = handled;
			rows.get("四")[kind] = carriedOut;
			rows.get("二")[kind] = carriedIn;
			rows.get("一")[kind] = handled + carriedOut - carriedIn;
		}
		StringBuilder text = new StringBuilder();
		rows.forEach((row, values) -> {
			values[APPLICANT_KINDS] = IntStream.of(values).limit(APPLICANT_KINDS).sum();
			// the table omits what is zero, as published reports do; 一 and 三.七 are always printed
			if (values[APPLICANT_KINDS] > 0 || row.equals("一") || row.equals("三.七")) {
				text.append(indent).append(row).append(": ").append(joined(values)).append('\n');
			}
		});
		return text.toString();
	}

	/** Table C's one row: mostly no cases at all, otherwise a few per group with each group's 总计 (C4). */
	static String tableC(String indent, Random random) {
		int[] values = new int[C_GROUPS * (C_RESULTS + 1)];
		for (int group = 0; group < C_GROUPS; group++) {
			if (random.nextInt(4) != 0) {
				continue;
			}
			int first = group * (C_RESULTS + 1);
			for (int result = 0; result < C_RESULTS; result++) {
				values[first + result] = random.nextInt(result == 0 ? 4 : 2);
			}
			values[first + C_RESULTS] = Arrays.stream(values, first, first + C_RESULTS).sum();
		}
		return Arrays.stream(values).allMatch(v -> v == 0) ? "" : indent + "件数: " + joined(values) + "\n";
	}

	private static String pick(int ticket) {
		for (Map.Entry<String, Integer> outcome : OUTCOME_WEIGHTS.entrySet()) {
			ticket -= outcome.getValue();
			if (ticket < 0) {
				return outcome.getKey();
			}
		}
		throw new IllegalArgumentException("ticket beyond the total weight");
	}

	private static String joined(int[] values) {
		return Arrays.stream(values).mapToObj(Integer::toString).collect(Collectors.joining(" "));
	}

	private static Map<String, Integer> outcomeWeights() {
		Map<String, Integer> weights = new LinkedHashMap<>();
		weights.put("三.一", 40);
		weights.put("三.二", 10);
		for (String row : rows("三.三", 8)) {
			weights.put(row, 1);
		}
		weights.put("三.四.1", 20);
		weights.put("三.四.2", 3);
		weights.put("三.四.3", 2);
		for (String row : rows("三.五", 5)) {
			weights.put(row, 1);
		}
		weights.put("三.六.1", 2);
		weights.put("三.六.2", 1);
		weights.put("三.六.3", 3);
		return weights;
	}

	private static List<String> rows(String parent, int count) {
		List<String> rows = new ArrayList<>(count);
		for (int i = 1; i <= count; i++) {
			rows.add(parent + "." + i);
		}
		return rows;
	}
}
