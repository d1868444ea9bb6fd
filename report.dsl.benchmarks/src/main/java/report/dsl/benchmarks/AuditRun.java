package report.dsl.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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

	private static final Path SEED_DIR = Path.of("report.dsl.importer/src/test/resources/seeds");

	private static final String STEMS = "甲乙丙丁戊己庚辛壬癸";

	private AuditRun() {
	}

	/**
	 * {@code AuditRun [REPORTS [REPORT_JAR|LAUNCHER [SEED_DIR]]]}: 1000, report.dsl.cli/target/report.jar, the importer's
	 * seeds. A LAUNCHER (./report, the archive's bin/report: any path not ending in .jar) runs as users run it.
	 */
	public static void main(String[] args) throws IOException, InterruptedException {
		int reports = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
		String jar = args.length > 1 ? args[1] : "report.dsl.cli/target/report.jar";
		Path seeds = args.length > 2 ? Path.of(args[2]) : SEED_DIR;
		Path work = Files.createTempDirectory("audit-run");
		try {
			Path log = work.resolve("audit.log");
			List<String> command = jar.endsWith(".jar") ? List.of(MeasuredProcess.java(), "-jar", jar) : List.of(jar);
			MeasuredProcess.Measurement m = run(reports, command, seeds, work, log);
			System.out.printf(Locale.ROOT, "report audit of %d published reports: exit %d, %.1f s wall, %.1f s CPU, peak RSS %d MiB, %.0f reports/s%n",
					reports, m.exit(), m.wallSeconds(), m.cpuSeconds(), m.peakRssMiB(), reports / m.wallSeconds());
		} finally {
			EndToEndRun.delete(work);
		}
	}

	/**
	 * Audits REPORTS seed texts written under WORK with the command JAVA (java, its options, -jar and the jar; or a
	 * launcher script).
	 */
	static MeasuredProcess.Measurement run(int reports, List<String> java, Path work, Path log)
			throws IOException, InterruptedException {
		return run(reports, java, SEED_DIR, work, log);
	}

	private static MeasuredProcess.Measurement run(int reports, List<String> java, Path seeds, Path work, Path log)
			throws IOException, InterruptedException {
		Path in = Files.createDirectories(work.resolve("published"));
		for (int i = 0; i < reports; i++) {
			List<String> seed = SEEDS.get(i % SEEDS.size());
			String text = Files.readString(seeds.resolve(seed.get(0)), StandardCharsets.UTF_8);
			Files.writeString(in.resolve(String.format("%05d.txt", i)), text.replace(seed.get(1), stem(i) + seed.get(1)));
		}
		List<String> command = new ArrayList<>(java);
		command.addAll(List.of("audit", in.toString(), "-o", work.resolve("audit").toString()));
		MeasuredProcess.Measurement m = MeasuredProcess.run(command, log);
		String json = Files.readString(work.resolve("audit").resolve("audit.json"));
		long imported = json.split("\"imported\": ?true", -1).length - 1;
		if (imported != reports) {
			throw new IllegalStateException(imported + " of " + reports + " reports imported; see " + log);
		}
		return m;
	}

	/** A distinct prefix per report: i written in the ten celestial stems. */
	static String stem(int i) {
		StringBuilder stem = new StringBuilder();
		do {
			stem.append(STEMS.charAt(i % 10));
			i /= 10;
		} while (i > 0);
		return stem.toString();
	}
}
