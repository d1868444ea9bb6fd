package report.dsl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import com.google.inject.Injector;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import report.dsl.ReportStandaloneSetup;
import report.dsl.batch.AtomicFiles;
import report.dsl.importer.Note;
import report.dsl.importer.ReportImporter;

/** `report import FILE|DIR... -o OUTDIR [--type NAME] [--force]`: published reports (text, HTML) into report files. */
@Command(name = "import", mixinStandardHelpOptions = true,
		description = "把已发布的年度报告（纯文本或网页）导入为报告文件（.report），表格按报告格式的声明识别，存疑处给出警告。")
final class ImportCommand implements Callable<Integer> {

	@Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "已发布报告的文本（.txt）或网页（.html、.htm），或其中查找这些文件的目录")
	private List<Path> inputs;

	@Option(names = { "-o", "--output" }, required = true, paramLabel = "OUTDIR", description = "写入 .report 文件的目录")
	private Path output;

	@Option(names = "--type", paramLabel = "NAME", description = "报告格式的名称（默认按表A的列标题判断）")
	private String type;

	@Option(names = "--force", description = "覆盖内容不同的已有文件")
	private boolean force;

	@CommandLine.Spec
	private CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() throws IOException {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		List<Path> files = new ArrayList<>();
		for (Path input : inputs) {
			if (Files.isDirectory(input)) {
				try (Stream<Path> found = Files.walk(input)) {
					found.filter(ImportCommand::isPublished).sorted().forEach(files::add);
				}
			} else if (Files.isRegularFile(input)) {
				files.add(input);
			} else {
				err.println("report: 找不到文件或目录：" + input);
				return ReportCli.USAGE;
			}
		}
		if (files.isEmpty()) {
			err.println("report: 没有找到可导入的文件（.txt、.html、.htm）：" + inputs);
			return ReportCli.USAGE;
		}
		Injector injector = new ReportStandaloneSetup().createInjectorAndDoEMFRegistration();
		ReportImporter importer = injector.getInstance(ReportImporter.class);
		int failed = 0;
		for (Path file : files) {
			ReportImporter.Imported imported;
			try {
				imported = isHtml(file) ? importer.importHtml(file.getFileName().toString(), Files.readAllBytes(file), Optional.ofNullable(type))
						: importer.importText(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8), Optional.ofNullable(type));
			} catch (IllegalArgumentException e) {
				err.println("report: " + e.getMessage());
				return ReportCli.USAGE;
			}
			out.println(file + ": 格式 " + imported.type().getName() + "，" + String.join("，", imported.report().tables().stream()
					.map(t -> "表" + t.name() + " " + t.cellsRead() + "/" + t.cellsExpected() + "格").toList()));
			for (Note note : imported.report().notes()) {
				out.println(file + ":" + note.line() + ":" + note.column() + ": warning: " + note.message());
			}
			if (!imported.complete()) {
				err.println(file + ": 未导入：表格不全或没有数值");
				failed++;
				continue;
			}
			Path target = output.resolve(imported.fileName());
			if (Files.exists(target) && !force && !Files.readString(target).equals(imported.text())) {
				err.println(target + ": 已存在且内容不同，未覆盖（用 --force 覆盖）");
				failed++;
				continue;
			}
			AtomicFiles.write(target, imported.text());
			err.println("已导入 " + file + " → " + target);
		}
		return failed == 0 ? 0 : ReportCli.ERRORS_FOUND;
	}

	private static boolean isPublished(Path file) {
		String name = file.getFileName().toString().toLowerCase();
		return Files.isRegularFile(file) && (name.endsWith(".txt") || isHtml(file));
	}

	private static boolean isHtml(Path file) {
		String name = file.getFileName().toString().toLowerCase();
		return name.endsWith(".html") || name.endsWith(".htm");
	}
}
