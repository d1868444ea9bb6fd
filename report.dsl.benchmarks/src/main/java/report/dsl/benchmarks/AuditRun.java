package report.dsl.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;


/**
 * End to end: {@code report audit} of a folder of published reports, run as users run it, as a separate process of
 * the command line's jar. The folder holds REPORTS plain texts made from the five seeds of the importer's tests, each
 * under its own body (a prefix to the seed's body wherever it is printed), so that no two are linked as consecutive
 * years. Prints the reports per second, the process's start included.
 */
public final class AuditRun {

	/** The seeds and the body each names (seed 004 prints its body in the signature only). */
	private static final List<List<String>> SEEDS = List.of(List.of("000_2ee23b266e469e74.txt", "聊城市机关事务管理局"),
			List.of("001_e8fcdfa7d80f9078.txt", "烟台市机关事务管理局"), List.of("002_494098ddfe450f28.txt", "聊城市工业和信息化局"),
			List.of("003_a37446611c7cd14c.txt", "聊城经济技术开发区管理委员会"), List.of("004_a9f9a7f1c73bf2cc.txt", "叶集区机关事务管理服务中心"));

	private static final String STEMS = "甲乙丙丁戊己庚辛壬癸";

	private AuditRun() {
	}

	/** {@code AuditRun [REPORTS [REPORT_JAR [SEED_DIR]]]}: 1000, report.dsl.cli/target/report.jar, the importer's seeds. */
	public static void main(String[] args) throws IOException, InterruptedException {
		int reports = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
		Path jar = Path.of(args.length > 1 ? args[1] : "report.dsl.cli/target/report.jar");
		Path seeds = Path.of(args.length > 2 ? args[2] : "report.dsl.importer/src/test/resources/seeds");
		Path work = Files.createTempDirectory("audit-run");
		try {
			Path in = Files.createDirectories(work.resolve("published"));
			for (int i = 0; i < reports; i++) {
				List<String> seed = SEEDS.get(i % SEEDS.size());
				String text = Files.readString(seeds.resolve(seed.get(0)), StandardCharsets.UTF_8);
				Files.writeString(in.resolve(String.format("%05d.txt", i)), text.replace(seed.get(1), stem(i) + seed.get(1)));
			}
			Path java = Path.of(System.getProperty("java.home"), "bin", "java");
			long start = System.nanoTime();
			Process process = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "audit", in.toString(), "-o",
					work.resolve("audit").toString()).redirectErrorStream(true).redirectOutput(work.resolve("audit.log").toFile()).start();
			int exit = process.waitFor();
			double seconds = (System.nanoTime() - start) / 1e9;
			String json = Files.readString(work.resolve("audit").resolve("audit.json"));
			long imported = json.split("\"imported\": ?true", -1).length - 1;
			System.out.printf("report audit of %d published reports: exit %d, %d imported, %.1f s, %.0f reports/s%n", reports, exit,
					imported, seconds, reports / seconds);
			if (imported != reports) {
				throw new IllegalStateException("not every report was imported; see " + work.resolve("audit.log"));
			}
		} finally {
			Files.walk(work).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
	}

	/** A distinct prefix per report: i written in the ten celestial stems. */
	private static String stem(int i) {
		StringBuilder stem = new StringBuilder();
		do {
			stem.append(STEMS.charAt(i % 10));
			i /= 10;
		} while (i > 0);
		return stem.toString();
	}
}
