package report.dsl.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A separate process run to its end and measured from outside: wall time, CPU time (user + system) and peak
 * resident memory, sampled from /proc/PID every few milliseconds while it runs (Linux; elsewhere the CPU time comes
 * from {@link ProcessHandle} and the peak memory is unknown).
 */
public final class MeasuredProcess {

	private static final long SAMPLE_MILLIS = 10;
	private static final double CLOCK_TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux of the last decades

	/** What a run took; {@code peakRssMiB} is -1 when it could not be read. */
	public record Measurement(int exit, double wallSeconds, double cpuSeconds, long peakRssMiB) {
	}

	private MeasuredProcess() {
	}

	/** Runs the command with its output, both streams, in the log file. */
	public static Measurement run(List<String> command, Path log) throws IOException, InterruptedException {
		return run(command, Map.of(), log);
	}

	/** Runs the command with these variables added to its environment, its output in the log file. */
	public static Measurement run(List<String> command, Map<String, String> environment, Path log)
			throws IOException, InterruptedException {
		long start = System.nanoTime();
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().putAll(environment);
		Process process = builder.start();
		Path proc = Path.of("/proc", Long.toString(process.pid()));
		double cpu = 0;
		long peakKiB = -1;
		while (process.isAlive()) {
			try {
				cpu = Math.max(cpu, cpuSeconds(Files.readString(proc.resolve("stat"))));
				peakKiB = Math.max(peakKiB, peakKiB(Files.readAllLines(proc.resolve("status"))));
			} catch (IOException | RuntimeException e) {
				// the process ended between the check and the read, or this is not Linux
			}
			Thread.sleep(SAMPLE_MILLIS);
		}
		int exit = process.waitFor();
		double wall = (System.nanoTime() - start) / 1e9;
		if (cpu == 0) {
			cpu = process.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0);
		}
		return new Measurement(exit, wall, cpu, peakKiB < 0 ? -1 : peakKiB / 1024);
	}

	/** utime + stime, fields 14 and 15 of /proc/PID/stat, counted after the command name's closing parenthesis. */
	private static double cpuSeconds(String stat) {
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / CLOCK_TICKS_PER_SECOND;
	}

	/** VmHWM, the peak resident set, of /proc/PID/status. */
	private static long peakKiB(List<String> status) {
		for (String line : status) {
			if (line.startsWith("VmHWM:")) {
				return Long.parseLong(line.replaceAll("\\D", ""));
			}
		}
		return -1;
	}

	/** The java this benchmark runs on, for the child process. */
	public static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}
}
