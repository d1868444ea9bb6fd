package report.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.Gson;

/**
 * The workspace's first build parses its files on several threads: `report lsp` publishes the same diagnostics, in
 * the same order, as with one thread, for a folder of sound reports and broken ones (balance errors, a syntax error,
 * a duplicate name, a last year's report that does not exist, a file that is not UTF-8, reports that link others).
 */
class ParallelWorkspaceBuildTest {

	private static final Path EXAMPLES = Path.of("..", "examples");

	@Test
	void theFirstBuildPublishesTheSameDiagnosticsOnOneThreadAndOnSeveral(@TempDir Path dir) throws Exception {
		Path folder = Files.createDirectory(dir.resolve("workspace"));
		List<Path> files = writeFolder(folder);
		assertTrue(files.size() >= 16, "enough files to be parsed on several threads");

		List<String> oneThread = firstDiagnostics(folder, files.size(), 1);
		List<String> twoThreads = firstDiagnostics(folder, files.size(), 2);

		assertEquals(files.size(), oneThread.size(), oneThread::toString);
		assertTrue(oneThread.stream().filter(published -> !published.endsWith("[]")).count() >= 5, oneThread::toString);
		assertEquals(oneThread, twoThreads);
	}

	private static List<Path> writeFolder(Path folder) throws IOException {
		List<Path> examples;
		try (Stream<Path> all = Files.walk(EXAMPLES)) {
			examples = all.filter(file -> file.toString().endsWith(".report") && !file.toString().contains("maven-consumer")).sorted().toList();
		}
		for (Path example : examples) {
			Path copy = folder.resolve(EXAMPLES.relativize(example));
			Files.createDirectories(copy.getParent());
			Files.copy(example, copy);
		}
		String example = Files.readString(EXAMPLES.resolve("001-yantai-jiguanshiwu-2023.report"));
		for (int i = 0; i < 4; i++) {
			Files.writeString(folder.resolve("unbalanced-" + i + ".report"),
					example.replace("报告 烟台市机关事务管理局2023", "报告 烟台市机关事务管理局2023_" + i).replaceFirst("\\b14\\b", String.valueOf(15 + i)));
		}
		Files.writeString(folder.resolve("duplicate.report"), example);
		Files.writeString(folder.resolve("unclosed.report"), example.replace("报告 烟台市机关事务管理局2023", "报告 未闭合2023")
				.substring(0, example.length() / 2));
		Files.writeString(folder.resolve("no-last-year.report"), example.replace("报告 烟台市机关事务管理局2023", "报告 无上年2023")
				.replace("年度 2023", "上年报告 不存在的报告2022\n\t年度 2023"));
		Files.write(folder.resolve("gbk.report"), example.replace("报告 烟台市机关事务管理局2023", "报告 编码2023").getBytes("GBK"));
		try (Stream<Path> all = Files.walk(folder)) {
			return all.filter(Files::isRegularFile).toList();
		}
	}

	/** Each file's first diagnostics, as published by a server on this many threads, in the order published. */
	private static List<String> firstDiagnostics(Path folder, int files, int threads) throws Exception {
		List<String> published = new ArrayList<>();
		List<String> command = new ArrayList<>(LanguageServerProcess.command());
		command.addAll(List.of("--threads", String.valueOf(threads)));
		Path log = Files.createTempFile(folder.getParent(), "lsp", ".log");
		Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
		try {
			Gson gson = new Gson();
			Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(LanguageServerProcessTest.client(
					(PublishDiagnosticsParams params) -> {
						synchronized (published) {
							published.add(params.getUri() + " " + gson.toJson(params.getDiagnostics()));
							published.notifyAll();
						}
					}), process.getInputStream(), process.getOutputStream());
			launcher.startListening();
			LanguageServer server = launcher.getRemoteProxy();
			InitializeParams init = new InitializeParams();
			init.setRootUri(folder.toUri().toString());
			server.initialize(init).get(2, TimeUnit.MINUTES);
			server.initialized(new InitializedParams());
			long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
			synchronized (published) {
				while (published.size() < files && System.nanoTime() < end) {
					published.wait(1000);
				}
			}
			server.shutdown().get(30, TimeUnit.SECONDS);
			server.exit();
			process.waitFor(30, TimeUnit.SECONDS);
			synchronized (published) {
				return new ArrayList<>(published);
			}
		} finally {
			process.destroyForcibly();
		}
	}
}
