package report.dsl.cli;

import picocli.CommandLine.Option;

/** How many threads check (and publish) a folder: its reports are independent once linked. */
final class Threads {

	@Option(names = "--threads", paramLabel = "N", description = "同时检查的线程数（默认为处理器核数）；输出与线程数无关")
	private Integer threads;

	int count() {
		return threads == null ? Runtime.getRuntime().availableProcessors() : Math.max(1, threads);
	}
}
