package report.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import report.dsl.ReportStandaloneSetup;
import report.dsl.batch.ReportBatch;

/**
 * A folder larger than one chunk is checked chunk by chunk on several threads: what check and build print and write
 * is the same byte for byte whatever the number of threads, and the same as checking every file in one resource set.
 * The folder has errors, warnings, names repeated in another chunk and 上年报告 links into other chunks.
 */
class BatchThreadsTest {

	private static final Path EXAMPLES = Path.of("..", "examples");
	private static final int FILES = ReportBatch.CHUNK + 60;

	@TempDir
	static Path dir;

	private static Path folder;

	@BeforeAll
	static void writeFolder() throws IOException {
		folder = Files.createDirectories(dir.resolve("reports"));
		List<Path> examples;
		try (Stream<Path> list = Files.list(EXAMPLES)) {
			examples = list.filter(p -> p.toString().endsWith(".report")).sorted().toList();
		}
		for (int i = 0; i < FILES; i++) {
			Path example = examples.get(i % examples.size());
			String text = Files.readString(example);
			String name = text.lines().filter(line -> line.startsWith("报告 ")).findFirst().orElseThrow().split(" ")[1];
			String renamed = name + (i == FILES - 1 ? (FILES - 1) % examples.size() : i); // the last repeats an earlier one's name
			text = text.replace("报告 " + name + " ", "报告 " + renamed + " ");
			if (i % 7 == 3) { // a balance broken: errors
				text = text.replaceFirst("四:\\s+1 0 0 0 0 0 1", "四: 0 0 0 0 0 0 0").replaceFirst("(表 B \\{[^}]*?\\d+)", "$11");
			}
			if (i >= ReportBatch.CHUNK + 10 && i % 10 == 0) { // last year's report in an earlier chunk (same example)
				String previous = name + (i - ReportBatch.CHUNK - 5);
				text = text.replaceFirst("\t年度 2023", "\t年度 2023\n\t上年报告 " + previous);
			}
			Files.writeString(folder.resolve(String.format("%04d-%s", i, example.getFileName())), text);
		}
	}

	@Test
	void checkPrintsTheSameWhateverTheThreadsAndAsOneResourceSet() throws IOException {
		ReportCliTest.Run one = ReportCliTest.run("check", "--threads", "1", folder.toString());
		ReportCliTest.Run two = ReportCliTest.run("check", "--threads", "2", folder.toString());
		assertEquals(1, one.exit());
		assertTrue(one.out().contains("[report.duplicate-name]"), one.out());
		assertTrue(one.out().contains("上年报告"), "the cross-chunk links are checked: " + one.out());
		assertEquals(one, two);

		ReportBatch batch = new ReportStandaloneSetup().createInjectorAndDoEMFRegistration().getInstance(ReportBatch.class);
		String together = batch.check(ReportBatch.collect(List.of(folder))).diagnostics().stream().map(CheckCommand::text)
				.map(line -> line + System.lineSeparator()).collect(Collectors.joining());
		assertEquals(together, one.out());
	}

	@Test
	void buildWritesAndPrintsTheSameWhateverTheThreads() throws IOException {
		ReportCliTest.Run one = ReportCliTest.run("build", "--threads", "1", folder.toString(), "-o", dir.resolve("one").toString());
		ReportCliTest.Run two = ReportCliTest.run("build", "--threads", "2", folder.toString(), "-o", dir.resolve("two").toString());
		assertEquals(one.exit(), two.exit());
		assertEquals(one.out(), two.out());
		assertEquals(one.err().replace(dir.resolve("one").toString(), "OUT"), two.err().replace(dir.resolve("two").toString(), "OUT"));
		Map<Path, String> written = tree(dir.resolve("one"));
		assertTrue(written.size() > 3 * FILES / 2, written.size() + " files written");
		assertEquals(written, tree(dir.resolve("two")));
	}

	private static Map<Path, String> tree(Path root) throws IOException {
		Map<Path, String> files = new TreeMap<>();
		try (Stream<Path> walk = Files.walk(root)) {
			for (Path file : walk.filter(Files::isRegularFile).toList()) {
				files.put(root.relativize(file), Files.readString(file));
			}
		}
		return files;
	}
}
