package report.dsl.linking;

import java.util.Map;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.xtext.diagnostics.Diagnostic;
import org.eclipse.xtext.diagnostics.DiagnosticMessage;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.linking.impl.LinkingDiagnosticMessageProvider;

import report.dsl.report.ReportPackage.Literals;

/** Unknown names, said in the language of the report: "表B中没有行「三.九」". */
public class ReportLinkingDiagnostics extends LinkingDiagnosticMessageProvider {

	private static final Map<EClass, String> KINDS = Map.of(
			Literals.ROW, "行",
			Literals.COLUMN, "列",
			Literals.AXIS, "行或列",
			Literals.NAMED, "数值或表格行",
			Literals.TABLE_TYPE, "表",
			Literals.PART_TYPE, "部分",
			Literals.REPORT_TYPE, "报告类型",
			Literals.REPORT, "报告");

	@Override
	public DiagnosticMessage getUnresolvedProxyMessage(ILinkingDiagnosticContext context) {
		EClass type = context.getReference().getEReferenceType();
		String kind = KINDS.getOrDefault(type, type.getName());
		String message = "未知的" + kind + "「" + context.getLinkText() + "」";
		if (type == Literals.REPORT) {
			message += "：请把上年度报告与本报告一起加载（同一目录或同一次检查）";
		} else if (type == Literals.REPORT_TYPE) {
			message += "：内置的报告类型是 政府信息公开年报2021";
		}
		return new DiagnosticMessage(message, Severity.ERROR, Diagnostic.LINKING_DIAGNOSTIC);
	}
}
