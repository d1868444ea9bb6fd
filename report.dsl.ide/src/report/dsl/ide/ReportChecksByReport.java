package report.dsl.ide;

import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.notify.impl.AdapterImpl;
import org.eclipse.emf.common.util.BasicDiagnostic;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.common.util.DiagnosticChain;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EValidator;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.validation.CancelableDiagnostician;
import org.eclipse.xtext.validation.CheckMode;

import com.google.inject.Inject;

import report.dsl.report.Report;
import report.dsl.report.ReportFile;
import report.dsl.scoping.ReportTypeLibrary;
import report.dsl.resource.ReportResource;

/**
 * The checker as the editors run it: a file of many reports is checked report by report, and a report whose text did
 * not change since its last check keeps that check's findings instead of being checked again, so that an edit of one
 * report of a long file checks that report only. The editors edit a file in place (Xtext's partial parsing, see
 * {@link EditReparsingBuilder}), which keeps the untouched reports' objects; the findings refer to those objects, so
 * they are placed where the report now stands. Only a report whose findings depend on nothing but its own text and the
 * shipped report types keeps them: not one with last year's report or a summary's parts, not one following a report
 * type of the workspace, and not while the file has a syntax error (which silences some checks). The checks of the file
 * as a whole (a name used twice) run every time.
 */
public class ReportChecksByReport extends CancelableDiagnostician {

	@Inject
	public ReportChecksByReport(EValidator.Registry registry) {
		super(registry);
	}

	@Override
	protected boolean doValidateContents(EObject object, DiagnosticChain diagnostics, Map<Object, Object> context) {
		if (!(object instanceof ReportFile) || diagnostics == null || !parsed(object.eResource())) {
			return super.doValidateContents(object, diagnostics, context);
		}
		boolean valid = true;
		for (EObject child : object.eContents()) {
			valid &= child instanceof Report report && dependsOnItsTextOnly(report) ? checkedOnce(report, diagnostics, context)
					: validate(child, diagnostics, context);
		}
		return valid;
	}

	private boolean checkedOnce(Report report, DiagnosticChain diagnostics, Map<Object, Object> context) {
		ICompositeNode node = NodeModelUtils.getNode(report);
		String text = node == null ? null : node.getText();
		Object mode = context.get(CheckMode.KEY);
		Checked last = (Checked) EcoreUtil.getExistingAdapter(report, Checked.class);
		if (last == null || text == null || !text.equals(last.text) || mode != last.mode) {
			BasicDiagnostic findings = new BasicDiagnostic();
			boolean valid = validate(report, findings, context);
			if (last != null) {
				report.eAdapters().remove(last);
			}
			last = new Checked(text, mode, valid, List.copyOf(findings.getChildren()));
			report.eAdapters().add(last);
		}
		last.findings.forEach(diagnostics::add);
		return last.valid;
	}

	/** Whether the file parsed without a syntax error and decoded: otherwise some checks are silenced (ConcernValidator). */
	private static boolean parsed(Resource resource) {
		return resource instanceof ReportResource file && file.getParseResult() != null && !file.getParseResult().hasSyntaxErrors()
				&& file.source().undecodable().isEmpty();
	}

	private static boolean dependsOnItsTextOnly(Report report) {
		return report.getPrevious() == null && report.getSummary() == null && report.getType() != null && !report.getType().eIsProxy()
				&& ReportTypeLibrary.declares(report.getType());
	}

	/** A report's findings as of its last check, and the text they were found in. */
	private static final class Checked extends AdapterImpl {
		private final String text;
		private final Object mode;
		private final boolean valid;
		private final List<Diagnostic> findings;

		Checked(String text, Object mode, boolean valid, List<Diagnostic> findings) {
			this.text = text;
			this.mode = mode;
			this.valid = valid;
			this.findings = findings;
		}

		@Override
		public boolean isAdapterForType(Object type) {
			return type == Checked.class;
		}
	}
}
