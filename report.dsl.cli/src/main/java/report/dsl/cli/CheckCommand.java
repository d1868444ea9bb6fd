package report.dsl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import report.dsl.ReportStandaloneSetup;
import report.dsl.batch.ReportBatch;
import report.dsl.batch.ReportBatch.Diagnostic;
import report.dsl.batch.ReportBatch.Severity;

/** `report check FILE|DIR...`: prints diagnostics as path:line:col: severity: message [CODE]. */
@Command(name = "check", mixinStandardHelpOptions = true,
		description = "检查报告文件，按 javac/gcc 的格式输出诊断：路径:行:列: error|warning: 消息 [代码]。有错误时退出码为1。")
final class CheckCommand implements Callable<Integer> {

	enum Format {
		text, json
	}

	@Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "报告文件，或其中查找 *.report 的目录；一起加载，以便解析上年报告")
	private List<Path> inputs;

	@Option(names = "--format", defaultValue = "text", description = "输出格式：${COMPLETION-CANDIDATES}（默认 ${DEFAULT-VALUE}）")
	private Format format;

	@CommandLine.Spec
	private CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		List<Path> files;
		try {
			files = ReportBatch.collect(inputs);
		} catch (NoSuchFileException e) {
			err.println("report: 找不到文件或目录：" + e.getFile());
			return ReportCli.USAGE;
		} catch (IOException e) {
			err.println("report: 无法读取：" + e.getMessage());
			return ReportCli.USAGE;
		}
		if (files.isEmpty()) {
			err.println("report: 没有找到 .report 文件：" + inputs);
			return ReportCli.USAGE;
		}
		ReportBatch batch = new ReportStandaloneSetup().createInjectorAndDoEMFRegistration().getInstance(ReportBatch.class);
		ReportBatch.Result result = batch.check(files);
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
