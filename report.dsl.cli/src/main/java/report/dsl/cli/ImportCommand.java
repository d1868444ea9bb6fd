package report.dsl.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.XtextResourceSet;

import com.google.inject.Injector;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import report.dsl.ReportStandaloneSetup;
import report.dsl.batch.AtomicFiles;
import report.dsl.importer.GridRow;
import report.dsl.importer.HtmlReader;
import report.dsl.importer.Note;
import report.dsl.importer.ReportImporter;
import report.dsl.importer.TextReader;
import report.dsl.report.ReportFile;
import report.dsl.report.ReportType;

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

	@Option(names = "--types", paramLabel = "FILE.report", description = "声明了自定义报告格式的文件（可多次给出）")
	private List<Path> typeFiles = new ArrayList<>();

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
		XtextResourceSet resourceSet = injector.getInstance(XtextResourceSet.class);
		List<ReportType> types = new ArrayList<>(importer.types(resourceSet));
		for (Path typeFile : typeFiles) {
			Optional<List<ReportType>> declared = declaredTypes(typeFile, resourceSet, err);
			if (declared.isEmpty()) {
				return ReportCli.USAGE;
			}
			types.addAll(declared.get());
		}
		int failed = 0;
		for (Path file : files) {
			ReportImporter.Imported imported;
			try {
				List<GridRow> grid = isHtml(file) ? HtmlReader.read(Files.readAllBytes(file))
						: TextReader.read(ReportImporter.decode(Files.readAllBytes(file)));
				imported = importer.importGrid(file.getFileName().toString(), grid, Optional.ofNullable(type), types, resourceSet);
			} catch (IllegalArgumentException e) {
				err.println("report: " + e.getMessage());
				return ReportCli.USAGE;
			}
			out.println(file + ": 格式 " + imported.type().getName() + (imported.detected() ? "（按表A的列标题判断）" : "") + "，" + String.join("，", imported.report().tables().stream()
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

	/** The report types a file declares; none, with the reason printed, when it cannot be read or has syntax errors. */
	private static Optional<List<ReportType>> declaredTypes(Path file, XtextResourceSet resourceSet, PrintWriter err) {
		if (!Files.isRegularFile(file)) {
			err.println("report: 找不到文件：" + file);
			return Optional.empty();
		}
		Resource resource = resourceSet.createResource(URI.createFileURI(file.toAbsolutePath().normalize().toString()));
		try (InputStream in = Files.newInputStream(file)) {
			resource.load(in, resourceSet.getLoadOptions());
		} catch (IOException e) {
			err.println("report: 无法读取文件：" + file + "：" + e.getMessage());
			return Optional.empty();
		}
		if (!resource.getErrors().isEmpty()) {
			Resource.Diagnostic first = resource.getErrors().get(0);
			err.println(file + ":" + first.getLine() + ":" + first.getColumn() + ": error: " + first.getMessage());
			return Optional.empty();
		}
		return Optional.of(resource.getContents().stream().filter(ReportFile.class::isInstance)
				.flatMap(f -> ((ReportFile) f).getTypes().stream()).toList());
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
