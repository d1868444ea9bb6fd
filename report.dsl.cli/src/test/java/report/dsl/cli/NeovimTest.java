package report.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The language server in a client we did not write: Debian's Neovim, headless, configured by the README's snippet
 * itself. A new file and an example share one server; a balance error typed into the buffer arrives at its cell; the
 * quick fix, applied by Neovim (which echoes ranges in byte columns), restores the file exactly.
 */
class NeovimTest {

	private static final Path NVIM = Path.of("/usr/bin/nvim");

	@Test
	void theReadmeSnippetGetsTheBalanceErrorAndItsQuickFixRestoresTheFile(@TempDir Path dir) throws Exception {
		assumeTrue(Files.isExecutable(NVIM), "Neovim is not installed (./test installs Debian's neovim)");
		String original = Files.readString(Path.of("..", "examples", LanguageServerProtocolTest.EXAMPLE));
		Path report = Files.writeString(dir.resolve("report.report"), original);
		Path init = Files.writeString(dir.resolve("init.lua"),
				Readme.snippet("### Neovim", "lua", argument -> "'" + argument.replace("\\", "\\\\").replace("'", "\\'") + "'", ", "));
		Path output = dir.resolve("result.json");
		Path driver = Path.of("src", "test", "resources", "neovim", "quickfix.lua").toAbsolutePath();

		ProcessBuilder neovim = new ProcessBuilder(NVIM.toString(), "--headless", "-n", "-i", "NONE", "-u", init.toString(), "-c",
				"luafile " + driver).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("nvim.log").toFile());
		neovim.environment().putAll(Map.of("REPORT_FILE", report.toString(), "NEW_FILE", dir.resolve("新报告.report").toString(),
				"RESULT_FILE", output.toString(), "HOME", dir.toString(), "XDG_CONFIG_HOME", dir.resolve("config").toString(),
				"XDG_DATA_HOME", dir.resolve("data").toString(), "XDG_STATE_HOME", dir.resolve("state").toString()));
		Process process = neovim.start();
		assertTrue(process.waitFor(240, TimeUnit.SECONDS), "Neovim did not finish");
		assertTrue(Files.exists(output), () -> "Neovim wrote no result; it said: " + read(dir.resolve("nvim.log")));

		JsonObject result = JsonParser.parseString(Files.readString(output)).getAsJsonObject();
		assertEquals("report", result.get("new_filetype").getAsString(), "a new .report file gets the filetype too");
		assertEquals("report", result.get("filetype").getAsString());
		assertEquals(1, result.get("clients").getAsInt(), "one server for both files");
		assertTrue(result.get("same_client").getAsBoolean(), result::toString);
		assertTrue(result.get("received").getAsBoolean(), result::toString);
		JsonObject b1 = result.getAsJsonObject("diagnostic");
		List<String> lines = original.lines().toList();
		int row = lines.indexOf(lines.stream().filter(l -> l.strip().startsWith("四:")).findFirst().orElseThrow());
		assertEquals(row, b1.get("lnum").getAsInt());
		byte[] line = lines.get(row).replaceFirst("四:(\\s+)1", "四:$10").getBytes(StandardCharsets.UTF_8);
		assertEquals("0", new String(Arrays.copyOfRange(line, b1.get("col").getAsInt(), b1.get("end_col").getAsInt()),
				StandardCharsets.UTF_8), "Neovim's columns are bytes");
		assertTrue(b1.get("message").getAsString().contains("违反规则B1"), b1::toString);
		assertEquals("改为 1（使规则B1成立）", result.get("action").getAsString());
		assertTrue(result.get("applied").getAsBoolean() && result.get("cleared").getAsBoolean(), result::toString);
		assertEquals(original, Files.readString(report), "the quick fix puts back exactly the number that balances");
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		} catch (Exception e) {
			return e.toString();
		}
	}
}
