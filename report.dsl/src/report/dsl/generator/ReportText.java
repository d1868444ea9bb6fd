package report.dsl.generator;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import report.dsl.model.RuleTerms;
import report.dsl.report.Equation;
import report.dsl.report.Part;
import report.dsl.report.Report;
import report.dsl.report.Sum;
import report.dsl.report.Term;

/** The words of a publication that come from the model rather than from the author's paragraphs. */
public final class ReportText {

	private ReportText() {
	}

	/** 聊城市机关事务管理局2023年政府信息公开工作年度报告 — the body, the year and the report type's title. */
	public static String title(Report report) {
		String typeTitle = report.getType() == null || report.getType().getTitle() == null ? "报告" : report.getType().getTitle();
		return clean(report.getBody()) + report.getYear() + "年" + clean(typeTitle);
	}

	/** The title without the body, for a title block that prints the body on its own line. */
	public static String subtitle(Report report) {
		String typeTitle = report.getType() == null || report.getType().getTitle() == null ? "报告" : report.getType().getTitle();
		return report.getYear() + "年" + clean(typeTitle);
	}

	public static String heading(Part part) {
		if (part.getHeading() != null) {
			return clean(part.getHeading());
		}
		return part.getType() == null || part.getType().eIsProxy() ? "" : clean(part.getType().getHeading());
	}

	/** 2024-01-18 as 2024年1月18日. */
	public static String date(String iso) {
		if (iso == null) {
			return "";
		}
		try {
			LocalDate date = LocalDate.parse(iso);
			return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
		} catch (DateTimeParseException e) {
			return clean(iso);
		}
	}

	/** 一 + 二 = 三.七 + 四: an equation of a rule by the keys of its rows or columns, 上年 before last year's. */
	public static String equation(Equation equation) {
		return sum(equation.getLeft()) + " " + RuleTerms.symbol(equation.getRelation()) + " " + sum(equation.getRight());
	}

	private static String sum(Sum sum) {
		StringBuilder text = new StringBuilder();
		for (Term term : sum.getTerms()) {
			if (text.length() > 0 || term.isNegative()) {
				text.append(term.isNegative() ? " - " : " + ");
			}
			text.append(RuleTerms.text(term, true));
		}
		return text.toString().trim();
	}

	/** Author text without control characters, which no output format can carry faithfully. */
	public static String clean(String text) {
		if (text == null) {
			return "";
		}
		int i = 0;
		while (i < text.length() && kept(text.charAt(i))) {
			i++;
		}
		if (i == text.length()) {
			return text;
		}
		StringBuilder cleaned = new StringBuilder(text.length());
		text.codePoints().filter(ReportText::kept).forEach(cleaned::appendCodePoint);
		return cleaned.toString();
	}

	/** Control characters are all below U+00A0, so a surrogate char (half of a code point) is kept as its code point is. */
	private static boolean kept(int c) {
		return c == '\n' || c == '\t' || !Character.isISOControl(c);
	}
}
