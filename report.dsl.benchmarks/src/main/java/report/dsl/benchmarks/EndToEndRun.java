package report.dsl.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The command line as users run it, on folders of full-size reports: {@code report check DIR} and
 * {@code report build DIR -o OUT} (all formats), each a separate process of the command line's jar, measured from
 * outside (wall, CPU, peak memory); then {@code report audit} of published seed texts (see {@link AuditRun}).
 * <p>
 * {@code EndToEndRun [--jar JAR] [--heap SIZE] [--jvm-option OPTION]... [--launcher SCRIPT] [--commands check,build]
 * [--audit REPORTS] [REPORTS...]}: 1000 and 10000 reports by default, report.dsl.cli/target/report.jar, -Xmx1g (the
 * launcher's default heap), no other JVM option, both commands, audit of 1000 (0: none). With {@code --launcher}
 * (./report, or the archive's bin/report) each command runs through that script instead, with the JVM options it
 * chooses (its class-data archive, its compiler for the command); the jar and heap are then not used, and the JVM
 * options reach the launcher's JVM through JAVA_TOOL_OPTIONS (for check and build; audit runs without them).
 * Run the launcher once before, so that it does not build its jar while it is measured.
 */
public final class EndToEndRun {

	private static final Pattern BODY = Pattern.compile("发布机关 \"([^\"]+)\"");

	private EndToEndRun() {
	}

	public static void main(String[] args) throws IOException, InterruptedException {
		Path jar = Path.of("report.dsl.cli/target/report.jar");
		String heap = "1g";
		int audit = 1000;
		List<String> commands = List.of("check", "build");
		List<String> jvmOptions = new ArrayList<>();
		String launcher = null;
		List<Integer> sizes = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--jar" -> jar = Path.of(args[++i]);
				case "--heap" -> heap = args[++i];
				case "--audit" -> audit = Integer.parseInt(args[++i]);
				case "--commands" -> commands = List.of(args[++i].split(","));
				case "--jvm-option" -> jvmOptions.add(args[++i]);
				case "--launcher" -> launcher = args[++i];
				default -> sizes.add(Integer.parseInt(args[i]));
			}
		}
		if (sizes.isEmpty()) {
			sizes = List.of(1000, 10_000);
		}
		List<String> java = new ArrayList<>(List.of(MeasuredProcess.java(), "-Xmx" + heap));
		java.addAll(jvmOptions);
		java.addAll(List.of("-jar", jar.toString()));
		// a launcher picks its own JVM options: the given ones reach its JVM through JAVA_TOOL_OPTIONS, e.g. a recording
		Map<String, String> environment = Map.of();
		if (launcher != null) {
			java = List.of(launcher);
			if (!jvmOptions.isEmpty()) {
				environment = Map.of("JAVA_TOOL_OPTIONS", String.join(" ", jvmOptions));
			}
		}
		System.out.printf(Locale.ROOT, "Java %s, %d cores, load average %s; child: %s%n", Runtime.version(),
				Runtime.getRuntime().availableProcessors(), loadAverage(), String.join(" ", java));
		System.out.println("| command | reports | wall | CPU (user+sys) | peak RSS | reports/s |");
		System.out.println("|---|---|---|---|---|---|");
		for (int reports : sizes) {
			Path work = Files.createTempDirectory("end-to-end-");
			try {
				Path in = write(work.resolve("reports"), reports);
				List<String> check = new ArrayList<>(java);
				check.addAll(List.of("check", in.toString()));
				Path checkLog = work.resolve("check.log");
				if (commands.contains("check")) {
					row("check", reports, MeasuredProcess.run(check, environment, checkLog), checkLog, 0);
				}
				if (!commands.contains("build")) {
					continue;
				}
				List<String> build = new ArrayList<>(java);
				build.addAll(List.of("build", in.toString(), "-o", work.resolve("out").toString()));
				Path buildLog = work.resolve("build.log");
				row("build (md, html, json)", reports, MeasuredProcess.run(build, environment, buildLog), buildLog, 0);
				long written;
				try (Stream<Path> out = Files.walk(work.resolve("out"))) {
					written = out.filter(Files::isRegularFile).count();
				}
				if (written != 3L * reports) {
					throw new IllegalStateException("build wrote " + written + " files, not " + 3L * reports + "; see " + buildLog);
				}
			} finally {
				delete(work);
			}
		}
		if (audit > 0) {
			Path work = Files.createTempDirectory("end-to-end-audit-");
			try {
				Path log = work.resolve("audit.log");
				row("audit (import + check)", audit, AuditRun.run(audit, java, work, log), log, 0);
			} finally {
				delete(work);
			}
		}
	}

	/**
	 * The five examples in turn, each under its own body: a prefix to the body wherever the report prints it, its
	 * report's name included, so that every report is distinct and each checks as its example does.
	 */
	static Path write(Path folder, int reports) throws IOException {
		Files.createDirectories(folder);
		for (int i = 0; i < reports; i++) {
			String example = Examples.ALL.get(i % Examples.ALL.size());
			String text = Examples.text(example);
			Matcher body = BODY.matcher(text);
			if (!body.find()) {
				throw new IllegalStateException(example + " names no 发布机关");
			}
			Files.writeString(folder.resolve(String.format(Locale.ROOT, "%05d-%s", i, example)),
					text.replace(body.group(1), AuditRun.stem(i) + body.group(1)), StandardCharsets.UTF_8);
		}
		return folder;
	}

	private static void row(String command, int reports, MeasuredProcess.Measurement m, Path log, int expectedExit)
			throws IOException {
		System.out.printf(Locale.ROOT, "| %s | %,d | %.1f s | %.1f s | %s | %.0f |%n", command, reports, m.wallSeconds(),
				m.cpuSeconds(), m.peakRssMiB() < 0 ? "?" : m.peakRssMiB() + " MiB", reports / m.wallSeconds());
		if (m.exit() != expectedExit) {
			List<String> lines = Files.readAllLines(log);
			throw new IllegalStateException(command + " exited " + m.exit() + ": "
					+ String.join("\n", lines.subList(Math.max(0, lines.size() - 5), lines.size())));
		}
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).trim();
		} catch (IOException e) {
			return "unknown";
		}
	}

	static void delete(Path folder) throws IOException {
		try (Stream<Path> walk = Files.walk(folder)) {
			for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}
}
