package report.dsl.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One report checked cold, as a user runs it: {@code LAUNCHER check FILE} as a separate process, JVM start
 * included, RUNS times, against {@code java -jar JAR check FILE} (the jar without the launcher's class-data sharing)
 * run as often, the two alternating so that a machine busy with other work slows both alike. The launcher's first
 * run, which makes its class-data archive, is shown apart. Prints the median and the fastest wall time and the median
 * CPU time (user + system, of the process and its children) of each, and the load average.
 * Run: java -cp benchmarks.jar report.dsl.benchmarks.ColdCheckRun [RUNS [LAUNCHER [JAR [FILE]]]]
 */
public final class ColdCheckRun {

	private static final double CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on every Linux of the last decades

	private ColdCheckRun() {
	}

	private record Run(double wallSeconds, double cpuSeconds) {
	}

	public static void main(String[] args) throws IOException, InterruptedException {
		int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
		String launcher = args.length > 1 ? args[1] : "./report";
		String jar = args.length > 2 ? args[2] : "report.dsl.cli/target/report.jar";
		String file = args.length > 3 ? args[3] : "examples/003-liaocheng-kaifaqu-2023.report";
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> withLauncher = List.of(launcher, "check", file);
		List<String> plain = List.of(java, "-jar", jar, "check", file);

		System.out.println("load average before: " + loadAverage());
		Run first = run(withLauncher);
		List<Run> launched = new ArrayList<>();
		List<Run> plainRuns = new ArrayList<>();
		for (int i = 0; i < runs; i++) {
			launched.add(run(withLauncher));
			plainRuns.add(run(plain));
		}
		System.out.printf("%s (its first run, which may make the class-data archive): %.2f s wall, %.2f s CPU%n",
				String.join(" ", withLauncher), first.wallSeconds(), first.cpuSeconds());
		print(String.join(" ", withLauncher), launched);
		print(String.join(" ", plain), plainRuns);
		System.out.println("load average after: " + loadAverage());
	}

	private static void print(String command, List<Run> runs) {
		List<Double> walls = new ArrayList<>(runs.stream().map(Run::wallSeconds).toList());
		List<Double> cpus = new ArrayList<>(runs.stream().map(Run::cpuSeconds).toList());
		Collections.sort(walls);
		Collections.sort(cpus);
		System.out.printf("%s, %d runs: median %.2f s wall (fastest %.2f s), median %.2f s CPU%n", command, runs.size(),
				walls.get(walls.size() / 2), walls.get(0), cpus.get(cpus.size() / 2));
	}

	/** Runs the command to its end, its output discarded; fails unless it exits 0 (the examples are clean). */
	private static Run run(List<String> command) throws IOException, InterruptedException {
		double cpuBefore = childrenCpuSeconds();
		long start = System.nanoTime();
		Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.redirectError(ProcessBuilder.Redirect.DISCARD).start();
		int exit = process.waitFor();
		double wall = (System.nanoTime() - start) / 1e9;
		if (exit != 0) {
			throw new IllegalStateException(String.join(" ", command) + " exited with " + exit);
		}
		return new Run(wall, childrenCpuSeconds() - cpuBefore);
	}

	/**
	 * cutime + cstime of this process (fields 16 and 17 of /proc/self/stat): the CPU time of the children it has waited
	 * for, theirs included; NaN where there is no /proc.
	 */
	private static double childrenCpuSeconds() {
		try {
			String stat = Files.readString(Path.of("/proc/self/stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / CLOCK_TICKS_PER_SECOND;
		} catch (IOException e) {
			return Double.NaN;
		}
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).strip();
		} catch (IOException e) {
			return "?";
		}
	}
}
