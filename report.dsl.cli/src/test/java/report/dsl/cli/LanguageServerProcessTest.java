package report.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import report.dsl.ide.ReportLanguageServer;

/** The server as `report lsp` runs it, over a stream pair, for an editor that opened one file and no folder. */
class LanguageServerProcessTest {

	@Test
	void aSingleFileWithoutAFolderGetsItsDiagnostics(@TempDir Path dir) throws Exception {
		PipedInputStream serverIn = new PipedInputStream();
		PipedOutputStream clientOut = new PipedOutputStream(serverIn);
		PipedInputStream clientIn = new PipedInputStream();
		PipedOutputStream serverOut = new PipedOutputStream(clientIn);
		Thread server = new Thread(() -> {
			try {
				ReportLanguageServer.serve(serverIn, serverOut);
			} catch (Exception e) {
				// the client closed the streams
			}
		});
		server.setDaemon(true);
		server.start();

		CompletableFuture<PublishDiagnosticsParams> diagnostics = new CompletableFuture<>();
		Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(new LanguageClient() {
			@Override
			public void publishDiagnostics(PublishDiagnosticsParams params) {
				if (!params.getDiagnostics().isEmpty()) {
					diagnostics.complete(params);
				}
			}

			@Override
			public void telemetryEvent(Object object) {
			}

			@Override
			public void showMessage(MessageParams message) {
			}

			@Override
			public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams request) {
				return CompletableFuture.completedFuture(null);
			}

			@Override
			public void logMessage(MessageParams message) {
			}
		}, clientIn, clientOut);
		launcher.startListening();
		LanguageServer remote = launcher.getRemoteProxy();

		assertNotNull(remote.initialize(new InitializeParams()).get(60, TimeUnit.SECONDS).getCapabilities());
		remote.initialized(new InitializedParams());
		String text = Files.readString(Path.of("..", "examples", "000-liaocheng-jiguanshiwu-2023.report"))
				.replaceFirst("四:(\\s+)1 0 0 0 0 0 1", "四:$10 0 0 0 0 0 1");
		String uri = Files.writeString(dir.resolve("单个文件.report"), text).toUri().toString();
		remote.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "report", 1, text)));
		PublishDiagnosticsParams published = diagnostics.get(60, TimeUnit.SECONDS);
		assertEquals(List.of("B1", "B3"), published.getDiagnostics().stream().map(d -> d.getCode().getLeft()).toList());
		remote.shutdown().get(30, TimeUnit.SECONDS); // no exit: Xtext's server ends the JVM on exit
	}
}
