package report.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

/**
 * The county example in `report lsp` as an editor runs it on the folder: the summary (汇总 目录 "departments") follows
 * the edits of a department's report, in its diagnostics and its hover.
 */
class SummaryInTheEditorTest {

	private static final Duration STARTUP = Duration.ofSeconds(90);
	private static final Duration ANSWER = Duration.ofSeconds(30);
	private static final String SUMMARY = "heyang-county-2023.report";

	@Test
	void aDepartmentsEditedNumberMakesTheSummarysCellDisagreeWithTheSumOfItsParts(@TempDir Path dir) throws Exception {
		Path county = copy(Path.of("..", "examples", "county"), dir.resolve("county"));
		Path department = county.resolve("departments").resolve("heyang-gongan-2023.report");
		String summaryText = Files.readString(county.resolve(SUMMARY));
		try (LanguageServerProcess server = LanguageServerProcess.start(dir, dir.resolve("server.log"))) {
			server.request("initialize", Map.of("rootUri", county.toUri().toString(), "capabilities", Map.of()), STARTUP);
			server.notify("initialized", Map.of());
			assertEquals(List.of(), codes(diagnosticsOf(server, SUMMARY, STARTUP)), "the county checks clean");

			String text = Files.readString(department);
			String uri = department.toUri().toString();
			server.notify("textDocument/didOpen", Map.of("textDocument", Map.of("uri", uri, "languageId", "report", "version", 1, "text", text)));
			server.notify("textDocument/didChange", Map.of("textDocument", Map.of("uri", uri, "version", 2), "contentChanges",
					List.of(Map.of("text", text.replace("一:      12 2 0 0 0 0", "一:      13 2 0 0 0 0")))));
			JsonObject published = diagnosticsOf(server, SUMMARY, ANSWER);
			assertEquals(List.of("report.aggregate-mismatch"), codes(published));
			assertTrue(published.toString().contains("河阳县公安局（13） + 河阳县教育和体育局（8） + 河阳县自然资源局（23） = 44，相差 1"),
					published::toString);

			int line = lineOf(summaryText, "一:      43 6 0 1 2 1");
			JsonObject hover = server.request("textDocument/hover", Map.of("textDocument", Map.of("uri", county.resolve(SUMMARY).toUri().toString()),
					"position", Map.of("line", line, "character", summaryText.lines().toList().get(line).indexOf("43"))), ANSWER);
			String contents = hover.getAsJsonObject("result").getAsJsonObject("contents").get("value").getAsString();
			assertTrue(contents.contains("✗ 各部分之和：河阳县公安局（13） + 河阳县教育和体育局（8） + 河阳县自然资源局（23） = 44，与本格相差 1"),
					contents);
			assertEquals("", server.garbage());
		}
	}

	/** The next diagnostics the server publishes for the file of this name. */
	private static JsonObject diagnosticsOf(LanguageServerProcess server, String name, Duration timeout) throws InterruptedException {
		long end = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < end) {
			JsonObject next = server.awaitNotification("textDocument/publishDiagnostics", Duration.ofNanos(end - System.nanoTime()));
			if (next != null && next.getAsJsonObject("params").get("uri").getAsString().endsWith("/" + name)) {
				return next;
			}
		}
		return null;
	}

	private static List<String> codes(JsonObject published) {
		assertNotNull(published, "no diagnostics were published");
		return published.getAsJsonObject("params").getAsJsonArray("diagnostics").asList().stream()
				.map(d -> d.getAsJsonObject().get("code").getAsString()).toList();
	}

	private static int lineOf(String text, String fragment) {
		List<String> lines = text.lines().toList();
		for (int line = 0; line < lines.size(); line++) {
			if (lines.get(line).contains(fragment)) {
				return line;
			}
		}
		throw new AssertionError("no line has " + fragment);
	}

	private static Path copy(Path from, Path to) throws IOException {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : files.toList()) {
				Path target = to.resolve(from.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				} else {
					Files.copy(file, target);
				}
			}
		}
		return to;
	}
}
