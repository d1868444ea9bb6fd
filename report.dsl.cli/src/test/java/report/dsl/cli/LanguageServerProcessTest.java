package report.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
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

/** The server as `report lsp` runs it: in a process started as VS Code starts it, and for an editor with no folder. */
class LanguageServerProcessTest {

	/**
	 * vscode-languageclient appends `--stdio` to the command of a server it talks to over stdio (others also pass
	 * `--clientProcessId`); `report lsp` must start on that, not stop on an unknown option.
	 */
	@Test
	void reportLspAnswersInitializeWhenStartedAsLanguageClientsStartIt(@TempDir Path dir) throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Path stderr = dir.resolve("stderr.txt");
		Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ReportCli.class.getName(),
				"lsp", "--stdio", "--clientProcessId=" + ProcessHandle.current().pid())
				.directory(dir.toFile()).redirectError(stderr.toFile()).start();
		try {
			Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client(params -> {
			}), process.getInputStream(), process.getOutputStream());
			launcher.startListening();
			LanguageServer remote = launcher.getRemoteProxy();
			InitializeParams params = new InitializeParams();
			params.setRootUri(dir.toUri().toString());
			CompletableFuture<InitializeResult> initialized = remote.initialize(params);
			CompletableFuture.anyOf(initialized, process.onExit()).get(90, TimeUnit.SECONDS);
			assertTrue(initialized.isDone(), () -> "report lsp exited with " + process.exitValue() + ": " + read(stderr));
			assertNotNull(initialized.get().getCapabilities().getHoverProvider());
			remote.shutdown().get(30, TimeUnit.SECONDS);
			remote.exit();
			assertTrue(process.waitFor(30, TimeUnit.SECONDS), "report lsp did not end on exit");
		} finally {
			process.destroyForcibly();
		}
	}

	@Test
	void bothStdioAndSocketIsAUsageError() {
		StringWriter err = new StringWriter();
		int code = ReportCli.run(new String[] { "lsp", "--stdio", "--socket", "5007" }, new PrintWriter(new StringWriter()),
				new PrintWriter(err, true));
		assertEquals(ReportCli.USAGE, code);
		assertTrue(err.toString().contains("--stdio 与 --socket 只能选一个"), err::toString);
	}

	@Test
	void aSingleFileWithoutAFolderGetsItsDiagnostics(@TempDir Path dir) throws Exception {
		PipedInputStream serverIn = new PipedInputStream();
		PipedOutputStream clientOut = new PipedOutputStream(serverIn);
		PipedInputStream clientIn = new PipedInputStream();
		PipedOutputStream serverOut = new PipedOutputStream(clientIn);
		Thread server = new Thread(() -> {
			try {
				ReportLanguageServer.serve(serverIn, serverOut, Runtime.getRuntime().availableProcessors());
			} catch (Exception e) {
				// the client closed the streams
			}
		});
		server.setDaemon(true);
		server.start();

		CompletableFuture<PublishDiagnosticsParams> diagnostics = new CompletableFuture<>();
		Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client(params -> {
			if (!params.getDiagnostics().isEmpty()) {
				diagnostics.complete(params);
			}
		}), clientIn, clientOut);
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

	/** A client that shows nothing and hands published diagnostics to {@code diagnostics}. */
	static LanguageClient client(Consumer<PublishDiagnosticsParams> diagnostics) {
		return new LanguageClient() {
			@Override
			public void publishDiagnostics(PublishDiagnosticsParams params) {
				diagnostics.accept(params);
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
		};
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		} catch (IOException e) {
			return e.toString();
		}
	}
}
