package report.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import report.dsl.resource.SourceText;

/**
 * Fuzzing of the language server: random edits and requests at random positions against `report lsp` as a process.
 * It must answer every request within five seconds, never fail inside (an internal error), never write anything but
 * protocol to standard output, and stay up. The build runs it for a
 * minute with a fixed seed; run it longer with
 * {@code ./mvnw -B verify -pl report.dsl.target,report.dsl,report.dsl.ide,report.dsl.cli -Dtest=LanguageServerFuzzTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dreport.fuzz.seconds=3600 -Dreport.fuzz.seed=7}. The server's log (its
 * standard error, with the stack trace of every failure) is kept in {@code target/language-server-fuzz/}.
 */
class LanguageServerFuzzTest {

	private static final long SECONDS = Long.getLong("report.fuzz.seconds", 60);
	private static final long SEED = Long.getLong("report.fuzz.seed", 20261201);
	private static final Duration ANSWER = Duration.ofSeconds(5);
	private static final int INTERNAL_ERROR = -32603;

	/** What people type into a report: the language's keywords, punctuation of both widths, numbers, keys, bindings. */
	private static final List<String> FRAGMENTS = List.of("报告", "遵循", "部分", "小节", "表", "数值", "规则", "每列", "每行", "上年",
			"占", "较", "千分位", "小数 1", "自动", "最大余数", "年度 2023", "发布日期", "统计期限 2023-01-01 至 2023-12-31", "至", "上年报告",
			"{", "}", "[", "]", ":", "：", "\"", "\\", "=", "+", "-", ".", "、", "（", "）", "\n", "\t", " ", "　", "//", "/*", "*/",
			"0", "1", "66", "2024", "1.5", "-1", "2147483647", "４０", "B.一", "三.七", "[B.一]", "[B.三.一 占 B.三.七]",
			"[C.件数:行政复议.总计]", "[C.件数:", "四:    1 0 0 0 0 0 1\n", "表 B {\n", "部分 五 {\n\t\"\"\n}\n", "小节 \"（一）\" {",
			"数值 新数值 = 3 条", "\"文字[", "\r", "\r\n");

	private static final List<String> POSITION_REQUESTS = List.of("textDocument/hover", "textDocument/definition",
			"textDocument/references", "textDocument/completion", "textDocument/documentHighlight", "textDocument/rename",
			"textDocument/prepareRename", "textDocument/signatureHelp", "textDocument/codeAction", "textDocument/rangeFormatting");

	private static final List<String> DOCUMENT_REQUESTS = List.of("textDocument/documentSymbol", "textDocument/formatting",
			"textDocument/foldingRange", "textDocument/semanticTokens/full", "report/unknown");

	private final Random random = new Random(SEED);
	private final List<String> examples = new ArrayList<>();
	private final List<String> internalErrors = new ArrayList<>();
	private final Map<String, JsonArray> diagnostics = new HashMap<>();
	private String text;
	private int version = 1;
	private String uri;

	@Test
	void answersEveryRequestInTimeWithoutInternalErrorsAndWritesOnlyProtocol() throws Exception {
		Path examplesDir = Path.of("..", "examples");
		for (String name : List.of("000-liaocheng-jiguanshiwu-2023.report", "001-yantai-jiguanshiwu-2023.report",
				"003-liaocheng-kaifaqu-2023.report")) {
			examples.add(Files.readString(examplesDir.resolve(name)));
		}
		Path dir = Files.createDirectories(Path.of("target", "language-server-fuzz", "seed-" + SEED));
		Path workspace = Files.createDirectories(dir.resolve("workspace"));
		Files.writeString(workspace.resolve("other.report"), examples.get(1));
		Path file = workspace.resolve("fuzzed.report");
		text = examples.get(0);
		Files.writeString(file, text);
		uri = file.toUri().toString();

		long operations = 0;
		long requests = 0;
		try (LanguageServerProcess server = LanguageServerProcess.start(dir, dir.resolve("server.log"))) {
			server.request("initialize", Map.of("rootUri", workspace.toUri().toString(), "capabilities", Map.of()), Duration.ofSeconds(60));
			server.notify("initialized", Map.of());
			server.notify("textDocument/didOpen", Map.of("textDocument", Map.of("uri", uri, "languageId", "report", "version", version,
					"text", text)));
			long end = System.nanoTime() + Duration.ofSeconds(SECONDS).toNanos();
			while (System.nanoTime() < end) {
				operations++;
				collectDiagnostics(server);
				if (random.nextInt(100) < 45) {
					server.notify("textDocument/didChange", Map.of("textDocument", Map.of("uri", uri, "version", ++version),
							"contentChanges", List.of(randomChange())));
				} else {
					requests++;
					request(server, operations);
				}
				assertTrue(server.isAlive(), "the server ended after operation " + operations);
			}
			assertEquals("", server.garbage(), "standard output carries the protocol only");
			assertEquals(0, server.shutdownAndExit());
		}
		System.out.printf("language-server fuzzing, seed %d: %d operations (%d requests) in %d s%n", SEED, operations, requests, SECONDS);
		assertEquals(List.of(), internalErrors.subList(0, Math.min(10, internalErrors.size())),
				internalErrors.size() + " internal errors; the stack traces are in " + dir.resolve("server.log"));
	}

	private void request(LanguageServerProcess server, long operation) throws Exception {
		boolean inside = random.nextInt(50) > 0; // or a position past the end, answered as invalid parameters (and logged)
		Map<String, Object> document = Map.of("uri", uri);
		String method;
		Map<String, Object> params = new HashMap<>();
		params.put("textDocument", document);
		if (random.nextInt(4) == 0) {
			method = DOCUMENT_REQUESTS.get(random.nextInt(DOCUMENT_REQUESTS.size()));
		} else {
			method = POSITION_REQUESTS.get(random.nextInt(POSITION_REQUESTS.size()));
			int offset = random.nextInt(text.length() + 1);
			Map<String, Object> position = inside ? position(offset) : outside();
			params.put("position", position);
			params.put("range", Map.of("start", position, "end", inside ? position(offset + random.nextInt(text.length() - offset + 1)) : position));
			params.put("context", Map.of("includeDeclaration", random.nextBoolean(), "diagnostics",
					diagnostics.getOrDefault(uri, new JsonArray())));
			params.put("newName", FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
		}
		params.put("options", Map.of("tabSize", 4, "insertSpaces", false));
		JsonObject response;
		try {
			response = server.request(method, params, ANSWER);
		} catch (TimeoutException e) {
			fail("no answer within " + ANSWER.toSeconds() + " s to " + method + " " + params.get("position") + " at operation " + operation
					+ " (seed " + SEED + ") on:\n" + text);
			return;
		}
		JsonObject error = response.getAsJsonObject("error");
		if (error != null && error.get("code").getAsInt() == INTERNAL_ERROR) {
			internalErrors.add(method + " at operation " + operation + ": " + error.get("message").getAsString());
		}
	}

	private void collectDiagnostics(LanguageServerProcess server) {
		for (JsonObject notification : server.drainNotifications()) {
			if (notification.get("method").getAsString().equals("textDocument/publishDiagnostics")) {
				JsonObject params = notification.getAsJsonObject("params");
				diagnostics.put(params.get("uri").getAsString(), params.getAsJsonArray("diagnostics"));
			}
		}
	}

	/** A random edit of the tracked text, as an incremental change (now and then a whole new text). */
	private Map<String, Object> randomChange() {
		if (random.nextInt(50) == 0 || text.length() > 60_000) {
			String[] replacements = { examples.get(random.nextInt(examples.size())), "", "x\n" + examples.get(0) };
			text = replacements[random.nextInt(replacements.length)];
			return Map.of("text", text);
		}
		int start = random.nextInt(text.length() + 1);
		int end = Math.min(text.length(), start + (random.nextInt(3) == 0 ? random.nextInt(40) : 0));
		String inserted;
		int kind = random.nextInt(10);
		if (kind < 6) {
			inserted = FRAGMENTS.get(random.nextInt(FRAGMENTS.size()));
		} else if (kind < 8) {
			int from = random.nextInt(text.length() + 1);
			inserted = text.substring(from, Math.min(text.length(), from + random.nextInt(200))); // copy and paste
		} else {
			inserted = ""; // a deletion
			end = Math.min(text.length(), start + 1 + random.nextInt(20));
		}
		if (random.nextInt(30) == 0) { // a range past the end of the document: the server applies it at the end
			Map<String, Object> past = outside();
			text = text + inserted;
			return Map.of("range", Map.of("start", past, "end", past), "text", inserted);
		}
		Map<String, Object> range = Map.of("start", position(start), "end", position(end));
		text = text.substring(0, start) + inserted + text.substring(end);
		return Map.of("range", range, "text", inserted);
	}

	/** The LSP position (line, UTF-16 column) of an offset in the tracked text; CR LF, CR and LF end a line. */
	private Map<String, Object> position(int offset) {
		int[] lineStarts = SourceText.lineStarts(text);
		int line = 0;
		while (line + 1 < lineStarts.length && lineStarts[line + 1] <= offset) {
			line++;
		}
		return Map.of("line", line, "character", offset - lineStarts[line]);
	}

	private Map<String, Object> outside() {
		int lines = SourceText.lineStarts(text).length;
		return Map.of("line", lines + random.nextInt(1000), "character", random.nextInt(1000));
	}
}
