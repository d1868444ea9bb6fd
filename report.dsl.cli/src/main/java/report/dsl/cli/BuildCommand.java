package report.dsl.cli;

import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;

import com.google.inject.Injector;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import report.dsl.batch.ReportBatch.Severity;
import report.dsl.batch.ReportBuild;
import report.dsl.generator.DocumentException;
import report.dsl.generator.ReportPublisher;

/** `report build FILE|DIR... -o OUTDIR`: checks, then writes Markdown, HTML and JSON (or the formats asked for) per report. */
@Command(name = "build", mixinStandardHelpOptions = true,
		description = "检查报告并生成 Markdown、HTML、JSON（或 --format 指定的格式，如 docx、xlsx、pdf），每个报告每种格式一个文件，按输入目录结构写到输出目录。有错误的报告不生成（除非 --force），退出码为1。")
final class BuildCommand extends FilesCommand implements Callable<Integer> {

	private static final int PROGRESS_FROM = 20;

	@Option(names = { "-o", "--output" }, required = true, paramLabel = "OUTDIR", description = "输出目录")
	private Path output;

	@Option(names = "--format", split = ",", paramLabel = "md,html,json", description = "生成的格式（默认 md、html、json）：md、html、json，以及已安装的 docx、xlsx、pdf")
	private List<String> formats;

	@Option(names = "--font", paramLabel = "FILE", description = "文档格式（docx 的图表、pdf）使用的中文字体文件（.ttf、.otf、.ttc），默认在系统字体中查找")
	private Path font;

	@Option(names = "--force", description = "报告有错误时也生成")
	private boolean force;

	@Mixin
	private Threads threads;

	@Override
	public Integer call() throws IOException {
		PrintWriter out = out();
		PrintWriter err = err();
		Injector language = language();
		ReportBuild build = language.getInstance(ReportBuild.class);
		List<String> available = language.getInstance(ReportPublisher.class).extensions();
		Set<String> wanted = new LinkedHashSet<>();
		for (String name : formats == null ? List.of("md", "html", "json") : formats) {
			String format = name.trim().toLowerCase(Locale.ROOT);
			if (!available.contains(format)) {
				throw new CommandLine.ParameterException(spec.commandLine(),
						"未知的格式「" + name + "」：可用 " + String.join("、", available));
			}
			wanted.add(format);
		}
		if (font != null && !Files.isRegularFile(font)) {
			throw new CommandLine.ParameterException(spec.commandLine(), "找不到字体文件：" + font);
		}
		if (Files.exists(output) && !Files.isDirectory(output)) {
			err.println("report: 输出目录「" + output + "」是一个已有的文件，请换一个目录");
			return ReportCli.USAGE;
		}
		Optional<List<ReportBuild.Source>> sources = sources();
		if (sources.isEmpty()) {
			return ReportCli.USAGE;
		}
		ReportBuild.Outcome outcome;
		try {
			outcome = build.build(sources.get(), output, wanted, Optional.ofNullable(font), force, threads.count(), progress(err, sources.get().size()));
		} catch (IOException e) { // an output refused or not writable: the reason is the message
			err.println("report: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
			return ReportCli.ERRORS_FOUND;
		} catch (DocumentException e) { // a document output the user can remedy, e.g. no CJK font
			err.println("error: " + e.getMessage());
			return ReportCli.ERRORS_FOUND;
		}
		outcome.check().diagnostics().forEach(d -> out.println(CheckCommand.text(d)));
		for (ReportBuild.Withheld withheld : outcome.withheld()) {
			err.println(withheld.ownErrors() ? "report: " + withheld.file() + " 有错误，未生成（可用 --force 强制生成）"
					: "report: " + withheld.file() + " 的报告「" + withheld.report() + "」未生成：它的数值所依据的 "
							+ withheld.blockedBy() + " 有错误（可用 --force 强制生成）");
		}
		outcome.collisions().forEach(collision -> err.println("report: " + collision));
		err.println("生成了" + outcome.written().size() + "个文件到 " + output + "；" + outcome.check().count(Severity.ERROR)
				+ "个错误，" + outcome.check().count(Severity.WARNING) + "个警告");
		boolean failed = outcome.check().count(Severity.ERROR) > 0 || !outcome.withheld().isEmpty()
				|| !outcome.collisions().isEmpty();
		return failed ? ReportCli.ERRORS_FOUND : 0;
	}

	/** A line that counts up on a terminal for long batches; nothing when the output is piped or logged. */
	private static IntConsumer progress(PrintWriter err, int total) {
		Console console = System.console();
		if (console == null || total < PROGRESS_FROM) {
			return done -> {
			};
		}
		return done -> {
			err.print("\r生成中 " + done + "/" + total);
			if (done == total) {
				err.print("\r");
			}
			err.flush();
		};
	}
}
