package report.dsl.pdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.google.inject.Injector;

import report.dsl.ReportStandaloneSetup;
import report.dsl.evaluation.Numbers;
import report.dsl.evaluation.ReportEvaluator;
import report.dsl.evaluation.ReportValues;
import report.dsl.generator.DocumentException;
import report.dsl.generator.ReportPublisher;
import report.dsl.generator.ReportText;
import report.dsl.generator.TableGrid;
import report.dsl.report.Part;
import report.dsl.report.Report;
import report.dsl.report.TableType;

/**
 * Every example rendered to PDF and read back with poppler, as a reader's viewer reads it: the text layer holds every
 * row of Tables A, B and C and the headings as the right characters, the Chinese faces are embedded as subsets, and the
 * same report gives the same bytes. The pages are kept as PNG under target/pdf for a person to look at.
 */
class PdfOutputTest {

	private static final Injector INJECTOR = new ReportStandaloneSetup().createInjectorAndDoEMFRegistration();
	private static final Path OUT = Path.of("target/pdf");
	/** Kangxi radicals and CJK radicals supplement: what a PDF whose text layer maps glyphs wrongly gives back. */
	private static final Pattern RADICALS = Pattern.compile("[\\x{2E80}-\\x{2FDF}\\x{FFFD}]");

	private static final String NOTO_SERIF = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc";
	private static final String NOTO_SANS = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
	private static final PdfOutput NOTO_ONLY = INJECTOR.getInstance(PdfOutput.class);

	/** As the command line and the Maven plugin reach it: the publisher finds it by ServiceLoader. */
	private static final ReportPublisher PUBLISHER = INJECTOR.getInstance(ReportPublisher.class);

	@BeforeAll
	static void output() throws IOException {
		Files.createDirectories(OUT);
	}

	/** On the fonts this machine has (a TrueType body face is preferred: AR PL UMing on Debian). */
	@ParameterizedTest
	@ValueSource(strings = { "000", "001", "002", "003", "004" })
	void everyExampleReadsBackWithItsTablesAndHeadingsAsTheRightCharacters(String example) throws Exception {
		Report report = example(example);
		assertReadsBack(report, Files.write(OUT.resolve(example + ".pdf"), render(report, Optional.empty())));
	}

	/**
	 * On a machine whose only Chinese fonts are Debian's fonts-noto-cjk (CFF outlines): Noto Serif CJK SC sets the body,
	 * Noto Sans CJK SC the headings, both embedded as small subsets, and the same report gives the same bytes.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "000", "001", "002", "003", "004" })
	void withOnlyNotoCjkInstalledEveryExampleIsSetInNotoSerifAndSans(String example) throws Exception {
		Assumptions.assumeTrue(Files.isRegularFile(Path.of(NOTO_SERIF)) && Files.isRegularFile(Path.of(NOTO_SANS)),
				"fonts-noto-cjk is not installed");
		Report report = example(example);
		byte[] bytes = NOTO_ONLY.render(report, CjkFonts.find(Optional.empty(), List.of("/nonexistent/simfang.ttf", NOTO_SERIF),
				List.of("/nonexistent/simhei.ttf", NOTO_SANS)));
		assertTrue(bytes.length < 1_000_000, "bytes: " + bytes.length);
		Path file = Files.write(OUT.resolve("noto-" + example + ".pdf"), bytes);
		assertReadsBack(report, file);
		List<String> faces = run("pdffonts", file.toString()).lines().skip(2).map(face -> face.replaceAll("^\\w{6}\\+(\\S+).*", "$1"))
				.toList();
		assertEquals(List.of("NotoSerifCJKsc-Regular", "NotoSansCJKsc-Regular"), faces);
		assertArrayEquals(bytes, NOTO_ONLY.render(report, CjkFonts.find(Optional.empty(), List.of(NOTO_SERIF), List.of(NOTO_SANS))));
	}

	/**
	 * Table B is nearly a page long. Kept whole, it left most of the page before it blank whenever it did not fit under
	 * Table A (example 004: a page with only Table A's last row). It now breaks between the groups of its first column, so
	 * every page but the last holds at least 15 lines of text (a full page holds 22 lines of body text, or some 45 of a
	 * table).
	 */
	@ParameterizedTest
	@ValueSource(strings = { "000", "001", "002", "003", "004" })
	void noPageButTheLastIsLeftMostlyBlank(String example) throws Exception {
		Path file = Files.write(OUT.resolve("pages-" + example + ".pdf"), render(example(example), Optional.empty()));
		int pages = Integer.parseInt(run("pdfinfo", file.toString()).replaceAll("(?s).*Pages:\\s+(\\d+).*", "$1"));
		for (int page = 1; page < pages; page++) {
			String text = run("pdftotext", "-layout", "-f", String.valueOf(page), "-l", String.valueOf(page), file.toString(), "-");
			assertTrue(text.lines().filter(line -> !line.isBlank()).count() >= 15, "page " + page + ":\n" + text);
		}
	}

	/** A narrow column's header of three characters is not wrapped with one left alone (自然/人). */
	@Test
	void aColumnHeaderOfThreeCharactersStaysOnOneLine() throws Exception {
		Path file = Files.write(OUT.resolve("headers-004.pdf"), render(example("004"), Optional.empty()));
		assertTrue(run("pdftotext", "-layout", file.toString(), "-").lines().anyMatch(line -> line.contains("自然人")));
	}

	/** The text layer holds the title, headings, captions and every row's values, and the faces are embedded subsets. */
	private static void assertReadsBack(Report report, Path file) throws Exception {
		String layout = run("pdftotext", "-layout", "-enc", "UTF-8", file.toString(), "-");
		assertFalse(RADICALS.matcher(layout).find(), layout);
		String squeezed = layout.replaceAll("\\s+", "");
		assertTrue(squeezed.contains(ReportText.clean(report.getBody()) + ReportText.subtitle(report)), layout);
		for (Part part : report.getParts()) {
			assertTrue(squeezed.contains(ReportText.heading(part).replaceAll("\\s+", "")), ReportText.heading(part));
		}
		List<String> missingRows = new ArrayList<>();
		ReportValues values = INJECTOR.getInstance(ReportEvaluator.class).values(report);
		for (TableType table : report.getType().getTables()) {
			assertTrue(squeezed.contains(ReportText.clean(table.getCaption()).replaceAll("\\s+", "")), table.getCaption());
			for (var block : table.getBlocks()) {
				for (TableGrid.BodyRow row : TableGrid.of(block, values.table(table)).body()) {
					String numbers = row.values().stream().map(c -> Numbers.plain(c.value())).collect(Collectors.joining(" +"));
					if (!Pattern.compile("(^|\\s)" + numbers.replace(".", "\\.") + "(\\s|$)", Pattern.MULTILINE).matcher(layout).find()) {
						missingRows.add(table.getName() + " " + numbers);
					}
				}
			}
		}
		assertEquals(List.of(), missingRows, layout);
		String fonts = run("pdffonts", file.toString());
		List<String> faces = fonts.lines().skip(2).toList();
		assertFalse(faces.isEmpty(), fonts);
		for (String face : faces) {
			assertTrue(Pattern.compile("^\\w{6}\\+\\S+\\s+CID TrueType\\s+Identity-H\\s+yes yes yes").matcher(face).find(), fonts);
		}
		String name = file.getFileName().toString();
		run("pdftoppm", "-png", "-r", "60", file.toString(), OUT.resolve(name.substring(0, name.length() - 4)).toString());
	}

	/** A table longer than a page (a report type of the user's, 80 rows) prints its header row again on every page. */
	@Test
	void aTableLongerThanAPageRepeatsItsHeaderRowOnEveryPage(@TempDir Path dir) throws Exception {
		StringBuilder rows = new StringBuilder();
		StringBuilder values = new StringBuilder();
		for (int i = 1; i <= 80; i++) {
			rows.append("\t\t行 第").append(i).append("项 \"第").append(i).append("项\"\n");
			values.append("\t\t\t第").append(i).append("项: ").append(i).append(' ').append(2 * i).append('\n');
		}
		Path source = Files.writeString(dir.resolve("long.report"), "报告类型 长表 \"长表报告\" {\n\t部分 一 \"一、数据\" 必需\n"
				+ "\t表 T \"长表\" 属于 一 单位 \"件\" 省略为零 {\n\t\t列 甲 \"甲列\"\n\t\t列 乙 \"乙列\"\n" + rows + "\t}\n}\n\n"
				+ "报告 长表2024 遵循 长表 {\n\t发布机关 \"某某局\"\n\t年度 2024\n\t统计期限 2024-01-01 至 2024-12-31\n"
				+ "\t发布日期 2025-01-20\n\t部分 一 {\n\t\t表 T {\n" + values + "\t\t}\n\t}\n}\n");
		Path file = Files.write(OUT.resolve("long-table.pdf"), render(load(source), Optional.empty()));
		int pages = Integer.parseInt(run("pdfinfo", file.toString()).replaceAll("(?s).*Pages:\\s+(\\d+).*", "$1"));
		assertTrue(pages >= 2, "pages: " + pages);
		for (int page = 1; page <= pages; page++) {
			String text = run("pdftotext", "-layout", "-f", String.valueOf(page), "-l", String.valueOf(page), file.toString(), "-");
			assertTrue(text.matches("(?s).*甲列\\s+乙列.*"), "page " + page + ":\n" + text);
		}
		assertTrue(run("pdftotext", "-layout", file.toString(), "-").contains("第80项"));
	}

	@Test
	void theSameReportGivesTheSameBytes() throws IOException {
		Report report = example("002");
		assertArrayEquals(render(report, Optional.empty()), render(report, Optional.empty()));
	}

	/**
	 * The faces are opened once and shared: documents rendered on four threads at once, in TrueType faces and in Noto's
	 * converted ones, give the bytes they give one after the other.
	 */
	@Test
	void documentsRenderedOnThreadsAtOnceGiveTheBytesTheyGiveOneAfterTheOther() throws Exception {
		List<Report> reports = new ArrayList<>();
		for (String example : List.of("000", "001", "002", "003", "004")) {
			reports.add(example(example));
		}
		List<Callable<byte[]>> renders = new ArrayList<>();
		for (Report report : reports) {
			renders.add(() -> render(report, Optional.empty()));
			if (Files.isRegularFile(Path.of(NOTO_SERIF))) {
				renders.add(() -> render(report, Optional.of(Path.of(NOTO_SERIF))));
			}
		}
		List<byte[]> oneAfterTheOther = new ArrayList<>();
		for (Callable<byte[]> render : renders) {
			oneAfterTheOther.add(render.call());
		}
		ExecutorService threads = Executors.newFixedThreadPool(4);
		try {
			List<Future<byte[]>> atOnce = threads.invokeAll(renders);
			for (int i = 0; i < renders.size(); i++) {
				assertArrayEquals(oneAfterTheOther.get(i), atOnce.get(i).get(), "render " + i);
			}
		} finally {
			threads.shutdown();
		}
	}

	@Test
	void aFileThatIsNoUsableFontIsOneChineseSentence() throws IOException {
		Report report = example("004");
		for (Path notUsable : List.of(Path.of("../examples/004-yeji-jiguanshiwu-2023.report"), Path.of("no-such-font.ttf"),
				Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))) {
			DocumentException e = assertThrows(DocumentException.class, () -> render(report, Optional.of(notUsable)));
			assertEquals("字体文件「" + notUsable + "」不可用：需要含中文字形的 TrueType 或 OpenType 字体文件（.ttf、.otf 或 .ttc，如 simfang.ttf、NotoSerifCJK-Regular.ttc）",
					e.getMessage());
		}
	}

	/** A character no face draws would print as a blank: the report is not published with a hole in it. */
	@Test
	void aCharacterNeitherFaceDrawsIsOneChineseSentence(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("emoji.report");
		Files.writeString(file, Files.readString(Path.of("../examples/004-yeji-jiguanshiwu-2023.report"))
				.replace("发布机关 \"叶集区机关事务管理服务中心\"", "发布机关 \"叶集区机关事务管理服务中心\uD83D\uDE00\""));
		Report report = load(file);
		DocumentException e = assertThrows(DocumentException.class, () -> render(report, Optional.empty()));
		assertEquals("所用字体缺少字符「\uD83D\uDE00」，PDF 中会显示为空白：请用 --font 指定含这些字符的字体文件", e.getMessage());
	}

	/** A single TrueType file is read too; Droid Sans Fallback has the ideographs but not the Latin letters and digits. */
	@Test
	void aNamedFontWithoutLatinLettersNamesTheCharactersItLacks() throws IOException {
		Path droid = Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf");
		Assumptions.assumeTrue(Files.isRegularFile(droid), "fonts-droid-fallback is not installed");
		DocumentException e = assertThrows(DocumentException.class, () -> render(example("004"), Optional.of(droid)));
		assertTrue(e.getMessage().startsWith("所用字体缺少字符「") && e.getMessage().contains("0"), e.getMessage());
	}

	@Test
	void aNamedFontIsTheOneEmbedded() throws Exception {
		Path file = Files.write(OUT.resolve("named-font.pdf"),
				render(example("004"), Optional.of(Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"))));
		List<String> faces = run("pdffonts", file.toString()).lines().skip(2).toList();
		assertEquals(1, faces.size(), faces.toString());
		assertTrue(faces.get(0).contains("+WenQuanYiZenHei "), faces.get(0));
	}

	/** Debian's Noto collection named with --font: its simplified-Chinese face, embedded as a subset. */
	@Test
	void aNamedNotoCollectionIsEmbeddedAsASubsetOfItsSimplifiedChineseFace() throws Exception {
		Assumptions.assumeTrue(Files.isRegularFile(Path.of(NOTO_SERIF)), "fonts-noto-cjk is not installed");
		Path file = Files.write(OUT.resolve("named-noto.pdf"), render(example("004"), Optional.of(Path.of(NOTO_SERIF))));
		List<String> faces = run("pdffonts", file.toString()).lines().skip(2).toList();
		assertEquals(1, faces.size(), faces.toString());
		assertTrue(faces.get(0).matches("\\w{6}\\+NotoSerifCJKsc-Regular\\s+CID TrueType\\s+Identity-H\\s+yes yes yes.*"), faces.get(0));
	}

	@Test
	void aFileFoundForBodyAndHeadingsIsOneFace() {
		String zenHei = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";
		CjkFonts.Faces fonts = CjkFonts.find(Optional.empty(), List.of("/nonexistent/simfang.ttf", zenHei), List.of(zenHei));
		assertSame(fonts.body(), fonts.heading());
	}

	@Test
	void whenNoFontIsFoundTheMessageSaysWhatToInstallOrName() {
		DocumentException e = assertThrows(DocumentException.class,
				() -> CjkFonts.find(Optional.empty(), List.of("/nonexistent/simfang.ttf"), List.of()));
		assertEquals("没有找到可嵌入 PDF 的中文字体：请安装 fonts-noto-cjk（Debian），或用 --font 指定一个含中文字形的字体文件"
				+ "（如 Windows 的 simfang.ttf、simsun.ttc）", e.getMessage());
	}

	private static byte[] render(Report report, Optional<Path> font) {
		return PUBLISHER.render(report, "pdf", font);
	}

	private static Report example(String prefix) throws IOException {
		try (var files = Files.list(Path.of("../examples"))) {
			return load(files.filter(f -> f.getFileName().toString().startsWith(prefix + "-")).findFirst().orElseThrow());
		}
	}

	private static Report load(Path file) {
		XtextResourceSet resourceSet = INJECTOR.getInstance(XtextResourceSet.class);
		var resource = resourceSet.getResource(URI.createFileURI(file.toAbsolutePath().toString()), true);
		return resource.getContents().get(0).eContents().stream().filter(Report.class::isInstance).map(Report.class::cast)
				.findFirst().orElseThrow();
	}

	private static String run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertEquals(0, process.waitFor(), String.join(" ", command) + "\n" + output);
		return output;
	}
}
