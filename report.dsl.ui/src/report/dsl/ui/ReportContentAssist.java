package report.dsl.ui;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.CompletionProposal;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.contentassist.IContextInformationValidator;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.contentassist.ContentAssistService;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

/** Content assist through the language's content assist service, in-process. */
public class ReportContentAssist implements IContentAssistProcessor {

	@Override
	public ICompletionProposal[] computeCompletionProposals(ITextViewer viewer, int offset) {
		return proposals(viewer.getDocument(), offset).toArray(new ICompletionProposal[0]);
	}

	public static List<ICompletionProposal> proposals(IDocument document, int offset) {
		String text = document.get();
		XtextResource resource = ReportUi.parse(text, ReportUi.fileOf(document));
		Document ide = new Document(1, text);
		CompletionParams params = new CompletionParams(new TextDocumentIdentifier(resource.getURI().toString()),
				ide.getPosition(offset));
		CompletionList list = ReportUi.injector().getInstance(ContentAssistService.class).createCompletionList(ide, resource,
				params, CancelIndicator.NullImpl);
		List<ICompletionProposal> proposals = new ArrayList<>();
		for (CompletionItem item : list.getItems()) {
			String label = item.getLabel() + (item.getDetail() == null || item.getDetail().isBlank() ? "" : " — " + item.getDetail());
			if (item.getTextEdit() != null && item.getTextEdit().isLeft()) {
				TextEdit edit = item.getTextEdit().getLeft();
				IRegion replaced = ReportUi.region(ide, edit.getRange());
				proposals.add(new CompletionProposal(edit.getNewText(), replaced.getOffset(), replaced.getLength(),
						edit.getNewText().length(), null, label, null, null));
			} else {
				String insert = item.getInsertText() != null ? item.getInsertText() : item.getLabel();
				proposals.add(new CompletionProposal(insert, offset, 0, insert.length(), null, label, null, null));
			}
		}
		return proposals;
	}

	@Override
	public IContextInformation[] computeContextInformation(ITextViewer viewer, int offset) {
		return null;
	}

	@Override
	public char[] getCompletionProposalAutoActivationCharacters() {
		return new char[] { '[', '.', ':' };
	}

	@Override
	public char[] getContextInformationAutoActivationCharacters() {
		return null;
	}

	@Override
	public String getErrorMessage() {
		return null;
	}

	@Override
	public IContextInformationValidator getContextInformationValidator() {
		return null;
	}
}
