package report.dsl.dist;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The release archive as a user gets it: unzipped with unzip, run through bin/report with Java 17 as the only Java
 * (found on the PATH, or named by JAVA_HOME), and no Maven, no ./mvnw and no ./report anywhere on the PATH.
 */
class ArchiveIT {

	private static final Path ARCHIVE = Path.of(System.getProperty("report.archive"));
	private static final Path WORK = Path.of(System.getProperty("report.archiveTest"));
	private static final Path JAVA17 = Path.of(System.getProperty("report.java17"));
	/** what bin/report runs besides java */
	private static final List<String> TOOLS = List.of("readlink", "dirname", "sed", "head", "mkdir", "ls", "cat", "rm", "mv");
	private static final List<String> FORMATS = List.of("html", "md", "json");

	private static Path home;
	private static Path examples;

	private record Run(int exitCode, String out, String err) {
		String said() {
			return "exit " + exitCode + "\nstdout:\n" + out + "\nstderr:\n" + err;
		}
	}

	@BeforeAll
	static void unzip() throws Exception {
		assertTrue(Files.isRegularFile(ARCHIVE), "no archive at " + ARCHIVE);
		deleteRecursively(WORK);
		Files.createDirectories(WORK);
		Run unzip = run(new ProcessBuilder("unzip", "-q", ARCHIVE.toString(), "-d", WORK.resolve("unzipped").toString()));
		assertEquals(0, unzip.exitCode(), unzip::said);
		try (Stream<Path> top = Files.list(WORK.resolve("unzipped"))) {
			List<Path> folders = top.toList();
			assertEquals(1, folders.size(), "the archive should unzip into one folder: " + folders);
			home = folders.get(0);
		}
		assertEquals(ARCHIVE.getFileName().toString().replaceFirst("\\.zip$", ""), home.getFileName().toString());
		examples = home.resolve("examples");
	}

	@Test
	void holdsTheLaunchersTheJarTheEditorsTheExamplesAndTheNotes() throws IOException {
		assertTrue(Files.isExecutable(home.resolve("bin/report")), "bin/report is not executable after unzip");
		assertTrue(Files.readString(home.resolve("bin/report.cmd")).contains("\r\n"), "bin/report.cmd needs Windows line ends");
		assertTrue(Files.isRegularFile(home.resolve("lib/report.jar")));
		assertEquals(1, list(home.resolve("vscode"), ".vsix").size(), "one VS Code extension in vscode/");
		assertEquals(1, list(home.resolve("eclipse"), ".zip").size(), "one Eclipse update site in eclipse/");
		assertEquals(5, list(examples, ".report").size());
		assertTrue(Files.readString(home.resolve("README.md")).startsWith("# report.dsl"));
	}

	@Test
	void theLicenceNotesNameTheLibrariesTheJarBundles() throws IOException {
		Set<String> bundled = new TreeSet<>();
		try (ZipFile jar = new ZipFile(home.resolve("lib/report.jar").toFile())) {
			Pattern pom = Pattern.compile("META-INF/maven/([^/]+)/([^/]+)/pom\\.properties");
			jar.stream().map(ZipEntry::getName).map(pom::matcher).filter(Matcher::matches)
					.filter(library -> !library.group(1).equals("report.dsl"))
					.forEach(library -> bundled.add(library.group(1) + ":" + library.group(2)));
		}
		assertFalse(bundled.isEmpty(), "no library's pom.properties in lib/report.jar");
		// not every library keeps its pom.properties (Guice, LSP4J and the Eclipse bundles do not), so this finds a
		// library added to the jar without its note, not a note left over
		bundled.removeAll(notedLibraries(Files.readString(home.resolve("THIRD-PARTY.md"))));
		assertEquals(Set.of(), bundled, "libraries in lib/report.jar that THIRD-PARTY.md does not name");
	}

	/** the second column of the notes' table: "group:artifact, artifact; group:artifact" */
	private static Set<String> notedLibraries(String notes) {
		Set<String> noted = new TreeSet<>();
		for (String row : notes.lines().filter(line -> line.startsWith("| ") && !line.startsWith("| library")).toList()) {
			for (String group : row.split("\\|")[2].split(";")) {
				String[] parts = group.trim().split(":");
				Arrays.stream(parts[1].split(",")).map(String::trim).forEach(artifact -> noted.add(parts[0] + ":" + artifact));
			}
		}
		return noted;
	}

	@Test
	void checksAndPublishesTheExamplesOnJava17FromThePath() throws Exception {
		assumeJava17();
		Map<String, String> environment = environment(tools(true));
		Run check = run(report(environment, "check", examples.toString()));
		assertEquals(0, check.exitCode(), check::said);

		Path out = WORK.resolve("out");
		Run build = run(report(environment, "build", examples.toString(), "-o", out.toString()));
		assertEquals(0, build.exitCode(), build::said);
		for (Path example : list(examples, ".report")) {
			String name = example.getFileName().toString().replaceFirst("\\.report$", "");
			for (String format : FORMATS) {
				Path published = out.resolve(name + "." + format);
				assertTrue(Files.size(published) > 0, published + " is empty");
			}
		}
		assertTrue(Files.readString(out.resolve("002-liaocheng-gongxin-2023.html")).contains("新收到信息公开申请"));
	}

	@Test
	void runsTheJavaThatJavaHomeNamesThroughALinkToTheLauncher() throws Exception {
		assumeJava17();
		Path link = WORK.resolve("links/report");
		Files.createDirectories(link.getParent());
		Files.deleteIfExists(link);
		Files.createSymbolicLink(link, home.resolve("bin/report"));
		Map<String, String> environment = environment(tools(false));
		environment.put("JAVA_HOME", JAVA17.toString());
		Run check = run(new ProcessBuilder(link.toString(), "check", examples.toString()).directory(WORK.toFile()), environment);
		assertEquals(0, check.exitCode(), check::said);
	}

	@Test
	void theFirstRunMakesAClassDataArchiveInTheUsersCacheAndTheNextPrintsTheSameWithIt() throws Exception {
		assumeJava17();
		Map<String, String> environment = environment(tools(true));
		environment.put("XDG_CACHE_HOME", WORK.resolve("cache").toString());
		Run first = run(report(environment, "check", "--format", "json", examples.toString()));
		assertEquals(0, first.exitCode(), first::said);
		List<Path> archives = list(WORK.resolve("cache/report-dsl"), ".jsa");
		assertEquals(1, archives.size(), "one class-data archive for this Java and this jar: " + archives);
		Run second = run(report(environment, "check", "--format", "json", examples.toString()));
		assertEquals(first.said(), second.said());
	}

	/**
	 * On Java 25+ (the JDK of this build) the first run records, the second makes the ahead-of-time cache before it
	 * starts, the third uses it; on an older JDK the first run makes the class-data archive. None says a word of it.
	 */
	@Test
	void onTheJdkOfThisBuildTheArchiveIsMadeWithoutAWordOfItsOwn() throws Exception {
		Map<String, String> environment = environment(tools(false));
		environment.put("JAVA_HOME", System.getProperty("java.home"));
		environment.put("XDG_CACHE_HOME", WORK.resolve("cache-of-this-jdk").toString());
		Path cache = WORK.resolve("cache-of-this-jdk/report-dsl");
		String archive = Runtime.version().feature() >= 25 ? ".aot" : ".jsa";
		List<Run> runs = new ArrayList<>();
		for (int run = 1; run <= 3; run++) {
			runs.add(run(report(environment, "check", "--format", "json", examples.toString())));
			assertEquals(0, runs.get(run - 1).exitCode(), runs.get(run - 1)::said);
		}
		assertEquals(1, list(cache, archive).size(), "one archive for this Java and this jar: " + list(cache, ""));
		assertEquals(List.of(), list(cache, ".config"), "the record the cache was made from is removed");
		for (Run run : runs) {
			assertEquals("", run.err(), run::said);
			assertEquals(runs.get(0).out(), run.out());
		}
	}

	@Test
	void withoutJavaSaysSoInOneSentence() throws Exception {
		Run check = run(report(environment(tools(false)), "check", examples.toString()));
		assertEquals(1, check.exitCode(), check::said);
		assertEquals("", check.out());
		assertTrue(check.err().startsWith("report needs Java 17 or newer and found none"), check::said);
		assertEquals(1, check.err().lines().count(), check::said);
	}

	@Test
	void onTheJdkOfThisBuildStartsWithoutWarnings() throws Exception {
		Map<String, String> environment = environment(tools(false));
		environment.put("JAVA_HOME", System.getProperty("java.home"));
		Run check = run(report(environment, "check", examples.toString()));
		assertEquals(0, check.exitCode(), check::said);
		assertFalse(check.err().contains("WARNING"), "Java " + Runtime.version().feature() + " warned:\n" + check.err());
	}

	@Test
	void theLanguageServerAnswersInitializeOverStdioOnJava17() throws Exception {
		assumeJava17();
		Process server = report(environment(tools(true)), "lsp").redirectError(WORK.resolve("lsp.err").toFile()).start();
		try {
			OutputStream toServer = server.getOutputStream();
			send(toServer, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
					+ "\"params\":{\"processId\":null,\"rootUri\":null,\"capabilities\":{}}}");
			String answer = receive(server.getInputStream());
			assertTrue(answer.contains("\"id\":1") && answer.contains("\"capabilities\""), answer);
			assertTrue(answer.contains("\"textDocumentSync\""), answer);
			send(toServer, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"shutdown\"}");
			assertTrue(receive(server.getInputStream()).contains("\"id\":2"));
			send(toServer, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
			toServer.close();
			assertTrue(server.waitFor(30, TimeUnit.SECONDS), "the server did not stop after exit and the end of its input");
		} finally {
			server.destroyForcibly();
		}
	}

	private static void assumeJava17() {
		assumeTrue(Files.isExecutable(JAVA17.resolve("bin/java")),
				"no Java 17 at " + JAVA17 + " (./test installs Debian's openjdk-17-jre-headless; -Dreport.java17=… names another)");
	}

	private static void send(OutputStream out, String json) throws IOException {
		byte[] body = json.getBytes(UTF_8);
		out.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(UTF_8));
		out.write(body);
		out.flush();
	}

	/** one message of the base protocol: headers, an empty line, then Content-Length bytes */
	private static String receive(InputStream in) throws IOException {
		int length = -1;
		for (String header = readLine(in); !header.isEmpty(); header = readLine(in)) {
			if (header.toLowerCase().startsWith("content-length:")) {
				length = Integer.parseInt(header.substring("content-length:".length()).trim());
			}
		}
		assertTrue(length >= 0, "a message without Content-Length");
		return new String(in.readNBytes(length), UTF_8);
	}

	private static String readLine(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		for (int c = in.read(); c != '\n'; c = in.read()) {
			assertTrue(c >= 0, "the server closed its output");
			if (c != '\r') {
				line.append((char) c);
			}
		}
		return line.toString();
	}

	private static ProcessBuilder report(Map<String, String> environment, String... arguments) {
		List<String> command = Stream.concat(Stream.of(home.resolve("bin/report").toString()), Arrays.stream(arguments)).toList();
		ProcessBuilder builder = new ProcessBuilder(command).directory(WORK.toFile());
		builder.environment().clear();
		builder.environment().putAll(environment);
		return builder;
	}

	/** a user's environment with PATH set to the given folder only: no JAVA_HOME, no Maven */
	private static Map<String, String> environment(Path path) {
		Map<String, String> environment = new HashMap<>();
		environment.put("PATH", path.toString());
		environment.put("HOME", WORK.resolve("home").toString());
		environment.put("LANG", "C.UTF-8");
		return environment;
	}

	/** a folder for the PATH with the tools bin/report uses, and java (Java 17) when withJava */
	private static Path tools(boolean withJava) throws IOException {
		Path tools = WORK.resolve(withJava ? "path-with-java" : "path-without-java");
		if (Files.isDirectory(tools)) {
			return tools;
		}
		Files.createDirectories(tools);
		for (String tool : TOOLS) {
			Path found = Stream.of(System.getenv("PATH").split(":")).map(folder -> Path.of(folder, tool))
					.filter(Files::isExecutable).findFirst().orElseThrow(() -> new AssertionError(tool + " is not on the PATH"));
			Files.createSymbolicLink(tools.resolve(tool), found);
		}
		if (withJava) {
			Files.createSymbolicLink(tools.resolve("java"), JAVA17.resolve("bin/java"));
		}
		return tools;
	}

	private static Run run(ProcessBuilder builder, Map<String, String> environment) throws Exception {
		builder.environment().clear();
		builder.environment().putAll(environment);
		return run(builder);
	}

	private static Run run(ProcessBuilder builder) throws Exception {
		Path out = Files.createTempFile(WORK, "out", ".txt");
		Path err = Files.createTempFile(WORK, "err", ".txt");
		Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
		try {
			assertTrue(process.waitFor(3, TimeUnit.MINUTES), "did not finish in 3 minutes: " + builder.command());
		} finally {
			process.destroyForcibly();
		}
		return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
	}

	private static List<Path> list(Path folder, String suffix) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(file -> file.getFileName().toString().endsWith(suffix)).sorted().collect(Collectors.toList());
		}
	}

	private static void deleteRecursively(Path folder) throws IOException {
		if (Files.exists(folder)) {
			try (Stream<Path> paths = Files.walk(folder)) {
				for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(path);
				}
			}
		}
	}
}
