package report.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

/** `report lsp` as a process, byte by byte: a session without a folder, bad requests, nothing but protocol on stdout. */
class LanguageServerProtocolTest {

	private static final Duration STARTUP = Duration.ofSeconds(60);
	private static final Duration ANSWER = Duration.ofSeconds(5);

	static final String EXAMPLE = "000-liaocheng-jiguanshiwu-2023.report";

	/** The example with one balance error: 四 of the natural persons is 0 instead of 1. */
	static String exampleWithABalanceError() throws Exception {
		return Files.readString(Path.of("..", "examples", EXAMPLE)).replaceFirst("四:(\\s+)1 0 0 0 0 0 1", "四:$10 0 0 0 0 0 1");
	}

	/** Initializes a session without a folder and opens the text as {@code file}. */
	static void openWithoutFolder(LanguageServerProcess server, Path file, String text) throws Exception {
		JsonObject initialized = server.request("initialize", Map.of("capabilities", Map.of()), STARTUP);
		assertNotNull(initialized.getAsJsonObject("result").get("capabilities"), initialized::toString);
		server.notify("initialized", Map.of());
		server.notify("textDocument/didOpen", Map.of("textDocument",
				Map.of("uri", file.toUri().toString(), "languageId", "report", "version", 1, "text", text)));
	}

	@Test
	void aSingleFileWithoutAFolderGetsItsDiagnosticsAndLeavesNoTemporaryFolder(@TempDir Path dir) throws Exception {
		Path tmp = Files.createDirectory(dir.resolve("tmp"));
		Path file = dir.resolve("单个文件.report");
		try (LanguageServerProcess server = LanguageServerProcess.start(tmp, dir.resolve("server.log"))) {
			String text = exampleWithABalanceError();
			Files.writeString(file, text);
			openWithoutFolder(server, file, text);
			assertEquals(List.of("B1", "B3"), codes(server.awaitNotification("textDocument/publishDiagnostics", STARTUP)));
			assertEquals(0, server.shutdownAndExit());
			assertEquals("", server.garbage());
		}
		try (Stream<Path> left = Files.list(tmp)) {
			assertEquals(List.of(), left.toList(), "the server's own workspace folder is removed when it ends");
		}
	}

	@Test
	void aBadRequestGetsAOneLineErrorAndOnlyProtocolReachesStandardOutput(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("report.report");
		String text = exampleWithABalanceError();
		try (LanguageServerProcess server = LanguageServerProcess.start(dir, dir.resolve("server.log"))) {
			openWithoutFolder(server, file, text);
			server.awaitNotification("textDocument/publishDiagnostics", STARTUP);
			String uri = file.toUri().toString();

			// a change past the end of the document is applied at its end (here: a comment appended)
			server.notify("textDocument/didChange", Map.of("textDocument", Map.of("uri", uri, "version", 2), "contentChanges",
					List.of(Map.of("range", range(5000, 0, 5001, 0), "text", "\n// 附注\n"))));
			assertEquals(List.of("B1", "B3"), codes(server.awaitNotification("textDocument/publishDiagnostics", ANSWER)));

			JsonObject failed = server.request("textDocument/hover",
					Map.of("textDocument", Map.of("uri", uri), "position", Map.of("line", 99999, "character", 3)), ANSWER);
			JsonObject error = failed.getAsJsonObject("error");
			assertEquals(-32602, error.get("code").getAsInt(), failed::toString); // invalid parameters, not an internal error
			String message = error.get("message").getAsString();
			assertFalse(message.contains("\n") || message.contains("聊城") || error.has("data"), failed::toString);

			JsonObject unknown = server.request("report/unknown", Map.of(), ANSWER);
			assertEquals(-32601, unknown.getAsJsonObject("error").get("code").getAsInt(), unknown::toString);

			List<String> lines = text.lines().toList();
			int row = lines.indexOf(lines.stream().filter(l -> l.strip().startsWith("四:")).findFirst().orElseThrow());
			JsonObject hover = server.request("textDocument/hover", Map.of("textDocument", Map.of("uri", uri), "position",
					Map.of("line", row, "character", lines.get(row).indexOf("0"))), ANSWER);
			assertTrue(hover.toString().contains("表B「四」行"), hover::toString);
			assertTrue(server.isAlive());
			assertEquals("", server.garbage(), "standard output carries the protocol only");
		}
	}

	/** The editors' import: workspace/executeCommand report.import writes the .report and asks the editor to open it. */
	@Test
	void theImportCommandWritesTheReportAndAsksTheEditorToOpenIt(@TempDir Path dir) throws Exception {
		Path seed = Path.of("..", "report.dsl.importer", "src", "test", "resources", "seeds", "003_a37446611c7cd14c.txt").toAbsolutePath();
		Path folder = dir.resolve("imported");
		try (LanguageServerProcess server = LanguageServerProcess.start(dir, dir.resolve("server.log"))) {
			JsonObject initialized = server.request("initialize", Map.of("rootUri", dir.toUri().toString(), "capabilities",
					Map.of("window", Map.of("showDocument", Map.of("support", true)), "workspace", Map.of("executeCommand", Map.of()))), STARTUP);
			assertEquals("[\"report.import\"]", initialized.getAsJsonObject("result").getAsJsonObject("capabilities")
					.getAsJsonObject("executeCommandProvider").get("commands").toString(), initialized::toString);
			server.notify("initialized", Map.of());
			JsonObject answer = server.request("workspace/executeCommand", Map.of("command", "report.import", "arguments",
					List.of(seed.toUri().toString(), folder.toUri().toString())), STARTUP);
			JsonObject result = answer.getAsJsonObject("result");
			assertNotNull(result, answer::toString);
			Path written = folder.resolve("聊城经济技术开发区管理委员会2023.report");
			assertEquals(written.toUri().toString(), result.get("uri").getAsString());
			assertTrue(Files.readString(written).contains("报告 聊城经济技术开发区管理委员会2023"), Files.readString(written));
			// the import's warnings as `report import` prints them: the two damaged rows of Table B, at their source lines
			assertTrue(result.getAsJsonArray("warnings").toString().contains("111:13: 表B「三.三.7」行印有8个数值"), result::toString);
			JsonObject show = server.awaitNotification("window/showDocument", ANSWER);
			assertNotNull(show, "the server asks the editor to open the imported file");
			assertEquals(written.toUri().toString(), show.getAsJsonObject("params").get("uri").getAsString());

			// a file that is no published report: one sentence, no file written
			Path notes = Files.writeString(dir.resolve("notes.txt"), "会议纪要\n");
			JsonObject failed = server.request("workspace/executeCommand", Map.of("command", "report.import", "arguments",
					List.of(notes.toString(), folder.toString())), ANSWER);
			String message = failed.getAsJsonObject("error").get("message").getAsString();
			assertTrue(message.startsWith("notes.txt 未导入"), failed::toString);
			try (Stream<Path> files = Files.list(folder)) {
				assertEquals(1, files.count());
			}
			assertEquals("", server.garbage());
		}
	}

	static Map<String, Object> range(int startLine, int startCharacter, int endLine, int endCharacter) {
		return Map.of("start", Map.of("line", startLine, "character", startCharacter), "end",
				Map.of("line", endLine, "character", endCharacter));
	}

	private static List<String> codes(JsonObject published) {
		assertNotNull(published, "no diagnostics were published");
		return published.getAsJsonObject("params").getAsJsonArray("diagnostics").asList().stream()
				.map(d -> d.getAsJsonObject().get("code").getAsString()).toList();
	}
}
