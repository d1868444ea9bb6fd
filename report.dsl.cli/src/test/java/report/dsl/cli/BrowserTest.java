package report.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HTML as a person sees it: opened in a real headless Chromium (Debian's, installed by ./test),
 * with the DOM it builds asserted and a screenshot of every example kept in target/screenshots/.
 */
class BrowserTest {

	private static final Path EXAMPLES = Path.of("..", "examples");
	private static final Path PAGES = Path.of("target", "browser");
	private static final Path SCREENSHOTS = Path.of("target", "screenshots");
	private static final List<String> CHROMIUM_FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
			"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
			"--hide-scrollbars", "--force-device-scale-factor=1");

	private static Path chromium;

	@BeforeAll
	static void buildThePages() throws IOException {
		Optional<Path> found = Stream.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
				.map(Path::of).filter(Files::isExecutable).findFirst();
		assumeTrue(found.isPresent(), "Chromium is not installed (./test installs Debian's chromium)");
		chromium = found.get();
		Files.createDirectories(PAGES);
		Path hostile = PAGES.resolve("hostile.report");
		Files.writeString(hostile, Files.readString(Path.of("src", "test", "resources", "hostile.report")).replace("{BEL}", "\u0007"));
		assertEquals(0, PublishingTest.Run.of("build", EXAMPLES.toString(), hostile.toString(), "-o", PAGES.toString(),
				"--format", "html").exit());
	}

	@ParameterizedTest
	@ValueSource(strings = { "000-liaocheng-jiguanshiwu-2023", "001-yantai-jiguanshiwu-2023", "002-liaocheng-gongxin-2023",
			"003-liaocheng-kaifaqu-2023", "004-yeji-jiguanshiwu-2023" })
	void theTablesRenderAsThePrintedFormDrawsThem(String example) throws Exception {
		Document dom = render(example);
		Element tableB = dom.selectFirst("table.table-B");
		assertNotNull(tableB);
		assertEquals(25 * 7, tableB.select("tbody td").size());
		Element results = tableB.selectFirst("th[scope=rowgroup][rowspan=22]");
		assertEquals("三、本年度办理结果", results.text());
		assertEquals("8", tableB.selectFirst("th:containsOwn(（三）不予公开)").attr("rowspan"));
		assertEquals("7", tableB.selectFirst("thead th:containsOwn(申请人情况)").attr("colspan"));
		assertTrue(tableB.selectFirst("th.corner").text().startsWith("（本列数据的勾稽关系为"));
		assertEquals(15, dom.select("table.table-C tbody td").size());
		assertEquals(2 * 3 + 1 + 2 + 1, dom.select("table.table-A tbody td").size());
		assertEquals(6, dom.select("main > section.part").size());
		screenshot(example);
	}

	@Test
	void boundFiguresShowTheTablesNumbers() throws Exception {
		Document dom = render("000-liaocheng-jiguanshiwu-2023");
		Element applications = dom.selectFirst("span.bound[title=表B 一（总计）]");
		assertEquals("3", applications.text());
		assertTrue(applications.parent().text().contains("我局共收到信息公开申请3件"));
		Document shares = render("003-liaocheng-kaifaqu-2023");
		assertTrue(shares.text().contains("分别占比21%、23%、3%、52%、1%"));
		assertEquals(6, shares.select("figure.chart svg rect").size());
	}

	@Test
	void noScriptFromAHostileNarrativeRuns() throws Exception {
		Document dom = render("hostile");
		assertFalse(dom.body().hasAttr("data-pwned"), dom.body().attributes().toString());
		assertTrue(dom.select("script, img").isEmpty());
		assertTrue(dom.text().contains("<script>document.body.setAttribute('data-pwned','paragraph')</script>"));
		screenshot("hostile");
	}

	/** The DOM after Chromium loaded the page and ran whatever scripts it found. */
	private static Document render(String name) throws Exception {
		Path page = PAGES.resolve(name + ".html").toAbsolutePath();
		List<String> command = command("--dump-dom", page.toUri().toString());
		return Jsoup.parse(run(command));
	}

	private static void screenshot(String name) throws Exception {
		Files.createDirectories(SCREENSHOTS);
		Path page = PAGES.resolve(name + ".html").toAbsolutePath();
		Path png = SCREENSHOTS.resolve(name + ".png").toAbsolutePath();
		run(command("--window-size=1100,5200", "--screenshot=" + png, page.toUri().toString()));
		assertTrue(Files.size(png) > 10_000, png::toString);
	}

	private static List<String> command(String... arguments) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(chromium.toString());
		command.addAll(CHROMIUM_FLAGS);
		command.add("--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
		command.addAll(List.of(arguments));
		return command;
	}

	private static String run(List<String> command) throws Exception {
		Path output = Files.createTempFile("chromium", ".out");
		Process process = new ProcessBuilder(command).redirectOutput(output.toFile())
				.redirectError(ProcessBuilder.Redirect.DISCARD).start();
		assertTrue(process.waitFor(90, TimeUnit.SECONDS), "Chromium did not finish");
		assertEquals(0, process.exitValue());
		return Files.readString(output, StandardCharsets.UTF_8);
	}
}
