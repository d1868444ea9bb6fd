package report.dsl.ide;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.xtext.ide.server.ILanguageServerAccess;
import org.eclipse.xtext.ide.server.rename.RenameService2;
import org.eclipse.xtext.ide.server.rename.ServerRefactoringIssueAcceptor;
import org.eclipse.xtext.resource.XtextResource;

/**
 * Xtext's rename, answering a new name that is not a name (a keyword, punctuation, white space) with an error that
 * says so, and finding nothing to rename in a document whose parse recovered no model.
 */
public class ReportRenameService extends RenameService2 {

	@Override
	protected void applyModifications(EObject element, WorkspaceEdit edit, ServerRefactoringIssueAcceptor issues, Options options,
			ILanguageServerAccess.Context context) {
		try {
			super.applyModifications(element, edit, issues, options, context);
		} catch (RuntimeException e) {
			// what fails here is the serializer writing the new name: the value converter refuses it (a keyword,
			// punctuation) or the lexer makes no name of it (white space)
			throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams,
					"「" + options.getRenameParams().getNewName() + "」不能用作名称", null));
		}
	}

	@Override
	protected EObject getElementWithIdentifierAt(XtextResource resource, int offset) {
		return resource.getContents().isEmpty() ? null : super.getElementWithIdentifierAt(resource, offset);
	}
}
