package report.dsl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import report.dsl.batch.AtomicFiles;
import report.dsl.importer.Note;
import report.dsl.importer.ReportImporter;
import report.dsl.importer.TableFiller;
import report.dsl.importer.UnreadableDocumentException;

/**
 * `report import FILE|DIR... -o OUTDIR [--type NAME] [--force]`: published reports (text, HTML, Word, PDF, Excel) into
 * report files; `report import --tables BOOK.xlsx --into FILE.report`: a report's tables filled from a workbook.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
		description = "把已发布的年度报告（纯文本、网页、Word、PDF 或 Excel）导入为报告文件（.report），表格按报告格式的声明识别，存疑处给出警告。")
final class ImportCommand implements Callable<Integer> {

	@Parameters(arity = "0..*", paramLabel = "FILE|DIR", description = "已发布报告的文本（.txt）、网页（.html、.htm）、Markdown（.md）、Word（.docx）、PDF 或 Excel（.xlsx）文件，或其中查找这些文件的目录")
	private List<Path> inputs;

	@Option(names = { "-o", "--output" }, paramLabel = "OUTDIR", description = "写入 .report 文件的目录")
	private Path output;

	@Option(names = "--tables", paramLabel = "BOOK.xlsx", description = "按官方表式填写的工作簿（每表一个工作表），用其数值填入 --into 所给报告的表格")
	private Path tables;

	@Option(names = "--into", paramLabel = "FILE.report", description = "填入表格的报告文件：只替换其中的「表 X { }」，其余内容不变")
	private Path into;

	@Option(names = "--type", paramLabel = "NAME", description = "报告格式的名称（默认按表A的列标题判断）")
	private String type;

	@Option(names = "--types", paramLabel = "FILE.report", description = "声明了自定义报告格式的文件（可多次给出）")
	private List<Path> typeFiles = new ArrayList<>();

	@Option(names = "--previous", paramLabel = "DIR", description = "已导入或编写的报告所在目录：同一机关上一年度的报告用作「上年报告」")
	private Path previous;

	@Option(names = "--force", description = "覆盖内容不同的已有文件")
	private boolean force;

	@CommandLine.Spec
	private CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() throws IOException {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		if (tables != null || into != null) {
			return fillTables(out, err);
		}
		if (inputs == null || inputs.isEmpty() || output == null) {
			err.println("report: 请给出要导入的文件和 -o OUTDIR，或用 --tables BOOK.xlsx --into FILE.report 填入表格");
			spec.commandLine().usage(err);
			return ReportCli.USAGE;
		}
		Optional<List<Path>> files = PublishedReports.files(inputs, err);
		if (files.isEmpty()) {
			return ReportCli.USAGE;
		}
		PublishedReports published = new PublishedReports();
		for (Path typeFile : typeFiles) {
			if (!published.addTypes(typeFile, err)) {
				return ReportCli.USAGE;
			}
		}
		Map<String, String> earlier = Map.of();
		if (previous != null) {
			Optional<Map<String, String>> found = published.reportsIn(previous, err);
			if (found.isEmpty()) {
				return ReportCli.USAGE;
			}
			earlier = found.get();
		}
		int failed = 0;
		for (Path file : files.get()) {
			ReportImporter.Imported imported;
			try {
				imported = published.read(file, Optional.ofNullable(type));
			} catch (IllegalArgumentException e) {
				err.println("report: " + e.getMessage());
				return ReportCli.USAGE;
			} catch (UnreadableDocumentException e) {
				err.println(file + ": " + e.getMessage());
				failed++;
				continue;
			}
			String lastYear = earlier.get(imported.report().body() + "/" + (imported.report().year() - 1));
			if (lastYear != null) {
				imported = published.link(imported, lastYear);
			}
			out.println(PublishedReports.summary(file, imported));
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

	/** `--tables BOOK.xlsx --into FILE.report`: the report's tables replaced by the workbook's, the file rewritten atomically. */
	private int fillTables(PrintWriter out, PrintWriter err) throws IOException {
		if (tables == null || into == null || inputs != null && !inputs.isEmpty() || output != null) {
			err.println("report: --tables 和 --into 须一起给出，且不与其他输入文件或 -o 同用");
			return ReportCli.USAGE;
		}
		for (Path file : List.of(tables, into)) {
			if (!Files.isRegularFile(file)) {
				err.println("report: 找不到文件：" + file);
				return ReportCli.USAGE;
			}
		}
		PublishedReports published = new PublishedReports();
		TableFiller.Filled filled;
		try {
			filled = published.fill(tables, into);
		} catch (UnreadableDocumentException e) {
			err.println(tables + ": " + e.getMessage());
			return ReportCli.ERRORS_FOUND;
		} catch (IllegalArgumentException e) {
			err.println(into + ": " + e.getMessage());
			return ReportCli.ERRORS_FOUND;
		}
		for (Note note : filled.notes()) {
			out.println(tables + ":" + note.line() + ":" + note.column() + ": warning: " + note.message());
		}
		if (filled.tables().isEmpty()) {
			err.println(tables + ": 工作簿中找不到报告的任何表格，" + into + " 未改动");
			return ReportCli.ERRORS_FOUND;
		}
		AtomicFiles.write(into, filled.text());
		err.println("已将 " + tables + " 中的表" + String.join("、表", filled.tables()) + "填入 " + into);
		return 0;
	}
}
