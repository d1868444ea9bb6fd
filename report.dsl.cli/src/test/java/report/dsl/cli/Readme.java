package report.dsl.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/** The README's editor snippets, taken from README.md itself so that what the tests run is what users copy. */
final class Readme {

	/** The jar path the snippets use, which a test replaces by the command that starts the server it built. */
	static final String JAR = "/path/to/report.dsl.cli/target/report.jar";

	private Readme() {
	}

	/**
	 * The first fenced block of the language in the README's section with this heading, with the snippet's
	 * {@code java -jar JAR lsp} command, written as {@code quoted} writes each argument, replaced by the command of
	 * this build's server.
	 */
	static String snippet(String heading, String language, Function<String, String> quoted, String separator) throws IOException {
		String readme = Files.readString(Path.of("..", "README.md"));
		int section = readme.indexOf("\n" + heading + "\n");
		int start = readme.indexOf("```" + language + "\n", section);
		if (section < 0 || start < 0) {
			throw new AssertionError("README.md has no " + language + " block under " + heading);
		}
		String block = readme.substring(start + language.length() + 4, readme.indexOf("\n```", start) + 1);
		String command = String.join(separator, List.of("java", "-jar", JAR, "lsp").stream().map(quoted).toList());
		if (!block.contains(command)) {
			throw new AssertionError("the " + heading + " snippet no longer starts the server with " + command + ":\n" + block);
		}
		String server = String.join(separator, LanguageServerProcess.command().stream().map(quoted).toList());
		return block.replace(command, server);
	}
}
