package report.dsl.linking;

import java.util.Map;
import java.util.regex.Pattern;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.diagnostics.Diagnostic;
import org.eclipse.xtext.diagnostics.DiagnosticMessage;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.linking.impl.LinkingDiagnosticMessageProvider;

import report.dsl.report.Binding;
import report.dsl.report.ReportPackage.Literals;
import report.dsl.report.Term;
import report.dsl.report.ValueRef;
import report.dsl.validation.IssueCodes;

/** Unknown names, said in the language of the report: "表B中没有行「三.九」". */
public class ReportLinkingDiagnostics extends LinkingDiagnosticMessageProvider {

	private static final Map<EClass, String> KINDS = Map.of(
			Literals.ROW, "行",
			Literals.COLUMN, "列",
			Literals.AXIS, "行或列",
			Literals.NAMED, "数值或表格行",
			Literals.OPERAND, "行、列或数值",
			Literals.TABLE_TYPE, "表",
			Literals.PART_TYPE, "部分",
			Literals.REPORT_TYPE, "报告类型",
			Literals.REPORT, "报告");

	/** A number alone in brackets is never a bound value (no figure's name starts with a digit): "鲁政办字[2020]179号". */
	private static final Pattern BRACKETED_NUMBER = Pattern.compile("\\d+");

	@Override
	public DiagnosticMessage getUnresolvedProxyMessage(ILinkingDiagnosticContext context) {
		if (isBracketedText(context)) {
			String text = context.getLinkText();
			return new DiagnosticMessage("「[" + text + "]」不是绑定的数值：正文里的方括号（如文号）请写作「\\[" + text + "\\]」",
					Severity.ERROR, IssueCodes.BRACKETED_TEXT, "\\[" + text + "\\]");
		}
		if (columnOfAnUnknownRow(context)) {
			return null; // the unknown row is the one message: which columns it has is not known
		}
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

	private static boolean columnOfAnUnknownRow(ILinkingDiagnosticContext context) {
		EObject row = context.getContext() instanceof Term term && context.getReference() == Literals.TERM__COLUMN ? term.getOperand()
				: context.getContext() instanceof ValueRef ref && context.getReference() == Literals.VALUE_REF__COLUMN ? ref.getTarget()
				: null;
		return row != null && row.eIsProxy();
	}

	/** A bracket in a paragraph holding nothing but a number, with no column, option or arithmetic. */
	private static boolean isBracketedText(ILinkingDiagnosticContext context) {
		// eIsSet, not the getters: they would resolve the links being diagnosed
		return context.getContext() instanceof ValueRef ref && !ref.eIsSet(Literals.VALUE_REF__COLUMN) && !ref.isPreviousYear()
				&& ref.eContainer() instanceof Binding binding && binding.getValue() == ref && binding.getAdded().isEmpty()
				&& !binding.eIsSet(Literals.BINDING__SHARE) && !binding.eIsSet(Literals.BINDING__BASE) && !binding.isGrouping()
				&& !binding.eIsSet(Literals.BINDING__DECIMALS) && binding.getStated() == null
				&& BRACKETED_NUMBER.matcher(context.getLinkText()).matches();
	}
}
