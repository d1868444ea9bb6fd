package report.dsl.model;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.emf.ecore.EStructuralFeature;

import report.dsl.report.Deadline;
import report.dsl.report.DeadlineYear;
import report.dsl.report.Report;
import report.dsl.report.ReportPackage.Literals;

/** The metadata lines of a report, by keyword in their usual order, and which of them every report states. */
public final class ReportMetadata {

	private ReportMetadata() {
	}

	private static final Map<String, EStructuralFeature> LINES = new LinkedHashMap<>();
	static {
		LINES.put("发布机关", Literals.REPORT__BODY);
		LINES.put("年度", Literals.REPORT__YEAR);
		LINES.put("统计期限", Literals.REPORT__PERIOD_START);
		LINES.put("发布日期", Literals.REPORT__ISSUED);
		LINES.put("发布网址", Literals.REPORT__URL);
		LINES.put("联系方式", Literals.REPORT__CONTACT);
		LINES.put("上年报告", Literals.REPORT__PREVIOUS);
		LINES.put("导语", Literals.REPORT__PREAMBLE);
		LINES.put("汇总", Literals.REPORT__SUMMARY);
	}

	public static final List<String> REQUIRED = List.of("发布机关", "年度", "统计期限", "发布日期");

	public static List<String> keywords() {
		return List.copyOf(LINES.keySet());
	}

	/**
	 * The last day on which a report of the year may be issued under its type's deadline (发布期限 次年 01-31: 31 January
	 * of the following year); none when the type declares none or the month and day do not exist.
	 */
	public static Optional<LocalDate> dueDate(Deadline deadline, int year) {
		if (deadline == null || deadline.getMonthDay() == null) {
			return Optional.empty();
		}
		try {
			MonthDay monthDay = MonthDay.parse("--" + deadline.getMonthDay());
			return Optional.of(monthDay.atYear(deadline.getYear() == DeadlineYear.FOLLOWING ? year + 1 : year));
		} catch (DateTimeParseException e) {
			return Optional.empty();
		}
	}

	/** How a report is named among others (a summary's parts): its issuing body, else its name. */
	public static String issuer(Report report) {
		return report.getBody() != null && !report.getBody().isBlank() ? report.getBody() : report.getName();
	}

	/** The feature a metadata keyword sets; none for other words. */
	public static Optional<EStructuralFeature> feature(String keyword) {
		return Optional.ofNullable(LINES.get(keyword));
	}
}
