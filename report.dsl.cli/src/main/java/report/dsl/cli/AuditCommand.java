package report.dsl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import report.dsl.batch.AtomicFiles;
import report.dsl.batch.ChunkedCheck;
import report.dsl.batch.ReportBatch;
import report.dsl.batch.ReportBatch.Diagnostic;
import report.dsl.importer.ImportedReport;
import report.dsl.importer.Note;
import report.dsl.importer.ReportImporter;
import report.dsl.importer.UnreadableDocumentException;

/**
 * `report audit FILE|DIR... -o OUTDIR`: imports a folder of published reports, links each body's consecutive years,
 * checks them together and writes one findings table (audit.html, audit.csv, audit.json) beside the imported files.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
		description = "批量导入并检查已发布的年度报告，写出一张发现问题的汇总表（audit.html、audit.csv、audit.json）和导入的报告文件。")
final class AuditCommand implements Callable<Integer> {

	static final List<String> COLUMNS = List.of("文件", "发布机关", "年度", "格式", "已导入", "读到的单元格", "应有的单元格", "导入警告",
			"错误", "警告", "发现");

	@Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "已发布报告的文本（.txt）、网页（.html、.htm）或 Markdown（.md），或其中查找这些文件的目录")
	private List<Path> inputs;

	@Option(names = { "-o", "--output" }, required = true, paramLabel = "OUTDIR", description = "写入汇总表和导入的报告文件的目录")
	private Path output;

	@Option(names = "--summary", paramLabel = "发布机关",
			description = "此发布机关的报告汇总同一年度、同一格式的其他报告：检查各表的可加数据是否等于它们之和（可多次给出）")
	private List<String> summaries = List.of();

	@Mixin
	private Threads threads;

	@CommandLine.Spec
	private CommandLine.Model.CommandSpec spec;

	/** How many published files one thread imports at a time. */
	private static final int IMPORT_CHUNK = 20;

	/** One audited report: where it came from, what the import read, and what the checker found. */
	private record Row(Path source, ReportImporter.Imported imported, Path written, List<Diagnostic> findings) {
	}

	/** One published file as read on a worker thread: imported, or the reason it could not be read. */
	private record Read(Path file, ReportImporter.Imported imported, String unreadable) {
	}

	@Override
	public Integer call() throws IOException {
		PrintWriter err = spec.commandLine().getErr();
		Optional<List<Path>> files = PublishedReports.files(inputs, err);
		if (files.isEmpty()) {
			return ReportCli.USAGE;
		}
		PublishedReports published = new PublishedReports();
		Map<Path, ReportImporter.Imported> imports = new LinkedHashMap<>();
		Map<Path, Path> written = new LinkedHashMap<>();
		List<Diagnostic> diagnostics = new ArrayList<>();
		int unreadable;
		// one set of threads imports and then checks: each keeps its language and the report types it parsed
		try (ChunkedCheck<PublishedReports> workers = new ChunkedCheck<>(threads.count(), published, PublishedReports::new)) {
			unreadable = importAll(files.get(), workers, imports, err);
			link(imports, published);
			summarise(imports, published);
			Map<String, Path> byName = new HashMap<>();
			for (Map.Entry<Path, ReportImporter.Imported> entry : imports.entrySet()) {
				ReportImporter.Imported imported = entry.getValue();
				if (imported.complete() && !byName.containsKey(imported.fileName())) {
					Path target = output.resolve(imported.fileName());
					written.put(entry.getKey(), target);
					byName.put(imported.fileName(), target);
				}
			}
			diagnostics.addAll(check(imports, written, byName, published, workers));
		}
		Map<Path, List<Diagnostic>> byFile = diagnostics.stream().collect(Collectors.groupingBy(Diagnostic::file));
		List<Row> rows = new ArrayList<>();
		imports.forEach((source, imported) -> {
			Path target = written.get(source);
			List<Diagnostic> findings = target == null ? List.of() : byFile.getOrDefault(target, List.of());
			rows.add(new Row(source, imported, target, findings));
		});
		AtomicFiles.write(output.resolve("audit.json"), json(rows));
		AtomicFiles.write(output.resolve("audit.csv"), csv(rows));
		AtomicFiles.write(output.resolve("audit.html"), html(rows));
		long notImported = rows.stream().filter(r -> r.written() == null).count();
		err.println("审核了" + rows.size() + "份报告：" + (rows.size() - notImported) + "份已导入，"
				+ rows.stream().mapToLong(r -> count(r, ReportBatch.Severity.ERROR)).sum() + "个错误；汇总表写入 " + output.resolve("audit.html"));
		return notImported == 0 && unreadable == 0 ? 0 : ReportCli.ERRORS_FOUND;
	}

	/** Imports the files on the workers, in the files' order, and returns how many could not be read. */
	private static int importAll(List<Path> files, ChunkedCheck<PublishedReports> workers, Map<Path, ReportImporter.Imported> imports,
			PrintWriter err) throws IOException {
		int[] done = { 0 };
		int[] unreadable = { 0 };
		workers.run(ChunkedCheck.partition(files, IMPORT_CHUNK), (part, importer) -> {
			List<Read> read = new ArrayList<>();
			for (Path file : part) {
				try {
					read.add(new Read(file, importer.read(file, Optional.empty()), null));
				} catch (UnreadableDocumentException e) {
					read.add(new Read(file, null, e.getMessage()));
				}
			}
			return read;
		}, read -> {
			for (Read one : read) {
				if (one.imported() != null) {
					imports.put(one.file(), one.imported());
				} else {
					err.println(one.file() + ": " + one.unreadable());
					unreadable[0]++;
				}
				done[0]++;
			}
			progress(err, done[0], files.size());
		});
		return unreadable[0];
	}

	/**
	 * Writes the imported files and returns their diagnostics, as checking them together finds them. The files refer
	 * to each other only where the audit linked them (上年报告, 汇总), and their names differ, so each set of linked files
	 * is written and checked on its own, in chunks of up to {@link ReportBatch#CHUNK} files on the workers: no index of
	 * all files is read first. Other report files in the output folder (an earlier audit's) may be linked against, so
	 * with them all files are written first and the folder is checked as a whole.
	 */
	private List<Diagnostic> check(Map<Path, ReportImporter.Imported> imports, Map<Path, Path> written, Map<String, Path> byName,
			PublishedReports published, ChunkedCheck<PublishedReports> workers) throws IOException {
		Map<Path, String> texts = new HashMap<>();
		written.forEach((source, target) -> texts.put(target, imports.get(source).text()));
		if (hasOtherReports(written.values())) {
			for (Path target : written.values()) {
				AtomicFiles.write(target, texts.get(target));
			}
			return published.injector.getInstance(ReportBatch.class).check(List.copyOf(written.values()), threads.count()).diagnostics();
		}
		Map<Path, Path> linkedTo = new HashMap<>();
		written.forEach((source, target) -> {
			ImportedReport report = imports.get(source).report();
			List<String> names = new ArrayList<>(report.summed());
			if (report.previous() != null) {
				names.add(report.previous());
			}
			names.stream().map(name -> byName.get(name + ReportBatch.EXTENSION)).filter(java.util.Objects::nonNull)
					.forEach(other -> join(linkedTo, target, other));
		});
		Map<Path, List<Path>> groups = new LinkedHashMap<>();
		written.values().forEach(target -> groups.computeIfAbsent(root(linkedTo, target), r -> new ArrayList<>()).add(target));
		List<List<Path>> chunks = new ArrayList<>();
		List<Path> chunk = new ArrayList<>();
		for (List<Path> group : groups.values()) {
			if (!chunk.isEmpty() && chunk.size() + group.size() > ReportBatch.CHUNK) {
				chunks.add(chunk);
				chunk = new ArrayList<>();
			}
			chunk.addAll(group);
		}
		if (!chunk.isEmpty()) {
			chunks.add(chunk);
		}
		List<Diagnostic> diagnostics = new ArrayList<>();
		workers.run(chunks, (part, worker) -> {
			for (Path target : part) {
				AtomicFiles.write(target, texts.get(target));
			}
			return worker.injector.getInstance(ReportBatch.class).checkAlone(part).diagnostics();
		}, diagnostics::addAll);
		return diagnostics;
	}

	private boolean hasOtherReports(java.util.Collection<Path> written) throws IOException {
		Set<Path> ours = new HashSet<>();
		written.forEach(file -> ours.add(file.toAbsolutePath().normalize()));
		if (!Files.isDirectory(output)) {
			return false;
		}
		try (Stream<Path> listing = Files.list(output)) {
			return listing.anyMatch(file -> file.getFileName().toString().endsWith(ReportBatch.EXTENSION)
					&& !ours.contains(file.toAbsolutePath().normalize()));
		}
	}

	/** Union-find over the written files: linked files end up under one root. */
	private static void join(Map<Path, Path> parents, Path one, Path other) {
		Path a = root(parents, one);
		Path b = root(parents, other);
		if (!a.equals(b)) {
			parents.put(b, a);
		}
	}

	private static Path root(Map<Path, Path> parents, Path file) {
		Path root = file;
		while (parents.containsKey(root)) {
			root = parents.get(root);
		}
		return root;
	}

	/** Reports of the same body in consecutive years: each names the one before as 上年报告, so the cross-year rules run. */
	private static void link(Map<Path, ReportImporter.Imported> imports, PublishedReports published) {
		Map<String, ReportImporter.Imported> byBodyYear = new HashMap<>();
		imports.values().forEach(i -> byBodyYear.putIfAbsent(i.report().body() + "/" + i.report().year(), i));
		imports.replaceAll((file, imported) -> {
			ReportImporter.Imported previous = byBodyYear.get(imported.report().body() + "/" + (imported.report().year() - 1));
			return previous == null || !previous.complete() ? imported : published.link(imported, previous);
		});
	}

	/** The reports of the bodies given with --summary add up the other reports of their year and format. */
	private void summarise(Map<Path, ReportImporter.Imported> imports, PublishedReports published) {
		imports.replaceAll((file, imported) -> {
			if (!imported.complete() || !summaries.contains(imported.report().body())) {
				return imported;
			}
			List<ReportImporter.Imported> parts = imports.values().stream().filter(part -> part.complete()
					&& !summaries.contains(part.report().body()) && part.report().year() == imported.report().year()
					&& part.type() == imported.type()).toList();
			return parts.isEmpty() ? imported : published.summarise(imported, parts);
		});
	}

	private static void progress(PrintWriter err, int done, int total) {
		if (System.console() != null && total >= 20) {
			err.print("\r导入 " + done + "/" + total);
			if (done == total) {
				err.println();
			}
			err.flush();
		}
	}

	private static long count(Row row, ReportBatch.Severity severity) {
		return row.findings().stream().filter(d -> d.severity() == severity).count();
	}

	private static List<String> cells(Row row) {
		ImportedReport report = row.imported().report();
		int read = report.tables().stream().mapToInt(ImportedReport.Table::cellsRead).sum();
		int expected = report.tables().stream().mapToInt(ImportedReport.Table::cellsExpected).sum();
		String findings = row.findings().stream().map(d -> d.code() + " " + d.line() + ":" + d.column() + " " + d.message())
				.collect(Collectors.joining("；"));
		return List.of(row.source().toString(), report.body(), String.valueOf(report.year()), row.imported().type().getName(),
				row.written() == null ? "否" : "是", String.valueOf(read), String.valueOf(expected), String.valueOf(report.notes().size()),
				String.valueOf(count(row, ReportBatch.Severity.ERROR)), String.valueOf(count(row, ReportBatch.Severity.WARNING)), findings);
	}

	private static String json(List<Row> rows) {
		JsonObject audit = new JsonObject();
		audit.addProperty("schemaVersion", "1.0");
		JsonArray reports = new JsonArray();
		for (Row row : rows) {
			ImportedReport report = row.imported().report();
			JsonObject entry = new JsonObject();
			entry.addProperty("source", row.source().toString());
			entry.addProperty("file", row.written() == null ? null : row.written().getFileName().toString());
			entry.addProperty("body", report.body());
			entry.addProperty("year", report.year());
			entry.addProperty("format", row.imported().type().getName());
			entry.addProperty("imported", row.written() != null);
			JsonArray tables = new JsonArray();
			for (ImportedReport.Table table : report.tables()) {
				JsonObject t = new JsonObject();
				t.addProperty("table", table.name());
				t.addProperty("cellsRead", table.cellsRead());
				t.addProperty("cellsExpected", table.cellsExpected());
				tables.add(t);
			}
			entry.add("tables", tables);
			JsonArray notes = new JsonArray();
			for (Note note : report.notes()) {
				JsonObject n = new JsonObject();
				n.addProperty("line", note.line());
				n.addProperty("column", note.column());
				n.addProperty("message", note.message());
				notes.add(n);
			}
			entry.add("importWarnings", notes);
			JsonArray findings = new JsonArray();
			for (Diagnostic d : row.findings()) {
				JsonObject f = new JsonObject();
				f.addProperty("code", d.code());
				f.addProperty("severity", d.severity().name().toLowerCase());
				f.addProperty("line", d.line());
				f.addProperty("column", d.column());
				f.addProperty("message", d.message());
				findings.add(f);
			}
			entry.add("findings", findings);
			reports.add(entry);
		}
		audit.add("reports", reports);
		return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(audit) + "\n";
	}

	private static String csv(List<Row> rows) {
		StringBuilder csv = new StringBuilder(csvLine(COLUMNS));
		rows.forEach(row -> csv.append(csvLine(cells(row))));
		return csv.toString();
	}

	/** One RFC 4180 line: fields with commas, quotes or line breaks quoted, quotes doubled. */
	private static String csvLine(List<String> fields) {
		return fields.stream().map(f -> f.matches("(?s).*[\",\\r\\n].*") ? "\"" + f.replace("\"", "\"\"") + "\"" : f)
				.collect(Collectors.joining(",")) + "\r\n";
	}

	private static String html(List<Row> rows) {
		Document document = Document.createShell("");
		document.outputSettings().prettyPrint(true);
		document.head().appendElement("meta").attr("charset", "utf-8");
		document.title("年度报告审核结果");
		document.head().appendElement("style").appendText("body{font-family:sans-serif}table{border-collapse:collapse}"
				+ "th,td{border:1px solid #999;padding:4px 6px;vertical-align:top}th{cursor:pointer;background:#eee}");
		document.body().appendElement("h1").text("年度报告审核结果");
		Element table = document.body().appendElement("table");
		Element header = table.appendElement("thead").appendElement("tr");
		COLUMNS.forEach(c -> header.appendElement("th").attr("scope", "col").text(c));
		Element body = table.appendElement("tbody");
		for (Row row : rows) {
			Element tr = body.appendElement("tr");
			List<String> cells = cells(row);
			for (int i = 0; i < cells.size() - 1; i++) {
				tr.appendElement("td").text(cells.get(i));
			}
			Element findings = tr.appendElement("td").appendElement("ul");
			row.findings().forEach(d -> findings.appendElement("li").text("[" + d.code() + "] " + d.line() + ":" + d.column() + " " + d.message()));
		}
		// sorting by a column: click its heading (numbers compare as numbers)
		document.body().appendElement("script").appendChild(new org.jsoup.nodes.DataNode(
				"document.querySelectorAll('th').forEach(function(th,i){th.onclick=function(){var b=th.closest('table').tBodies[0];"
						+ "var up=th.dataset.up!=='1';th.dataset.up=up?'1':'0';Array.from(b.rows).sort(function(x,y){"
						+ "var p=x.cells[i].innerText,q=y.cells[i].innerText,m=parseFloat(p),n=parseFloat(q);"
						+ "var c=isNaN(m)||isNaN(n)?p.localeCompare(q,'zh'):m-n;return up?c:-c;}).forEach(function(r){b.appendChild(r);});};});"));
		return document.outerHtml() + "\n";
	}
}
