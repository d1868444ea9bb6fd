package report.dsl.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;

import com.google.inject.Injector;

import report.dsl.ReportStandaloneSetup;
import report.dsl.batch.ReportBatch;
import report.dsl.importer.GridRow;
import report.dsl.importer.PublishedDocument;
import report.dsl.importer.ReportImporter;
import report.dsl.importer.TableFiller;
import report.dsl.importer.XlsxReader;
import report.dsl.importer.UnreadableDocumentException;
import report.dsl.report.ReportFile;
import report.dsl.report.ReportType;

/** What `report import` and `report audit` share: finding published reports, the report types, importing one file. */
final class PublishedReports {

	final Injector injector;
	final ReportImporter importer;
	private final XtextResourceSet resourceSet;
	private final List<ReportType> types;

	PublishedReports() {
		this(new ReportStandaloneSetup().createInjectorAndDoEMFRegistration());
	}

	/**
	 * With the language's injector of a program that has registered the language already (the language server), or
	 * one per thread when several import at once.
	 */
	PublishedReports(Injector injector) {
		this.injector = injector;
		importer = injector.getInstance(ReportImporter.class);
		resourceSet = injector.getInstance(XtextResourceSet.class);
		types = new ArrayList<>(importer.types(resourceSet));
	}

	/** The published files under the inputs (.txt, .html, .htm, .md, .docx, .pdf; any file named); none, with the reason printed, on a usage error. */
	static Optional<List<Path>> files(List<Path> inputs, PrintWriter err) throws IOException {
		List<Path> files = new ArrayList<>();
		for (Path input : inputs) {
			if (Files.isDirectory(input)) {
				try (Stream<Path> found = Files.walk(input)) {
					found.filter(PublishedReports::isPublished).sorted().forEach(files::add);
				}
			} else if (Files.isRegularFile(input)) {
				files.add(input);
			} else {
				err.println("report: 找不到文件或目录：" + input);
				return Optional.empty();
			}
		}
		if (files.isEmpty()) {
			err.println("report: 没有找到可导入的文件（.txt、.html、.htm、.md、.docx、.pdf）：" + inputs);
			return Optional.empty();
		}
		return Optional.of(files);
	}

	/** Adds the report types a file declares; false, with the reason printed, when it cannot be read or has syntax errors. */
	boolean addTypes(Path file, PrintWriter err) {
		if (!Files.isRegularFile(file)) {
			err.println("report: 找不到文件：" + file);
			return false;
		}
		Resource resource = resourceSet.createResource(URI.createFileURI(file.toAbsolutePath().normalize().toString()));
		try (InputStream in = Files.newInputStream(file)) {
			resource.load(in, resourceSet.getLoadOptions());
		} catch (IOException e) {
			err.println("report: 无法读取文件：" + file + "：" + e.getMessage());
			return false;
		}
		if (!resource.getErrors().isEmpty()) {
			Resource.Diagnostic first = resource.getErrors().get(0);
			err.println(file + ":" + first.getLine() + ":" + first.getColumn() + ": error: " + first.getMessage());
			return false;
		}
		resource.getContents().stream().filter(ReportFile.class::isInstance).forEach(f -> types.addAll(((ReportFile) f).getTypes()));
		return true;
	}

	/**
	 * One published file imported; an unknown type name is an IllegalArgumentException with its message, a file that
	 * cannot be read (damaged, password-protected, a scan) an UnreadableDocumentException with the reason.
	 */
	ReportImporter.Imported read(Path file, Optional<String> type) throws IOException, UnreadableDocumentException {
		List<GridRow> grid = PublishedDocument.read(file.getFileName().toString(), Files.readAllBytes(file));
		return importer.importGrid(file.getFileName().toString(), grid, type, types);
	}

	/** The report in a file with its tables filled from a workbook's sheets; the file itself is not written here. */
	TableFiller.Filled fill(Path workbook, Path report) throws IOException, UnreadableDocumentException {
		if (!PublishedDocument.isWorkbook(Files.readAllBytes(workbook))) {
			throw new UnreadableDocumentException("不是 Excel 工作簿（.xlsx），无法从中填入表格");
		}
		List<XlsxReader.SheetRows> sheets = PublishedDocument.sheets(Files.readAllBytes(workbook));
		XtextResource resource = (XtextResource) resourceSet.getResource(URI.createFileURI(report.toAbsolutePath().normalize().toString()), true);
		return injector.getInstance(TableFiller.class).fill(resource, sheets, resourceSet);
	}

	ReportImporter.Imported link(ReportImporter.Imported imported, ReportImporter.Imported previous) {
		return importer.link(imported, previous);
	}

	ReportImporter.Imported summarise(ReportImporter.Imported imported, List<ReportImporter.Imported> parts) {
		return importer.summarise(imported, parts);
	}

	ReportImporter.Imported link(ReportImporter.Imported imported, String previous) {
		return importer.link(imported, previous);
	}

	/** The reports written under a folder, by body and year ("某某局/2023"), to their names: candidates for 上年报告. */
	Optional<Map<String, String>> reportsIn(Path folder, PrintWriter err) throws IOException {
		if (!Files.isDirectory(folder)) {
			err.println("report: 找不到目录：" + folder);
			return Optional.empty();
		}
		Map<String, String> names = new HashMap<>();
		ReportBatch.Loaded loaded = injector.getInstance(ReportBatch.class).load(ReportBatch.collect(List.of(folder)));
		for (Resource resource : loaded.resources().values()) {
			resource.getContents().stream().filter(ReportFile.class::isInstance).flatMap(f -> ((ReportFile) f).getReports().stream())
					.forEach(r -> names.putIfAbsent(r.getBody() + "/" + r.getYear(), r.getName()));
		}
		return Optional.of(names);
	}

	/** The summary line `report import` prints for a file: the format and the cells read per table. */
	static String summary(Path file, ReportImporter.Imported imported) {
		return file + ": 格式 " + imported.type().getName() + (imported.detected() ? "（按表A的列标题判断）" : "") + "，"
				+ String.join("，", imported.report().tables().stream().map(t -> "表" + t.name() + " " + t.cellsRead() + "/" + t.cellsExpected() + "格").toList());
	}

	private static boolean isPublished(Path file) {
		return Files.isRegularFile(file) && PublishedDocument.isPublished(file.getFileName().toString());
	}
}
