package report.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The language server against a client we did not write: Debian's Neovim, headless, with its built-in
 * LSP client, opens an example with a balance error and must receive the diagnostic at the cell.
 */
class NeovimTest {

	private static final Path NVIM = Path.of("/usr/bin/nvim");

	@Test
	void neovimReceivesTheBalanceErrorAtTheCell(@TempDir Path dir) throws Exception {
		assumeTrue(Files.isExecutable(NVIM), "Neovim is not installed (./test installs Debian's neovim)");
		String text = Files.readString(Path.of("..", "examples", "000-liaocheng-jiguanshiwu-2023.report"))
				.replaceFirst("四:(\\s+)1 0 0 0 0 0 1", "四:$10 0 0 0 0 0 1");
		Path report = Files.writeString(dir.resolve("report.report"), text);
		Path output = dir.resolve("diagnostics.json");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		String server = String.join("\n", java, "-cp", System.getProperty("java.class.path"), ReportCli.class.getName(), "lsp");
		Path script = Path.of("src", "test", "resources", "neovim", "diagnostics.lua").toAbsolutePath();

		ProcessBuilder neovim = new ProcessBuilder(NVIM.toString(), "--headless", "--clean", "-n", "-c", "luafile " + script)
				.redirectErrorStream(true).redirectOutput(dir.resolve("nvim.log").toFile());
		neovim.environment().putAll(Map.of("REPORT_FILE", report.toString(), "DIAGNOSTICS_FILE", output.toString(),
				"REPORT_SERVER", server, "HOME", dir.toString()));
		Process process = neovim.start();
		assertTrue(process.waitFor(150, TimeUnit.SECONDS), "Neovim did not finish");
		assertTrue(Files.exists(output), () -> "no diagnostics written; Neovim said: " + read(dir.resolve("nvim.log")));

		JsonObject result = JsonParser.parseString(Files.readString(output)).getAsJsonObject();
		assertTrue(result.get("arrived").getAsBoolean(), result::toString);
		JsonArray diagnostics = result.getAsJsonArray("diagnostics");
		JsonObject b1 = diagnostics.asList().stream().map(e -> e.getAsJsonObject())
				.filter(d -> d.get("code").getAsString().equals("B1")).findFirst().orElseThrow(() -> new AssertionError(result));
		List<String> lines = text.lines().toList();
		int row = lines.indexOf(lines.stream().filter(l -> l.strip().startsWith("四:")).findFirst().orElseThrow());
		assertEquals(row, b1.get("lnum").getAsInt());
		assertEquals("0", lines.get(row).substring(b1.get("col").getAsInt(), b1.get("end_col").getAsInt()));
		assertEquals(1, b1.get("severity").getAsInt(), "an error");
		assertTrue(b1.get("message").getAsString().contains("违反规则B1"), b1::toString);
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		} catch (Exception e) {
			return e.toString();
		}
	}
}
