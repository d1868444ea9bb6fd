package report.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * `report build --format docx,xlsx` as users run it, with the shaded jar (whose merged services files are what finds
 * the outputs), and its files read back by a program we did not write: LibreOffice converts them to text, CSV and PDF,
 * recomputes the workbook's formulas, and poppler renders the pages, which are kept under target/office-pages.
 */
class OfficeOutputIT {

	private static final Path JAR = Path.of("target", "report.jar").toAbsolutePath();
	private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();
	private static final Path WORK = Path.of("target", "office-it").toAbsolutePath();
	private static final Path PAGES = Path.of("target", "office-pages").toAbsolutePath();
	private static final Path OUT = WORK.resolve("out");

	record Run(int exit, String out, String err) {
	}

	@BeforeAll
	static void buildTheExamples() throws IOException, InterruptedException {
		deleteTree(WORK);
		Run run = report("build", EXAMPLES.toString(), "-o", OUT.toString(), "--format", "json,docx,xlsx");
		assertEquals(0, run.exit(), run.out() + run.err());
		assertFalse(run.err().contains("Log4j"), run.err()); // POI's logging stays quiet
	}

	@Test
	void everyExampleGivesAWordDocumentAndAWorkbook() throws IOException {
		for (String name : exampleNames()) {
			assertTrue(Files.size(OUT.resolve(name + ".docx")) > 0, name);
			assertTrue(Files.size(OUT.resolve(name + ".xlsx")) > 0, name);
		}
	}

	/** Every number of the three tables, in the tables' order, is what LibreOffice reads in the Word document's tables. */
	@Test
	void libreOfficeReadsEveryNumberOfTheTablesFromTheWordDocument() throws IOException, InterruptedException {
		Path text = WORK.resolve("txt");
		soffice(WORK.resolve("profile-txt"), text, "txt:Text (encoded):UTF8", docx());
		for (String name : exampleNames()) {
			List<String> numbers = Files.readAllLines(text.resolve(name + ".txt"), StandardCharsets.UTF_8).stream()
					.map(String::strip).filter(line -> line.matches("-?\\d+(\\.\\d+)?")).toList();
			assertEquals(tableNumbers(name), numbers, name);
			String all = Files.readString(text.resolve(name + ".txt"));
			assertTrue(all.contains("2023年政府信息公开工作年度报告"), name);
			assertTrue(all.contains("收到和处理政府信息公开申请情况（单位：件）"), name);
		}
	}

	/** With the cached results taken out, LibreOffice computes the totals from the formulas: the same as the report's. */
	@Test
	void libreOfficeRecomputesTheWorkbooksTotalsToTheReportsNumbers() throws IOException, InterruptedException {
		Path stripped = WORK.resolve("stripped");
		Files.createDirectories(stripped);
		List<Path> workbooks = new ArrayList<>();
		for (String name : exampleNames()) {
			int formulas = 0;
			try (InputStream in = Files.newInputStream(OUT.resolve(name + ".xlsx")); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
				for (var sheet : workbook) {
					for (var row : sheet) {
						for (var cell : row) {
							if (cell.getCellType() == CellType.FORMULA) {
								((XSSFCell) cell).getCTCell().unsetV();
								formulas++;
							}
						}
					}
				}
				Path target = stripped.resolve(name + ".xlsx");
				try (OutputStream out = Files.newOutputStream(target)) {
					workbook.write(out);
				}
				workbooks.add(target);
			}
			assertTrue(formulas > 0, name + ": no formula"); // the totals the report left to be computed
		}
		Path profile = WORK.resolve("profile-recalc");
		Path settings = profile.resolve("user").resolve("registrymodifications.xcu");
		Files.createDirectories(settings.getParent());
		Files.writeString(settings, """
				<?xml version="1.0" encoding="UTF-8"?>
				<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
				<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
				</oor:items>
				""");
		Path csv = WORK.resolve("csv");
		// 44 (comma), 34 (quote), 76 (UTF-8), …, -1: every sheet to its own file, named after the sheet
		soffice(profile, csv, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", workbooks);
		for (String name : exampleNames()) {
			List<String> numbers = new ArrayList<>();
			for (String table : List.of("A", "B", "C")) {
				for (String line : Files.readAllLines(csv.resolve(name + "-表" + table + ".csv"), StandardCharsets.UTF_8)) {
					for (String field : line.split(",", -1)) {
						String value = field.replace("\"", "").strip();
						if (value.matches("-?\\d+(\\.\\d+)?")) {
							numbers.add(value);
						}
					}
				}
			}
			assertEquals(tableNumbers(name), numbers, name);
			String rules = Files.readString(csv.resolve(name + "-规则.csv"), StandardCharsets.UTF_8);
			assertTrue(rules.contains("B1") && rules.contains("成立") && !rules.contains("不成立"), name + ": " + rules);
		}
	}

	/** The pages as a reader sees them, kept for people to look at: the Word documents and one workbook. */
	@Test
	void thePagesAreRenderedForPeopleToLookAt() throws IOException, InterruptedException {
		Assumptions.assumeTrue(has("pdftoppm"), "pdftoppm (Debian's poppler-utils) is not installed: the pages are not rendered");
		Path workbook = OUT.resolve("003-liaocheng-kaifaqu-2023.xlsx");
		soffice(WORK.resolve("profile-pdf"), WORK.resolve("pdf-docx"), "pdf", docx());
		soffice(WORK.resolve("profile-pdf"), WORK.resolve("pdf-xlsx"), "pdf", List.of(workbook));
		deleteTree(PAGES);
		Files.createDirectories(PAGES);
		List<Path> files = new ArrayList<>(docx());
		files.add(workbook);
		for (Path file : files) {
			String name = file.getFileName().toString();
			String extension = name.substring(name.lastIndexOf('.') + 1);
			Path document = WORK.resolve("pdf-" + extension).resolve(name.replaceFirst("\\.[a-z]+$", ".pdf"));
			assertTrue(Files.size(document) > 0, document.toString());
			Process render = new ProcessBuilder("pdftoppm", "-r", "60", "-png", document.toString(),
					PAGES.resolve(name.replace('.', '-')).toString()).inheritIO().start();
			assertEquals(0, render.waitFor());
		}
		try (Stream<Path> pages = Files.list(PAGES)) {
			assertTrue(pages.count() >= files.size() * 2L);
		}
	}

	@Test
	void theSameReportGivesTheSameBytes() throws IOException, InterruptedException {
		Path again = WORK.resolve("again");
		Run run = report("build", EXAMPLES.toString(), "-o", again.toString(), "--format", "docx,xlsx");
		assertEquals(0, run.exit(), run.err());
		for (String name : exampleNames()) {
			for (String extension : List.of(".docx", ".xlsx")) {
				assertArrayEquals(Files.readAllBytes(OUT.resolve(name + extension)), Files.readAllBytes(again.resolve(name + extension)),
						name + extension);
			}
		}
	}

	@Test
	void aReportWithErrorsIsWithheldUnlessForced(@TempDir Path dir) throws IOException, InterruptedException {
		Path file = dir.resolve("bad.report");
		Files.writeString(file, Files.readString(EXAMPLES.resolve("000-liaocheng-jiguanshiwu-2023.report"))
				.replaceFirst("四:\\s+1 0 0 0 0 0 1", "四: 0 0 0 0 0 0 0"));
		Path out = dir.resolve("out");
		Run run = report("build", file.toString(), "-o", out.toString(), "--format", "docx,xlsx");
		assertEquals(1, run.exit(), run.err());
		assertTrue(run.out().contains("[B1]"), run.out());
		assertTrue(run.err().contains("有错误，未生成"), run.err());
		assertFalse(Files.exists(out), "nothing written");
		Run forced = report("build", file.toString(), "-o", out.toString(), "--format", "docx,xlsx", "--force");
		assertTrue(Files.size(out.resolve("bad.docx")) > 0 && Files.size(out.resolve("bad.xlsx")) > 0, forced.err());
	}

	@Test
	void aFormatNoModuleProvidesIsAUsageErrorThatListsTheOthers(@TempDir Path dir) throws IOException, InterruptedException {
		Run run = report("build", EXAMPLES.toString(), "-o", dir.resolve("out").toString(), "--format", "docx,odt");
		assertEquals(2, run.exit(), run.err());
		assertTrue(run.err().contains("未知的格式「odt」：可用 md、html、json、docx"), run.err());
		assertTrue(run.err().contains("xlsx"), run.err());
		assertFalse(Files.exists(dir.resolve("out")));
	}

	@Test
	void aFontFileThatIsNotThereIsAUsageError(@TempDir Path dir) throws IOException, InterruptedException {
		Run run = report("build", EXAMPLES.toString(), "-o", dir.resolve("out").toString(), "--format", "docx", "--font",
				dir.resolve("none.ttf").toString());
		assertEquals(2, run.exit(), run.err());
		assertTrue(run.err().contains("找不到字体文件"), run.err());
	}

	@Test
	void aFontFileWithoutChineseIsOneClearError(@TempDir Path dir) throws IOException, InterruptedException {
		Path latin = Path.of(System.getProperty("java.home"), "lib", "fonts", "DejaVuSans.ttf");
		Path font = Files.exists(latin) ? latin : Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
		Assumptions.assumeTrue(Files.exists(font), "no Latin-only font to try");
		Run run = report("build", EXAMPLES.resolve("003-liaocheng-kaifaqu-2023.report").toString(), "-o", dir.resolve("out").toString(),
				"--format", "docx", "--font", font.toString());
		assertEquals(1, run.exit(), run.err());
		assertTrue(run.err().contains("error: 字体文件「" + font + "」缺少图表「本年度办理结果」所需的中文字符"), run.err());
		assertFalse(run.err().contains("Exception"), run.err());
	}

	/** The numbers of Tables A, B and C, cell by cell in the tables' order, as the JSON output gives them. */
	private static List<String> tableNumbers(String name) throws IOException {
		JsonObject json = JsonParser.parseString(Files.readString(OUT.resolve(name + ".json"))).getAsJsonObject();
		List<String> numbers = new ArrayList<>();
		for (JsonElement table : json.getAsJsonArray("tables")) {
			for (JsonElement cell : table.getAsJsonObject().getAsJsonArray("cells")) {
				numbers.add(new BigDecimal(cell.getAsJsonObject().get("value").getAsString()).toPlainString());
			}
		}
		return numbers;
	}

	private static List<String> exampleNames() throws IOException {
		try (Stream<Path> files = Files.list(EXAMPLES)) {
			return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".report")).map(n -> n.replace(".report", ""))
					.sorted().toList();
		}
	}

	private static List<Path> docx() throws IOException {
		List<Path> files = new ArrayList<>();
		for (String name : exampleNames()) {
			files.add(OUT.resolve(name + ".docx"));
		}
		return files;
	}

	private static Run report(String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
				JAR.toString()));
		command.addAll(List.of(args));
		Path out = Files.createTempFile("report-out", ".txt");
		Path err = Files.createTempFile("report-err", ".txt");
		try {
			Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
			assertTrue(process.waitFor(5, TimeUnit.MINUTES), "report " + String.join(" ", args));
			return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
		} finally {
			Files.delete(out);
			Files.delete(err);
		}
	}

	/** One headless LibreOffice, with a profile of its own, converting the files into a folder. */
	private static void soffice(Path profile, Path outdir, String filter, List<Path> files) throws IOException, InterruptedException {
		Assumptions.assumeTrue(has("soffice"),
				"soffice (Debian's libreoffice-writer and libreoffice-calc) is not installed: the office files are not read back");
		List<String> command = new ArrayList<>(List.of("soffice", "-env:UserInstallation=" + profile.toUri(), "--headless",
				"--convert-to", filter, "--outdir", outdir.toString()));
		files.forEach(f -> command.add(f.toString()));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(process.waitFor(5, TimeUnit.MINUTES), output);
		assertEquals(0, process.exitValue(), output);
	}

	private static boolean has(String program) {
		for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			if (Files.isExecutable(Path.of(folder, program))) {
				return true;
			}
		}
		return false;
	}

	private static void deleteTree(Path root) throws IOException {
		if (Files.exists(root)) {
			try (Stream<Path> walk = Files.walk(root)) {
				for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
					Files.delete(path);
				}
			}
		}
	}
}
