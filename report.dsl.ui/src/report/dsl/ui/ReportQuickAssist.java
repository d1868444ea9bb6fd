package report.dsl.ui;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.quickassist.IQuickAssistInvocationContext;
import org.eclipse.jface.text.quickassist.IQuickAssistProcessor;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;

/** Quick fixes (Ctrl+1) from the language's code actions, keyed on the checker's issue codes and data. */
public class ReportQuickAssist implements IQuickAssistProcessor {

	@Override
	public String getErrorMessage() {
		return null;
	}

	@Override
	public boolean canFix(Annotation annotation) {
		return annotation instanceof ReportAnnotation a && a.getCode() != null;
	}

	@Override
	public boolean canAssist(IQuickAssistInvocationContext context) {
		return false;
	}

	@Override
	public ICompletionProposal[] computeQuickAssistProposals(IQuickAssistInvocationContext context) {
		IDocument document = context.getSourceViewer().getDocument();
		int length = Math.max(context.getLength(), 0);
		return proposals(document, context.getOffset(), length).toArray(new ICompletionProposal[0]);
	}

	public static List<FixProposal> proposals(IDocument document, int offset, int length) {
		List<FixProposal> proposals = new ArrayList<>();
		for (ReportUi.Fix fix : ReportUi.quickFixes(document, offset, length)) {
			proposals.add(new FixProposal(fix));
		}
		return proposals;
	}

	/** A quick fix as a proposal of the quick assist popup. */
	public static final class FixProposal implements ICompletionProposal {

		private final ReportUi.Fix fix;

		FixProposal(ReportUi.Fix fix) {
			this.fix = fix;
		}

		public ReportUi.Fix fix() {
			return fix;
		}

		@Override
		public void apply(IDocument document) {
			try {
				fix.apply(document);
			} catch (BadLocationException e) {
				throw new IllegalStateException(e);
			}
		}

		@Override
		public Point getSelection(IDocument document) {
			return null;
		}

		@Override
		public String getAdditionalProposalInfo() {
			return null;
		}

		@Override
		public String getDisplayString() {
			return fix.title();
		}

		@Override
		public Image getImage() {
			return null;
		}

		@Override
		public IContextInformation getContextInformation() {
			return null;
		}
	}
}
