package report.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `report build --format pdf` as users run it, with the shaded jar (whose merged services files are what finds the
 * output), each build its own process: the eleven example reports (the five and the county's six) give eleven PDFs that poppler reads back with the CJK faces
 * embedded, the same bytes from one run to the next, and a font file that cannot serve is one `error:` line with exit
 * code 1. The content of the pages is tested in report.dsl.pdf (PdfOutputTest).
 */
class PdfOutputIT {

	private static final Path JAR = Path.of("target", "report.jar").toAbsolutePath();
	private static final Path EXAMPLES = Path.of("..", "examples");

	record Run(int exit, String err) {
	}

	private static Run report(Path dir, String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		if (Runtime.version().feature() >= 24) {
			command.add("--sun-misc-unsafe-memory-access=allow"); // as bin/report and ./report start it
		}
		command.addAll(List.of("-jar", JAR.toString()));
		command.addAll(List.of(args));
		Path err = dir.resolve("stderr.txt");
		Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile())
				.start();
		return new Run(process.waitFor(), Files.readString(err, StandardCharsets.UTF_8));
	}

	@Test
	void theExamplesBuildToTheSamePdfBytesInTwoRuns(@TempDir Path dir) throws Exception {
		List<List<Path>> runs = new ArrayList<>();
		for (String name : List.of("first", "second")) {
			Run run = report(dir, "build", EXAMPLES.toString(), "--format", "pdf", "-o", dir.resolve(name).toString());
			assertEquals(0, run.exit(), run.err());
			assertEquals(List.of("生成了11个文件到 " + dir.resolve(name) + "；0个错误，0个警告"), run.err().lines().toList()); // no library's log lines
			runs.add(files(dir.resolve(name)));
		}
		assertEquals(11, runs.get(0).size(), runs.toString());
		for (int i = 0; i < 11; i++) {
			assertTrue(runs.get(0).get(i).toString().endsWith(".pdf"), runs.get(0).get(i).toString());
			String text = run("pdftotext", runs.get(0).get(i).toString(), "-");
			assertTrue(text.matches("(?s).*20\\d\\d年政府信息公开工作年度报告.*"), text);
			for (String face : run("pdffonts", runs.get(0).get(i).toString()).lines().skip(2).toList()) {
				assertTrue(face.matches("\\w{6}\\+\\S+\\s+CID TrueType\\s+Identity-H\\s+yes yes yes.*"), face);
			}
			assertArrayEquals(Files.readAllBytes(runs.get(0).get(i)), Files.readAllBytes(runs.get(1).get(i)),
					runs.get(0).get(i).getFileName().toString());
		}
	}

	/** Debian's Noto Serif CJK collection (CFF outlines) named with --font: embedded as a subset, the file stays small. */
	@Test
	void aNotoCjkCollectionNamedWithFontIsEmbeddedAsASubset(@TempDir Path dir) throws Exception {
		Path noto = Path.of("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc");
		Assumptions.assumeTrue(Files.isRegularFile(noto), "fonts-noto-cjk is not installed");
		Run run = report(dir, "build", EXAMPLES.resolve("003-liaocheng-kaifaqu-2023.report").toString(), "--format", "pdf",
				"--font", noto.toString(), "-o", dir.resolve("out").toString());
		assertEquals(0, run.exit(), run.err());
		Path pdf = dir.resolve("out/003-liaocheng-kaifaqu-2023.pdf");
		assertTrue(Files.size(pdf) < 1_000_000, "bytes: " + Files.size(pdf));
		List<String> faces = run("pdffonts", pdf.toString()).lines().skip(2).toList();
		assertEquals(1, faces.size(), faces.toString());
		assertTrue(faces.get(0).matches("\\w{6}\\+NotoSerifCJKsc-Regular\\s+CID TrueType\\s+Identity-H\\s+yes yes yes.*"), faces.get(0));
		String text = run("pdftotext", "-layout", pdf.toString(), "-");
		assertTrue(text.contains("聊城经济技术开发区管理委员会") && text.contains("2023年政府信息公开工作年度报告"), text);
	}

	@Test
	void aFontFileThatIsNoFontIsOneErrorLineAndNoFile(@TempDir Path dir) throws Exception {
		Path notAFont = EXAMPLES.resolve("004-yeji-jiguanshiwu-2023.report");
		Run run = report(dir, "build", notAFont.toString(), "--format", "pdf", "--font", notAFont.toString(), "-o",
				dir.resolve("out").toString());
		assertEquals(1, run.exit(), run.err());
		assertEquals("error: 字体文件「" + notAFont
				+ "」不可用：需要含中文字形的 TrueType 或 OpenType 字体文件（.ttf、.otf 或 .ttc，如 simfang.ttf、NotoSerifCJK-Regular.ttc）", run.err().strip());
		assertEquals(List.of(), files(dir.resolve("out")));
	}

	private static String run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertEquals(0, process.waitFor(), String.join(" ", command) + "\n" + output);
		return output;
	}

	private static List<Path> files(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(dir)) {
			return files.filter(Files::isRegularFile).sorted().toList();
		}
	}
}
