package report.dsl.ide;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.ide.server.BuildManager.Buildable;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.validation.Issue;

/**
 * Xtext's language server with three changes. An editor that opens a single file without a folder gets an
 * empty folder of the server's own as the workspace root (Xtext needs one, and the file's own folder would
 * make it load every report beside it), removed when the server ends. A change whose range lies outside the
 * document is applied with its positions clamped to the document, as the protocol says for a character past
 * the end of a line. Every diagnostic carries the exact region of its issue, so that a quick fix edits what
 * the checker marked whatever the client sends back as the range.
 */
public class ReportLanguageServerImpl extends LanguageServerImpl {

	@Override
	@SuppressWarnings("deprecation")
	public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
		boolean noRoot = params.getRootUri() == null && params.getRootPath() == null
				&& (params.getWorkspaceFolders() == null || params.getWorkspaceFolders().isEmpty());
		if (noRoot) {
			try {
				var root = Files.createTempDirectory("report-lsp");
				root.toFile().deleteOnExit();
				params.setRootUri(root.toUri().toString());
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return super.initialize(params);
	}

	/** A request no service answers is a method the server does not have, not an internal error. */
	@Override
	public CompletableFuture<?> request(String method, Object parameter) {
		if (!getExtensionProviders().containsKey(method)) {
			throw new ResponseErrorException(new ResponseError(ResponseErrorCode.MethodNotFound, "未知的方法：" + method, null));
		}
		return super.request(method, parameter);
	}

	@Override
	protected Buildable toBuildable(DidChangeTextDocumentParams params) {
		URI uri = getURI(params.getTextDocument());
		Document document = getWorkspaceManager().isDocumentOpen(uri) ? getWorkspaceManager().doRead(uri, (d, r) -> d) : null;
		if (document != null) {
			for (TextDocumentContentChangeEvent change : params.getContentChanges()) {
				document = document.applyTextDocumentChanges(List.of(change.getRange() == null ? change
						: new TextDocumentContentChangeEvent(clamp(change.getRange(), document), change.getText())));
			}
			params.setContentChanges(new ArrayList<>(List.of(new TextDocumentContentChangeEvent(document.getContents()))));
		}
		return super.toBuildable(params);
	}

	private static Range clamp(Range range, Document document) {
		return new Range(clamp(range.getStart(), document), clamp(range.getEnd(), document));
	}

	private static Position clamp(Position position, Document document) {
		int lastLine = Math.max(0, document.getLineCount() - 1);
		if (position.getLine() > lastLine) {
			return new Position(lastLine, document.getLineContent(lastLine).length());
		}
		int line = Math.max(0, position.getLine());
		return new Position(line, Math.max(0, Math.min(position.getCharacter(), document.getLineContent(line).length())));
	}

	@Override
	protected Diagnostic toDiagnostic(Issue issue) {
		Diagnostic diagnostic = super.toDiagnostic(issue);
		IssueData data = IssueData.from(issue);
		if (data != null) {
			diagnostic.setData(data);
		}
		return diagnostic;
	}
}
