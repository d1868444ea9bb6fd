package report.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
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
import org.eclipse.lsp4j.services.TextDocumentService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The language server at scale, as `report lsp` runs in its own process: a request about a document of many reports
 * costs the server CPU time in proportion to the document, never to its square (measured as the ratio of the server's
 * CPU time between a small and a large document, alternating, so that a busy machine slows both alike), and an edit of
 * one file of a folder re-checks that file and what depends on it, nothing else. The timed figures are the
 * benchmark's (LanguageServerScale in report.dsl.benchmarks).
 */
class LanguageServerScaleTest {

	private static final Path EXAMPLES = Path.of("..", "examples");
	private static final Pattern REPORT_NAME = Pattern.compile("(?m)^报告 (\\S+) 遵循");
	private static final int SMALL = 2;
	private static final int LARGE = 16;
	/** a linear cost grows 8× from SMALL to LARGE reports (less, with a request's fixed cost); a quadratic one 64× */
	private static final double LINEAR_BOUND = 2.0 * LARGE / SMALL;
	private static final int ROUNDS = 4;
	private static final int REQUESTS = 8;

	@Test
	void foldingOutlineSemanticTokensCompletionAndEditsCostInProportionToTheDocument(@TempDir Path dir) throws Exception {
		try (Server server = Server.start(dir)) {
			Document small = server.open(dir, SMALL);
			Document large = server.open(dir, LARGE);
			TextDocumentService service = server.remote.getTextDocumentService();
			Map<String, Function<Document, CompletableFuture<?>>> requests = Map.of(
					"folding", d -> service.foldingRange(new FoldingRangeRequestParams(d.id())),
					"outline", d -> service.documentSymbol(new DocumentSymbolParams(d.id())),
					"semantic tokens", d -> service.semanticTokensFull(new SemanticTokensParams(d.id())),
					"completion", d -> service.completion(new CompletionParams(d.id(), d.inLastBinding())),
					"edit → diagnostics", d -> server.edit(d));
			for (var request : new TreeSet<>(requests.keySet())) {
				double ratio = server.cpuRatio(small, large, requests.get(request));
				assertTrue(ratio < LINEAR_BOUND, request + " took " + String.format("%.1f", ratio) + "× the server's CPU time for "
						+ LARGE / SMALL + "× the reports (linear stays under " + LINEAR_BOUND + "×)");
			}
		}
	}

	@Test
	void anEditRechecksTheFileAndWhatDependsOnItOnly(@TempDir Path dir) throws Exception {
		String thisYear = Files.readString(EXAMPLES.resolve("001-yantai-jiguanshiwu-2023.report"));
		String lastYear = thisYear.replace("报告 烟台市机关事务管理局2023", "报告 烟台市机关事务管理局2022").replace("年度 2023", "年度 2022")
				.replace("2023-01-01 至 2023-12-31", "2022-01-01 至 2022-12-31").replace("发布日期 2024-01-31", "发布日期 2023-01-31");
		Files.writeString(dir.resolve("2022.report"), lastYear);
		Files.writeString(dir.resolve("2023.report"), thisYear.replace("年度 2023", "上年报告 烟台市机关事务管理局2022\n\t年度 2023"));
		for (String other : List.of("000-liaocheng-jiguanshiwu-2023.report", "002-liaocheng-gongxin-2023.report",
				"004-yeji-jiguanshiwu-2023.report")) {
			Files.copy(EXAMPLES.resolve(other), dir.resolve(other));
		}
		try (Server server = Server.start(dir)) {
			server.awaitDiagnostics(5);
			assertEquals(5, server.published().size(), server.published()::toString);

			assertEquals(Set.of("2023.report"), server.republishedAfterEditing(dir.resolve("2023.report")),
					"nothing depends on this year's report");
			assertEquals(Set.of("2022.report", "2023.report"), server.republishedAfterEditing(dir.resolve("2022.report")),
					"this year's report follows last year's");
		}
	}

	/** A document of copies of example 003 under their own names, and where its last report binds a cell. */
	private record Document(TextDocumentIdentifier id, int editLine, int editColumn, Position inLastBinding, int[] version) {
	}

	/** `report lsp` in its own JVM, and the diagnostics it published by file name. */
	private static final class Server implements AutoCloseable {
		private final Process process;
		private final LanguageServer remote;
		private final Map<String, Integer> publications = new ConcurrentHashMap<>();
		private final LinkedBlockingQueue<String> arrivals = new LinkedBlockingQueue<>();

		private Server(Process process, Path root) throws Exception {
			this.process = process;
			Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(
					LanguageServerProcessTest.client(this::published), process.getInputStream(), process.getOutputStream());
			launcher.startListening();
			remote = launcher.getRemoteProxy();
			InitializeParams init = new InitializeParams();
			init.setRootUri(root.toUri().toString());
			remote.initialize(init).get(2, TimeUnit.MINUTES);
			remote.initialized(new InitializedParams());
		}

		static Server start(Path root) throws Exception {
			Path log = Files.createTempFile(root.getParent(), "lsp", ".log");
			Process process = new ProcessBuilder(LanguageServerProcess.command()).redirectError(log.toFile()).start();
			return new Server(process, root);
		}

		Document open(Path dir, int reports) throws Exception {
			String example = Files.readString(EXAMPLES.resolve("003-liaocheng-kaifaqu-2023.report"));
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < reports; i++) {
				Matcher name = REPORT_NAME.matcher(example);
				assertTrue(name.find());
				text.append(name.replaceFirst(Matcher.quoteReplacement("报告 " + name.group(1) + "_" + i + " 遵循"))).append('\n');
			}
			Path file = dir.resolve("reports-" + reports + ".report");
			String uri = file.toUri().toString();
			remote.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "report", 1, text.toString())));
			awaitDiagnosticsOf(file.getFileName().toString());
			List<String> lines = text.toString().lines().toList();
			int editLine = last(lines, "三.一:");
			int bindingLine = last(lines, "[B.");
			return new Document(new TextDocumentIdentifier(uri), editLine, lines.get(editLine).indexOf("14") + 1,
					new Position(bindingLine, lines.get(bindingLine).indexOf("[B.") + 3), new int[] { 1 });
		}

		/** One digit of the last report's Table B, 14 ↔ 15 (which makes balance errors come and go), to its diagnostics. */
		CompletableFuture<?> edit(Document document) {
			int version = ++document.version()[0];
			String name = Path.of(java.net.URI.create(document.id().getUri())).getFileName().toString();
			publications.remove(name);
			remote.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
					new VersionedTextDocumentIdentifier(document.id().getUri(), version),
					List.of(new TextDocumentContentChangeEvent(new Range(new Position(document.editLine(), document.editColumn()),
							new Position(document.editLine(), document.editColumn() + 1)), version % 2 == 0 ? "5" : "4"))));
			try {
				awaitDiagnosticsOf(name);
			} catch (InterruptedException e) {
				throw new IllegalStateException(e);
			}
			return CompletableFuture.completedFuture(null);
		}

		/** The server's CPU time for the large document over the small one, the two measured by turns after a warm-up. */
		double cpuRatio(Document small, Document large, Function<Document, CompletableFuture<?>> request) throws Exception {
			repeat(small, request, REQUESTS);
			repeat(large, request, REQUESTS);
			long smallCpu = 0;
			long largeCpu = 0;
			for (int round = 0; round < ROUNDS; round++) {
				smallCpu += repeat(small, request, REQUESTS * LARGE / SMALL); // as many reports asked about as below
				largeCpu += repeat(large, request, REQUESTS);
			}
			return (double) largeCpu / smallCpu * LARGE / SMALL;
		}

		/** The server's CPU time, in ms, for the request made this many times one after the other. */
		private long repeat(Document document, Function<Document, CompletableFuture<?>> request, int times) throws Exception {
			long before = cpuMillis();
			for (int i = 0; i < times; i++) {
				request.apply(document).get(2, TimeUnit.MINUTES);
			}
			return Math.max(1, cpuMillis() - before);
		}

		private long cpuMillis() {
			return process.toHandle().info().totalCpuDuration().orElseThrow().toMillis();
		}

		/** The files whose diagnostics were published again after a one-space edit of this file, opened for it. */
		Set<String> republishedAfterEditing(Path file) throws Exception {
			String uri = file.toUri().toString();
			String text = Files.readString(file);
			remote.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "report", 1, text)));
			awaitDiagnosticsOf(file.getFileName().toString());
			Thread.sleep(1000); // whatever else opening it re-checked
			publications.clear();
			remote.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, 2),
					List.of(new TextDocumentContentChangeEvent(new Range(new Position(0, 0), new Position(0, 0)), " "))));
			awaitDiagnosticsOf(file.getFileName().toString());
			Thread.sleep(2000); // what depends on the file is checked after it
			return new TreeSet<>(publications.keySet());
		}

		Map<String, Integer> published() {
			return publications;
		}

		private void published(PublishDiagnosticsParams diagnostics) {
			String name = Path.of(java.net.URI.create(diagnostics.getUri())).getFileName().toString();
			publications.merge(name, 1, Integer::sum);
			arrivals.add(name);
		}

		void awaitDiagnostics(int files) throws InterruptedException {
			while (publications.size() < files) {
				await();
			}
		}

		private void awaitDiagnosticsOf(String name) throws InterruptedException {
			while (!publications.containsKey(name)) {
				await();
			}
		}

		private void await() throws InterruptedException {
			if (arrivals.poll(2, TimeUnit.MINUTES) == null) {
				throw new AssertionError("no diagnostics within 2 minutes; published so far: " + publications.keySet());
			}
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

	private static int last(List<String> lines, String containing) {
		for (int i = lines.size() - 1; i >= 0; i--) {
			if (lines.get(i).contains(containing)) {
				return i;
			}
		}
		throw new AssertionError("no line with " + containing);
	}
}
