package report.dsl.ide;

import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;

/** Xtext's proposals without the keyword the user has just typed (after {@code [C.件数:} it offered {@code :} again). */
public class ReportContentProposals extends IdeContentProposalProvider {

	@Override
	protected boolean filterKeyword(Keyword keyword, ContentAssistContext context) {
		return !keyword.getValue().equals(context.getPrefix()) && super.filterKeyword(keyword, context);
	}
}
