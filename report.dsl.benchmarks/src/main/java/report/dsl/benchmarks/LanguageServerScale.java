package report.dsl.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * The language server at scale, as an editor runs it: `java -Xmx1g -jar report.jar lsp` as a separate process,
 * driven over its standard streams with LSP4J's client. First one document holding 1, 5, 20 and 50 reports (copies
 * of example 003 under their own names): the time from didOpen to its diagnostics, from a one-character edit to its
 * diagnostics (median), and the median time of folding, outline (documentSymbol), semantic tokens and completion.
 * Then a workspace folder of FILES report files: the time from the process's start to the diagnostics of every file,
 * the process's CPU and peak memory, and what an edit of one file re-checks.
 * Run: java -cp benchmarks.jar report.dsl.benchmarks.LanguageServerScale [REPORT_JAR [FILES [REQUESTS]]]
 */
public final class LanguageServerScale {

	private static final Pattern REPORT_NAME = Pattern.compile("(?m)^报告 (\\S+) 遵循");
	private static final int WARM_UP = 20;

	private LanguageServerScale() {
	}

	public static void main(String[] args) throws Exception {
		Path jar = Path.of(args.length > 0 ? args[0] : "report.dsl.cli/target/report.jar");
		int files = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
		int requests = args.length > 2 ? Integer.parseInt(args[2]) : 30;
		List<Integer> sizes = List.of(System.getProperty("report.lsp.reports", "1,5,20,50").split(",")).stream().map(Integer::valueOf).toList();
		oneDocument(jar, requests, sizes);
		if (files > 0) {
			workspace(jar, files);
		}
		System.exit(0);
	}

	/** One document of 1 … 50 reports, in one server, largest last. */
	private static void oneDocument(Path jar, int requests, List<Integer> sizes) throws Exception {
		Path root = Files.createTempDirectory("lsp-scale");
		try (Server server = Server.start(jar, root)) {
			System.out.println("median wall ms (server CPU ms per request) after " + WARM_UP + " warm-up requests, over " + requests);
			System.out.printf("%-8s %-14s %-16s %-14s %-14s %-14s %-14s%n", "reports", "didOpen", "edit→diagnostics", "folding", "outline",
					"semantic tok.", "completion");
			for (int reports : sizes) {
				String text = reports(reports);
				String uri = root.resolve("reports-" + reports + ".report").toUri().toString();
				long start = System.nanoTime();
				server.remote.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "report", 1, text)));
				server.awaitDiagnostics(uri);
				double open = (System.nanoTime() - start) / 1e6;

				List<String> lines = text.lines().toList();
				int line = lastIndexOf(lines, l -> l.strip().startsWith("三.一:"));
				int column = lines.get(line).indexOf("14") + 1; // 14 ↔ 15 makes rule errors come and go
				List<Double> edits = new ArrayList<>();
				double editCpu = 0;
				for (int i = 0; i < WARM_UP + requests; i++) {
					if (i == WARM_UP) {
						editCpu = server.cpuSeconds();
					}
					TextDocumentContentChangeEvent change = new TextDocumentContentChangeEvent(
							new Range(new Position(line, column), new Position(line, column + 1)), i % 2 == 0 ? "5" : "4");
					server.published.remove(uri);
					long editStart = System.nanoTime();
					server.remote.getTextDocumentService().didChange(
							new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, i + 2), List.of(change)));
					server.awaitDiagnostics(uri);
					if (i >= WARM_UP) {
						edits.add((System.nanoTime() - editStart) / 1e6);
					}
				}
				editCpu = (server.cpuSeconds() - editCpu) * 1e3 / requests;
				TextDocumentIdentifier document = new TextDocumentIdentifier(uri);
				var service = server.remote.getTextDocumentService();
				int bindingLine = lastIndexOf(lines, l -> l.contains("[B."));
				Position inBinding = new Position(bindingLine, lines.get(bindingLine).indexOf("[B.") + 3);
				String folding = timed(server, requests, () -> service.foldingRange(new FoldingRangeRequestParams(document)));
				String outline = timed(server, requests, () -> service.documentSymbol(new DocumentSymbolParams(document)));
				String tokens = timed(server, requests, () -> service.semanticTokensFull(new SemanticTokensParams(document)));
				String completion = timed(server, requests, () -> service.completion(new CompletionParams(document, inBinding)));
				System.out.printf("%-8d %-14s %-16s %-14s %-14s %-14s %-14s%n", reports, String.format("%.0f", open),
						String.format("%.1f (%.1f)", median(edits), editCpu), folding, outline, tokens, completion);
			}
			System.out.printf("server CPU %.1f s%n", server.cpuSeconds());
		}
	}

	/** A folder of report files opened as the workspace: until every file has its diagnostics, then an edit of one. */
	private static void workspace(Path jar, int files) throws Exception {
		try (GeneratedBatch batch = GeneratedBatch.write(files, 1)) {
			Path root = batch.files().get(0).getParent();
			long start = System.nanoTime();
			try (Server server = Server.start(jar, root)) {
				while (server.published.size() < files) {
					server.awaitAny(Duration.ofMinutes(5));
				}
				double seconds = (System.nanoTime() - start) / 1e9;
				System.out.printf("workspace of %d files: first diagnostics of every file %.1f s after the server's start, CPU %.1f s, peak RSS %d MiB%n",
						files, seconds, server.cpuSeconds(), server.peakRssMiB());

				Path edited = batch.files().get(files / 2);
				String uri = edited.toUri().toString();
				String text = Files.readString(edited);
				server.remote.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "report", 1, text)));
				server.awaitDiagnostics(uri);
				Thread.sleep(500);
				List<String> lines = text.lines().toList();
				int line = lastIndexOf(lines, l -> l.strip().startsWith("数值"));
				server.published.clear();
				long editStart = System.nanoTime();
				server.remote.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, 2),
						List.of(new TextDocumentContentChangeEvent(new Range(new Position(line, 0), new Position(line, 0)), " "))));
				server.awaitDiagnostics(uri);
				double editMillis = (System.nanoTime() - editStart) / 1e6;
				Thread.sleep(2000); // whatever else the edit re-checks arrives after the edited file's diagnostics
				System.out.printf("an edit of one file: its diagnostics after %.0f ms; files whose diagnostics were published again: %d%n",
						editMillis, server.published.size());
			}
		}
	}

	/** Copies of example 003, each under its own report name, in one document. */
	static String reports(int count) {
		String example = Examples.text(Examples.FULL_REPORT);
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < count; i++) {
			Matcher name = REPORT_NAME.matcher(example);
			name.find();
			text.append(name.replaceFirst(Matcher.quoteReplacement("报告 " + name.group(1) + "_" + i + " 遵循"))).append('\n');
		}
		return text.toString();
	}

	private static int lastIndexOf(List<String> lines, java.util.function.Predicate<String> test) {
		for (int i = lines.size() - 1; i >= 0; i--) {
			if (test.test(lines.get(i))) {
				return i;
			}
		}
		throw new IllegalStateException("no such line");
	}

	/** The median wall time of the request and the server's CPU time per request, as "wall (CPU)" in ms. */
	private static String timed(Server server, int requests, Supplier<CompletableFuture<?>> request) throws Exception {
		List<Double> millis = new ArrayList<>();
		double cpu = 0;
		for (int i = 0; i < WARM_UP + requests; i++) {
			if (i == WARM_UP) {
				cpu = server.cpuSeconds();
			}
			long start = System.nanoTime();
			request.get().get(60, TimeUnit.SECONDS);
			if (i >= WARM_UP) {
				millis.add((System.nanoTime() - start) / 1e6);
			}
		}
		return String.format("%.1f (%.1f)", median(millis), (server.cpuSeconds() - cpu) * 1e3 / requests);
	}

	private static double median(List<Double> millis) {
		Collections.sort(millis);
		return millis.get(millis.size() / 2);
	}

	/** `report lsp` in its own JVM, with a 1 GiB heap, and the diagnostics it published by document. */
	private static final class Server implements AutoCloseable {
		private final Process process;
		private final LanguageServer remote;
		private final Map<String, Long> published = new ConcurrentHashMap<>();
		private final LinkedBlockingQueue<String> arrivals = new LinkedBlockingQueue<>();

		private Server(Process process, Path root) throws Exception {
			this.process = process;
			Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(new DiagnosticsClient(this::published), process.getInputStream(),
					process.getOutputStream());
			launcher.startListening();
			remote = launcher.getRemoteProxy();
			InitializeParams init = new InitializeParams();
			init.setRootUri(root.toUri().toString());
			remote.initialize(init).get(5, TimeUnit.MINUTES);
			remote.initialized(new InitializedParams());
		}

		static Server start(Path jar, Path root) throws Exception {
			Path java = Path.of(System.getProperty("java.home"), "bin", "java");
			List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx1g"));
			String options = System.getProperty("report.lsp.jvmOptions", "");
			if (!options.isBlank()) {
				command.addAll(List.of(options.strip().split("\\s+")));
			}
			command.addAll(List.of("-jar", jar.toString(), "lsp"));
			Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
			return new Server(process, root);
		}

		void awaitDiagnostics(String uri) throws InterruptedException {
			while (!published.containsKey(uri)) {
				awaitAny(Duration.ofMinutes(2));
			}
		}

		void awaitAny(Duration timeout) throws InterruptedException {
			if (arrivals.poll(timeout.toMillis(), TimeUnit.MILLISECONDS) == null) {
				throw new IllegalStateException("no diagnostics within " + timeout);
			}
		}

		private void published(PublishDiagnosticsParams diagnostics) {
			published.put(diagnostics.getUri(), System.nanoTime());
			arrivals.add(diagnostics.getUri());
		}

		double cpuSeconds() {
			return process.toHandle().info().totalCpuDuration().map(d -> d.toMillis() / 1e3).orElse(Double.NaN);
		}

		/** VmHWM of the process, on Linux; -1 elsewhere. */
		long peakRssMiB() {
			try {
				for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
					if (line.startsWith("VmHWM:")) {
						return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
					}
				}
			} catch (IOException e) {
				// not Linux
			}
			return -1;
		}

		@Override
		public void close() throws Exception {
			try {
				remote.shutdown().get(30, TimeUnit.SECONDS);
				remote.exit();
				process.waitFor(30, TimeUnit.SECONDS);
			} finally {
				process.destroyForcibly();
			}
		}
	}
}
