package report.dsl.benchmarks;

import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;

import report.dsl.ide.ReportLanguageServer;

/**
 * What an editor waits for after a keystroke: the time from didChange to publishDiagnostics for a
 * one-character edit of a full annual report (example 003), warm, over the JSON-RPC protocol; then the time a
 * semantic-tokens request for the whole report takes.
 * Run: java -cp report.dsl.benchmarks/target/benchmarks.jar report.dsl.benchmarks.LanguageServerLatency [edits]
 */
public final class LanguageServerLatency {

	private static final int WARM_UP = 100;

	private LanguageServerLatency() {
	}

	public static void main(String[] args) throws Exception {
		int edits = args.length > 0 ? Integer.parseInt(args[0]) : 300;
		PipedInputStream serverIn = new PipedInputStream(1 << 16);
		PipedOutputStream clientOut = new PipedOutputStream(serverIn);
		PipedInputStream clientIn = new PipedInputStream(1 << 16);
		PipedOutputStream serverOut = new PipedOutputStream(clientIn);
		Thread server = new Thread(() -> {
			try {
				ReportLanguageServer.serve(serverIn, serverOut, Runtime.getRuntime().availableProcessors());
			} catch (Exception e) {
				// ends with the client
			}
		});
		server.setDaemon(true);
		server.start();

		LinkedBlockingQueue<Long> published = new LinkedBlockingQueue<>();
		Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(new DiagnosticsClient(diagnostics -> published.add(System.nanoTime())), clientIn, clientOut);
		launcher.startListening();
		LanguageServer remote = launcher.getRemoteProxy();
		Path root = Files.createTempDirectory("latency");
		InitializeParams init = new InitializeParams();
		init.setRootUri(root.toUri().toString());
		remote.initialize(init).get(60, TimeUnit.SECONDS);
		remote.initialized(new InitializedParams());

		String text = Examples.text(Examples.FULL_REPORT);
		String uri = root.resolve("report.report").toUri().toString();
		List<String> lines = text.lines().toList();
		int line = lines.indexOf(lines.stream().filter(l -> l.strip().startsWith("三.一:")).findFirst().orElseThrow());
		int column = lines.get(line).indexOf("14") + 1; // the 4 of 14: 14 ↔ 15 makes rule errors come and go
		remote.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "report", 1, text)));
		published.poll(60, TimeUnit.SECONDS);

		List<Double> millis = new ArrayList<>();
		for (int i = 0; i < WARM_UP + edits; i++) {
			published.clear();
			String digit = i % 2 == 0 ? "5" : "4";
			TextDocumentContentChangeEvent change = new TextDocumentContentChangeEvent(
					new Range(new Position(line, column), new Position(line, column + 1)), digit);
			long start = System.nanoTime();
			remote.getTextDocumentService().didChange(
					new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, i + 2), List.of(change)));
			Long arrived = published.poll(60, TimeUnit.SECONDS);
			if (arrived == null) {
				throw new IllegalStateException("no diagnostics after edit " + i);
			}
			if (i >= WARM_UP) {
				millis.add((arrived - start) / 1e6);
			}
		}
		print("didChange → publishDiagnostics over " + edits + " one-character edits of example 003 (warm, after " + WARM_UP + ")", millis);

		// what a client asks next to colour the names: the whole document's semantic tokens
		List<Double> tokens = new ArrayList<>();
		for (int i = 0; i < WARM_UP + edits; i++) {
			long start = System.nanoTime();
			remote.getTextDocumentService().semanticTokensFull(new SemanticTokensParams(new TextDocumentIdentifier(uri))).get(60, TimeUnit.SECONDS);
			if (i >= WARM_UP) {
				tokens.add((System.nanoTime() - start) / 1e6);
			}
		}
		print("semanticTokens/full of example 003, " + edits + " requests (warm, after " + WARM_UP + ")", tokens);
		remote.shutdown().get(30, TimeUnit.SECONDS);
		System.exit(0);
	}

	private static void print(String what, List<Double> millis) {
		Collections.sort(millis);
		System.out.printf("%s:%n  median %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n", what, at(millis, 0.5), at(millis, 0.9),
				at(millis, 0.99), millis.get(millis.size() - 1));
	}

	private static double at(List<Double> sorted, double quantile) {
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(quantile * sorted.size())));
	}
}
