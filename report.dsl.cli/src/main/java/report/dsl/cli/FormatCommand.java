package report.dsl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.XtextResource;

import com.google.inject.Injector;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import report.dsl.batch.AtomicFiles;
import report.dsl.batch.ReportBatch;
import report.dsl.batch.ReportFormatting;

/** `report format [--check] FILE|DIR...`: lays files out as the editors' format command does. */
@Command(name = "format", mixinStandardHelpOptions = true,
		description = "按统一格式重排报告文件（表格对齐成列）。有语法错误的文件不改动。")
final class FormatCommand extends FilesCommand implements Callable<Integer> {

	@Option(names = "--check", description = "只检查，不改写：列出未按格式排版的文件，有则退出码为1")
	private boolean check;

	@Override
	public Integer call() throws IOException {
		PrintWriter out = out();
		PrintWriter err = err();
		Optional<List<Path>> found = files();
		if (found.isEmpty()) {
			return ReportCli.USAGE;
		}
		List<Path> files = found.get();
		Injector injector = language();
		ReportBatch batch = injector.getInstance(ReportBatch.class);
		ReportFormatting formatting = injector.getInstance(ReportFormatting.class);
		ReportBatch.Loaded loaded = batch.load(files);
		loaded.problems().forEach(d -> out.println(CheckCommand.text(d)));
		int exit = loaded.problems().isEmpty() ? 0 : ReportCli.ERRORS_FOUND;
		for (Map.Entry<Path, Resource> entry : loaded.resources().entrySet()) {
			Path file = entry.getKey();
			XtextResource resource = (XtextResource) entry.getValue();
			Optional<String> formatted = formatting.format(resource);
			if (formatted.isEmpty()) {
				batch.syntaxErrors(file, resource).forEach(d -> out.println(CheckCommand.text(d)));
				exit = ReportCli.ERRORS_FOUND;
				continue;
			}
			String original = ReportFormatting.source(resource).original();
			if (formatted.get().equals(original)) {
				continue;
			}
			if (check) {
				out.println(file + ": 未按格式排版（运行 report format " + file + "）");
				exit = ReportCli.ERRORS_FOUND;
			} else {
				AtomicFiles.write(file.toRealPath(), formatted.get()); // through a symbolic link, which stays a link
				err.println("已格式化 " + file);
			}
		}
		return exit;
	}
}
