package report.dsl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import report.dsl.batch.ReportBatch;
import report.dsl.batch.ReportBatch.Diagnostic;
import report.dsl.batch.ReportBatch.Severity;

/** `report check FILE|DIR...`: prints diagnostics as path:line:col: severity: message [CODE]. */
@Command(name = "check", mixinStandardHelpOptions = true,
		description = "检查报告文件，按 javac/gcc 的格式输出诊断：路径:行:列: error|warning: 消息 [代码]。有错误时退出码为1。")
final class CheckCommand extends FilesCommand implements Callable<Integer> {

	enum Format {
		text, json
	}

	@Option(names = "--format", defaultValue = "text", description = "输出格式：${COMPLETION-CANDIDATES}（默认 ${DEFAULT-VALUE}）")
	private Format format;

	@Mixin
	private Threads threads;

	@Override
	public Integer call() throws IOException {
		PrintWriter out = out();
		PrintWriter err = err();
		Optional<List<Path>> found = files();
		if (found.isEmpty()) {
			return ReportCli.USAGE;
		}
		List<Path> files = found.get();
		ReportBatch.Result result = language().getInstance(ReportBatch.class).check(files, threads.count());
		if (format == Format.json) {
			out.println(json(files, result));
		} else {
			result.diagnostics().forEach(d -> out.println(text(d)));
			err.println("检查了" + files.size() + "个文件：" + result.count(Severity.ERROR) + "个错误，"
					+ result.count(Severity.WARNING) + "个警告");
		}
		out.flush();
		return result.count(Severity.ERROR) > 0 ? ReportCli.ERRORS_FOUND : 0;
	}

	static String text(Diagnostic d) {
		String severity = d.severity() == Severity.ERROR ? "error" : d.severity() == Severity.WARNING ? "warning" : "note";
		return d.file() + ":" + d.line() + ":" + d.column() + ": " + severity + ": " + d.message().replace('\n', ' ')
				+ " [" + d.code() + "]";
	}

	private static String json(List<Path> files, ReportBatch.Result result) {
		JsonArray diagnostics = new JsonArray();
		for (Diagnostic d : result.diagnostics()) {
			JsonObject o = new JsonObject();
			o.addProperty("file", d.file().toString());
			o.addProperty("line", d.line());
			o.addProperty("column", d.column());
			o.addProperty("endLine", d.endLine());
			o.addProperty("endColumn", d.endColumn());
			o.addProperty("severity", d.severity().name().toLowerCase(java.util.Locale.ROOT));
			o.addProperty("code", d.code());
			o.addProperty("message", d.message());
			JsonArray data = new JsonArray();
			d.data().forEach(data::add);
			o.add("data", data);
			diagnostics.add(o);
		}
		JsonObject root = new JsonObject();
		root.addProperty("files", files.size());
		root.addProperty("errors", result.count(Severity.ERROR));
		root.addProperty("warnings", result.count(Severity.WARNING));
		root.add("diagnostics", diagnostics);
		return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root);
	}
}
