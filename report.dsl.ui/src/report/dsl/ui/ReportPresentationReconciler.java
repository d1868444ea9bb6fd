package report.dsl.ui;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.presentation.PresentationReconciler;
import org.eclipse.jface.text.rules.DefaultDamagerRepairer;

/** Syntax colouring of reports in the generic editor. */
public class ReportPresentationReconciler extends PresentationReconciler {

	public ReportPresentationReconciler() {
		DefaultDamagerRepairer dr = new DefaultDamagerRepairer(new ReportScanner());
		setDamager(dr, IDocument.DEFAULT_CONTENT_TYPE);
		setRepairer(dr, IDocument.DEFAULT_CONTENT_TYPE);
	}
}
