package report.dsl.install.tests;

import static java.util.concurrent.TimeUnit.MINUTES;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarInputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The update site installs into a current Eclipse IDE, the way a person installs it. The IDE is the one
 * report.dsl.eclipse.ide builds from the Eclipse platform's bundles, without Xtext, Guice or LSP4J. Its own p2
 * director installs the feature from the update site's zip, as Help › Install New Software › Add › Archive…
 * does. Then the IDE starts, and its OSGi console must show the language's bundles resolved, report.dsl.ui
 * started, .report files given the language's content type and the generic editor, and the language's
 * injector created; the workspace log must have no error about report.dsl.
 */
@TestMethodOrder(OrderAnnotation.class)
class UpdateSiteInstallIT {

	private static final String FEATURE = "report.dsl.feature.feature.group";
	private static final List<String> LANGUAGE_BUNDLES = List.of("report.dsl", "report.dsl.ide", "report.dsl.ui");
	/** some of what the feature must bring along because an Eclipse IDE does not have it */
	private static final List<String> LIBRARIES = List.of("org.eclipse.xtext", "org.eclipse.xtext.ide", "com.google.inject",
			"org.antlr.runtime", "org.eclipse.lsp4j");
	private static final List<String> EXTENSION_POINTS = List.of("org.eclipse.core.contenttype.contentTypes",
			"org.eclipse.ui.editors", "org.eclipse.ui.genericeditor.presentationReconcilers",
			"org.eclipse.ui.genericeditor.reconcilers", "org.eclipse.core.resources.builders", "org.eclipse.ui.newWizards");
	private static final Set<String> RESOLVED_STATES = Set.of("RESOLVED", "STARTING", "ACTIVE");
	/** a line of the console's "ss": id, state, symbolic name_version */
	private static final Pattern BUNDLE_LINE = Pattern.compile("^(\\d+)\\s+([A-Z]+)\\s+(\\S+?)_\\d\\S*$", Pattern.MULTILINE);
	private static final Duration STARTUP = Duration.ofMinutes(3);
	private static final long MAX_UPDATE_SITE = 40L * 1024 * 1024;

	private static final Path WORK = Path.of(System.getProperty("report.installTest"));
	private static final Path USER_HOME = WORK.resolve("home");
	private static final EclipseInstallation ECLIPSE = new EclipseInstallation(WORK.resolve("eclipse"));
	private static boolean installed;

	private record Bundle(String id, String state) {
	}

	/**
	 * What a user downloads: the zip, most of it report.dsl.ui's embedded libraries for Export… (POI, PDFBox,
	 * openhtmltopdf, Batik). The bound is the size measured (34 MB) with room for a library's next version; a jar in
	 * the bundle's lib/ that its Bundle-ClassPath does not name is dead weight, and one it names but lacks fails at run time.
	 */
	@Test
	@Order(0)
	void theUpdateSiteCarriesOnlyWhatTheBundlesLoadWithinItsSize() throws IOException {
		Path updateSite = Path.of(System.getProperty("report.updateSite")).normalize();
		assertTrue(Files.isRegularFile(updateSite), "no update site at " + updateSite + ": report.dsl.repository builds it");
		long size = Files.size(updateSite);
		try (ZipFile site = new ZipFile(updateSite.toFile())) {
			List<? extends ZipEntry> plugins = site.stream().filter(e -> e.getName().startsWith("plugins/")).toList();
			String biggest = plugins.stream().sorted(Comparator.comparingLong(ZipEntry::getCompressedSize).reversed()).limit(5)
					.map(e -> e.getName() + " " + e.getCompressedSize() / 1024 + " KiB").reduce((a, b) -> a + "\n" + b).orElse("");
			assertTrue(size <= MAX_UPDATE_SITE, "the update site is " + size / 1024 / 1024 + " MiB, over "
					+ MAX_UPDATE_SITE / 1024 / 1024 + " MiB; its biggest bundles:\n" + biggest);
			ZipEntry ui = plugins.stream().filter(e -> e.getName().startsWith("plugins/report.dsl.ui_")).findFirst()
					.orElseThrow(() -> new AssertionError("no report.dsl.ui in " + updateSite));
			Set<String> embedded = new TreeSet<>();
			Set<String> classPath = new TreeSet<>();
			try (JarInputStream bundle = new JarInputStream(site.getInputStream(ui))) {
				for (String entry : bundle.getManifest().getMainAttributes().getValue("Bundle-ClassPath").split(",")) {
					if (!entry.trim().equals(".")) {
						classPath.add(entry.trim());
					}
				}
				for (ZipEntry entry = bundle.getNextEntry(); entry != null; entry = bundle.getNextEntry()) {
					if (entry.getName().startsWith("lib/") && entry.getName().endsWith(".jar")) {
						embedded.add(entry.getName());
					}
				}
			}
			assertEquals(classPath, embedded, "report.dsl.ui's lib/ and its Bundle-ClassPath");
		}
	}

	@Test
	@Order(1)
	void theDirectorInstallsTheFeatureFromTheUpdateSiteZip() throws Exception {
		Path product = Path.of(System.getProperty("report.eclipse")).normalize();
		Path updateSite = Path.of(System.getProperty("report.updateSite")).normalize();
		assertTrue(Files.isDirectory(product), "no Eclipse IDE at " + product + ": report.dsl.eclipse.ide builds it");
		assertTrue(Files.isRegularFile(updateSite), "no update site at " + updateSite + ": report.dsl.repository builds it");
		deleteRecursively(WORK);
		Files.createDirectories(USER_HOME);
		copyRecursively(product, ECLIPSE.home());
		Set<String> before = ECLIPSE.bundles();
		Stream.concat(LANGUAGE_BUNDLES.stream(), LIBRARIES.stream()).forEach(bundle -> assertFalse(before.contains(bundle),
				bundle + " is in the IDE before the install, so the test cannot tell whether the update site brings it"));

		Path output = WORK.resolve("director.log");
		Process director = ECLIPSE.launch(USER_HOME, "-nosplash", "-consoleLog", "-application", "org.eclipse.equinox.p2.director",
				"-repository", "jar:" + updateSite.toUri() + "!/", "-installIU", FEATURE,
				"-destination", ECLIPSE.home().toString(), "-profile", ECLIPSE.p2Profile())
				.redirectErrorStream(true).redirectOutput(output.toFile()).start();
		try {
			assertTrue(director.waitFor(5, MINUTES), "the director did not finish in 5 minutes");
		} finally {
			stop(director);
		}
		String said = Files.readString(output);
		assertEquals(0, director.exitValue(), () -> "the director could not install " + FEATURE + ":\n" + said);
		Set<String> after = ECLIPSE.bundles();
		Stream.concat(LANGUAGE_BUNDLES.stream(), LIBRARIES.stream()).forEach(bundle -> assertTrue(after.contains(bundle),
				() -> bundle + " is not among the IDE's bundles after the install; the director said:\n" + said));
		installed = true;
	}

	@Test
	@Order(2)
	void theInstalledIdeStartsWithTheLanguageResolvedStartedAndRegistered() throws Exception {
		assertTrue(installed, "the install failed, so there is no IDE with the language to start");
		assumeTrue(System.getenv("DISPLAY") != null,
				"no X display (DISPLAY is unset), so the installed IDE is not started; ./test runs the build under xvfb-run");
		int port = freePort();
		Path workspace = WORK.resolve("workspace");
		Process eclipse = ECLIPSE.launch(USER_HOME, "-nosplash", "-consoleLog", "-data", workspace.toString(),
				"-console", InetAddress.getLoopbackAddress().getHostAddress() + ":" + port)
				.redirectErrorStream(true).redirectOutput(WORK.resolve("eclipse.log").toFile()).start();
		try (OsgiConsole console = OsgiConsole.connect(port, eclipse, STARTUP)) {
			Map<String, Bundle> bundles = bundles(console);
			String platformUi = loadClass("org.eclipse.ui.PlatformUI", bundles.get("org.eclipse.ui.workbench"));
			awaitWorkbench(console, platformUi, eclipse);

			for (String name : LANGUAGE_BUNDLES) {
				Bundle bundle = bundles.get(name);
				assertNotNull(bundle, name + " is not installed in the running IDE");
				assertTrue(RESOLVED_STATES.contains(bundle.state()),
						name + " is " + bundle.state() + ", not resolved:\n" + console.run("diag " + bundle.id()));
			}
			Bundle ui = bundles.get("report.dsl.ui");
			String started = console.run("start " + ui.id());
			assertEquals("ACTIVE", bundles(console).get("report.dsl.ui").state(), "report.dsl.ui did not start:\n" + started);

			String extensions = console.run("ns -v report.dsl.ui");
			for (String point : EXTENSION_POINTS) {
				assertTrue(extensions.contains("PointId: " + point + " "), "no extension of " + point + ":\n" + extensions);
			}
			String platform = loadClass("org.eclipse.core.runtime.Platform", bundles.get("org.eclipse.core.runtime"));
			assertEquals("report.dsl.ui.report",
					console.run("((" + platform + " getContentTypeManager) findContentTypeFor balance.report) getId"));
			assertEquals("org.eclipse.ui.genericeditor.GenericEditor",
					console.run("(((" + platformUi + " getWorkbench) getEditorRegistry) getDefaultEditor balance.report) getId"));
			// resolving shows that the libraries are there, creating the language's Guice injector that they link
			assertEquals("com.google.inject.internal.InjectorImpl",
					console.run("((" + loadClass("report.dsl.ui.ReportUi", ui) + " injector) getClass) getName"));

			screenshot();
			try {
				console.run("stopApp org.eclipse.ui.ide.workbench");
			} catch (IOException closedByTheShutdown) {
				// the framework may close the console before the prompt comes back
			}
			assertTrue(eclipse.waitFor(2, MINUTES), "the IDE did not exit after its workbench was stopped");
		} finally {
			stop(eclipse);
		}
		assertEquals(0, eclipse.exitValue(), () -> "the IDE exited with " + eclipse.exitValue() + "; it said:\n" + read(WORK.resolve("eclipse.log")));
		assertEquals(List.of(), errorsMentioning("report.dsl", workspace.resolve(".metadata/.log")),
				"errors about report.dsl in the workspace log");
	}

	/** The installed bundles by symbolic name, from the console's "ss". */
	private static Map<String, Bundle> bundles(OsgiConsole console) throws IOException {
		Map<String, Bundle> bundles = new HashMap<>();
		Matcher line = BUNDLE_LINE.matcher(console.run("ss"));
		while (line.find()) {
			bundles.put(line.group(3), new Bundle(line.group(1), line.group(2)));
		}
		return bundles;
	}

	/** A Gogo expression for a class, loaded by the bundle that has it. */
	private static String loadClass(String className, Bundle bundle) {
		return "((${.context} getBundle " + bundle.id() + ") loadClass " + className + ")";
	}

	/**
	 * The console listens long before the workbench has opened its window, which the checks and the screenshot
	 * want; until the workbench exists, asking it fails, which is as good as "still starting".
	 */
	private static void awaitWorkbench(OsgiConsole console, String platformUi, Process eclipse) throws Exception {
		Instant deadline = Instant.now().plus(STARTUP);
		while (!console.run("(" + platformUi + " getWorkbench) isStarting").equals("false")) {
			assertTrue(eclipse.isAlive(), "the IDE exited while starting: " + read(WORK.resolve("eclipse.log")));
			assertTrue(Instant.now().isBefore(deadline), "the workbench did not come up in " + STARTUP);
			Thread.sleep(1000);
		}
	}

	/** The error entries of an Eclipse log that mention the text in their plug-in, message or stack trace. */
	private static List<String> errorsMentioning(String text, Path log) throws IOException {
		if (!Files.exists(log)) {
			return List.of();
		}
		return Arrays.stream(Files.readString(log).split("(?m)^(?=!ENTRY |!SESSION )"))
				.filter(entry -> entry.startsWith("!ENTRY ") && entry.split(" ")[2].equals("4"))
				.filter(entry -> entry.contains(text)).toList();
	}

	/**
	 * The IDE with the language installed, for a person to look at, when ImageMagick's import is there to take
	 * it. The window shows a few seconds after the workbench has started; until then the screen is black.
	 */
	private static void screenshot() throws IOException, InterruptedException {
		Optional<Path> importCommand = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
				.map(folder -> Path.of(folder, "import")).filter(Files::isExecutable).findFirst();
		if (importCommand.isEmpty()) {
			System.out.println("no screenshot of the IDE: ImageMagick's import is not installed");
			return;
		}
		Path screenshot = Files.createDirectories(Path.of(System.getProperty("report.screenshots")))
				.resolve("eclipse-with-report-dsl.png");
		Instant deadline = Instant.now().plusSeconds(30);
		do {
			Process capture = new ProcessBuilder(importCommand.get().toString(), "-window", "root", screenshot.toString())
					.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
			if (!capture.waitFor(30, SECONDS)) {
				capture.destroyForcibly();
				return;
			}
			Thread.sleep(1000);
		} while (isBlack(screenshot) && Instant.now().isBefore(deadline));
	}

	private static boolean isBlack(Path png) throws IOException {
		BufferedImage image = Files.exists(png) ? ImageIO.read(png.toFile()) : null;
		if (image == null) {
			return true;
		}
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				if ((image.getRGB(x, y) & 0xFFFFFF) != 0) {
					return false;
				}
			}
		}
		return true;
	}

	/** Whatever the outcome, no Eclipse is left running. */
	private static void stop(Process process) throws InterruptedException {
		if (!process.isAlive()) {
			return;
		}
		process.descendants().forEach(ProcessHandle::destroy);
		process.destroy();
		if (!process.waitFor(10, SECONDS)) {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly().waitFor(10, SECONDS);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static void copyRecursively(Path from, Path to) throws IOException {
		try (Stream<Path> paths = Files.walk(from)) {
			for (Path path : (Iterable<Path>) paths::iterator) {
				Files.copy(path, to.resolve(from.relativize(path).toString()), StandardCopyOption.COPY_ATTRIBUTES);
			}
		}
	}

	private static void deleteRecursively(Path folder) throws IOException {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
				Files.delete(path);
			}
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		} catch (IOException e) {
			return e.toString();
		}
	}
}
