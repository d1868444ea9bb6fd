package report.dsl.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import report.dsl.ReportStandaloneSetup;
import report.dsl.batch.AtomicFiles;
import report.dsl.ide.PublishedReportImport;
import report.dsl.importer.ReportImporter;
import report.dsl.importer.UnreadableDocumentException;

/**
 * The language server's import command (editors' "Import published report…"): what `report import SOURCE -o FOLDER`
 * does for one file, with the same importer, reasons in the same words.
 */
public final class EditorImport implements PublishedReportImport {

	private PublishedReports published;

	@Override
	public synchronized Result importInto(Path source, Path folder) throws IOException {
		if (!Files.isRegularFile(source)) {
			throw new IllegalArgumentException("找不到文件：" + source);
		}
		if (Files.exists(folder) && !Files.isDirectory(folder)) {
			throw new IllegalArgumentException("不是目录：" + folder);
		}
		if (published == null) {
			// the server has registered the language; a second registration would replace its services
			published = new PublishedReports(new ReportStandaloneSetup().createInjector());
		}
		ReportImporter.Imported imported;
		try {
			imported = published.read(source, Optional.empty());
		} catch (UnreadableDocumentException e) {
			throw new IllegalArgumentException(source.getFileName() + ": " + e.getMessage());
		}
		if (!imported.complete()) {
			throw new IllegalArgumentException(source.getFileName() + " 未导入：表格不全或没有数值"
					+ imported.report().notes().stream().findFirst().map(n -> "（第" + n.line() + "行：" + n.message() + "）").orElse(""));
		}
		Path target = folder.resolve(imported.fileName());
		if (Files.exists(target) && !Files.readString(target).equals(imported.text())) {
			throw new IllegalArgumentException(target + " 已存在且内容不同，未覆盖");
		}
		AtomicFiles.write(target, imported.text());
		return new Result(target, imported.report().notes().stream().map(n -> n.line() + ":" + n.column() + ": " + n.message()).toList());
	}
}
