package report.dsl.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.emf.ecore.EStructuralFeature;

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

	/** How a report is named among others (a summary's parts): its issuing body, else its name. */
	public static String issuer(Report report) {
		return report.getBody() != null && !report.getBody().isBlank() ? report.getBody() : report.getName();
	}

	/** The feature a metadata keyword sets; none for other words. */
	public static Optional<EStructuralFeature> feature(String keyword) {
		return Optional.ofNullable(LINES.get(keyword));
	}
}
