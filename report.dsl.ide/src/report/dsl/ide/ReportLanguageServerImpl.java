package report.dsl.ide;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.concurrent.CompletableFuture;

import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.xtext.ide.server.LanguageServerImpl;

/**
 * Xtext's language server, also for an editor that opens a single file without a folder: Xtext needs
 * a workspace root, and the file's own folder would make it load every report beside it, so the
 * server gets an empty folder of its own.
 */
public class ReportLanguageServerImpl extends LanguageServerImpl {

	@Override
	@SuppressWarnings("deprecation")
	public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
		boolean noRoot = params.getRootUri() == null && params.getRootPath() == null
				&& (params.getWorkspaceFolders() == null || params.getWorkspaceFolders().isEmpty());
		if (noRoot) {
			try {
				params.setRootUri(Files.createTempDirectory("report-lsp").toUri().toString());
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return super.initialize(params);
	}
}
