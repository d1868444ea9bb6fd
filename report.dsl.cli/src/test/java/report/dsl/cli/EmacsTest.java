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

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The language server in a second client we did not write: Debian's Emacs with eglot, in batch mode, configured by
 * the README's snippet itself, shows the balance error through Flymake on the cell.
 */
class EmacsTest {

	private static final Path EMACS = Path.of("/usr/bin/emacs");

	@Test
	void theReadmeSnippetShowsTheBalanceErrorOnTheCell(@TempDir Path dir) throws Exception {
		assumeTrue(Files.isExecutable(EMACS), "Emacs is not installed (./test installs Debian's emacs-nox and elpa-eglot)");
		String text = LanguageServerProtocolTest.exampleWithABalanceError();
		Path report = Files.writeString(dir.resolve("report.report"), text);
		Path init = Files.writeString(dir.resolve("init.el"),
				Readme.snippet("### Emacs", "elisp", argument -> "\"" + argument.replace("\\", "\\\\").replace("\"", "\\\"") + "\"", " "));
		Path output = dir.resolve("result.json");
		Path driver = Path.of("src", "test", "resources", "emacs", "diagnostics.el").toAbsolutePath();

		ProcessBuilder emacs = new ProcessBuilder(EMACS.toString(), "--batch", "-l", init.toString(), "-l", driver.toString())
				.directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("emacs.log").toFile());
		emacs.environment().putAll(Map.of("REPORT_FILE", report.toString(), "RESULT_FILE", output.toString(), "HOME", dir.toString()));
		Process process = emacs.start();
		assertTrue(process.waitFor(240, TimeUnit.SECONDS), "Emacs did not finish");
		assertTrue(Files.exists(output), () -> "Emacs wrote no result; it said: " + read(dir.resolve("emacs.log")));

		JsonObject result = JsonParser.parseString(Files.readString(output)).getAsJsonObject();
		assertEquals("report-mode", result.get("mode").getAsString());
		assertTrue(result.get("managed").getAsBoolean(), "eglot manages the buffer");
		assertTrue(result.has("line"), () -> "no B1 diagnostic in Flymake: " + result + "\n" + read(dir.resolve("emacs.log")));
		List<String> lines = text.lines().toList();
		int row = lines.indexOf(lines.stream().filter(l -> l.strip().startsWith("四:")).findFirst().orElseThrow());
		assertEquals(row + 1, result.get("line").getAsInt());
		assertEquals(lines.get(row).indexOf('0'), result.get("start").getAsInt());
		assertEquals(lines.get(row).indexOf('0') + 1, result.get("end").getAsInt());
		assertEquals("0", result.get("text").getAsString());
		assertEquals("eglot-error", result.get("type").getAsString());
		assertTrue(result.get("message").getAsString().contains("违反规则B1"), result::toString);
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		} catch (Exception e) {
			return e.toString();
		}
	}
}
