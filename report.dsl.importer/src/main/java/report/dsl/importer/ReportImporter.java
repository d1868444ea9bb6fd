package report.dsl.importer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.XtextResourceSet;

import com.google.inject.Inject;
import com.google.inject.Provider;

import report.dsl.evaluation.ReportEvaluator;
import report.dsl.report.ReportFile;
import report.dsl.report.ReportType;
import report.dsl.scoping.ReportTypeLibrary;

/**
 * Turns a published report (plain text, an HTML page or Markdown) into the text of a report file that states every number
 * as printed, in the report type that fits its Table A best (or the one asked for).
 */
public class ReportImporter {

	/**
	 * The outcome of one import: the file's text, the type used (detected from Table A's columns, or named), whether
	 * every table was found with numbers, and the notes.
	 */
	public record Imported(String text, String fileName, ReportType type, boolean detected, ImportedReport report, boolean complete) {
	}

	@Inject
	private Provider<XtextResourceSet> resourceSets;

	@Inject
	private ReportTypeLibrary library;

	@Inject
	private ReportEvaluator evaluator;

	/** The labels of the types imported into lately, so that a run of imports normalises each type's labels once. */
	private final Map<ReportType, TypeLabels> typeLabels = new HashMap<>();

	/** The report types an import can follow: the shipped ones, and those declared in the given files' texts. */
	public List<ReportType> types(XtextResourceSet resourceSet) {
		List<ReportType> types = new ArrayList<>();
		for (Resource resource : library.load(resourceSet)) {
			resource.getContents().stream().filter(ReportFile.class::isInstance)
					.forEach(file -> types.addAll(((ReportFile) file).getTypes()));
		}
		return types;
	}

	/** Text as extracted: UTF-8, or GB18030 (which reads GBK and GB2312) where it is not valid UTF-8. */
	public static String decode(byte[] text) {
		try {
			return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(text)).toString();
		} catch (java.nio.charset.CharacterCodingException e) {
			return new String(text, java.nio.charset.Charset.forName("GB18030"));
		}
	}

	/**
	 * Whether a file of this name is a published report in a text format: plain text, a web page, Markdown. These need
	 * no document library, so the Eclipse wizard reads them; {@link PublishedDocument} adds Word, PDF and Excel.
	 */
	public static boolean isPublished(String fileName) {
		String name = fileName.toLowerCase(java.util.Locale.ROOT);
		return name.endsWith(".txt") || isHtml(name) || isMarkdown(name);
	}

	/** A published file's content as the cell grid, read by the reader its name's extension calls for. */
	public static List<GridRow> grid(String fileName, byte[] content) {
		String name = fileName.toLowerCase(java.util.Locale.ROOT);
		return isHtml(name) ? HtmlReader.read(content) : isMarkdown(name) ? MarkdownReader.read(decode(content)) : TextReader.read(decode(content));
	}

	private static boolean isHtml(String name) {
		return name.endsWith(".html") || name.endsWith(".htm");
	}

	private static boolean isMarkdown(String name) {
		return name.endsWith(".md") || name.endsWith(".markdown");
	}

	public Imported importText(String source, String text, Optional<String> typeName) {
		return importGrid(source, TextReader.read(text), typeName);
	}

	public Imported importHtml(String source, byte[] page, Optional<String> typeName) {
		return importGrid(source, HtmlReader.read(page), typeName);
	}

	public Imported importGrid(String source, List<GridRow> grid, Optional<String> typeName) {
		return importGrid(source, grid, typeName, types(resourceSets.get()));
	}

	/** Imports with the types given (a user's own among them); picks by Table A's column headers unless one is named. */
	public Imported importGrid(String source, List<GridRow> grid, Optional<String> typeName, List<ReportType> types) {
		typeLabels.keySet().retainAll(types);
		GridText text = new GridText(grid);
		ReportType type;
		if (typeName.isPresent()) {
			type = types.stream().filter(t -> t.getName().equals(typeName.get())).findFirst()
					.orElseThrow(() -> new IllegalArgumentException("没有名为「" + typeName.get() + "」的报告格式"));
		} else {
			String all = text.all();
			type = types.stream().max(Comparator.comparingDouble(t -> labels(t).fit(all))).orElseThrow();
		}
		ImportedReport report = new Recogniser(labels(type), text).recognise();
		report.source = source;
		boolean complete = !report.parts.isEmpty() && report.tables.values().stream().allMatch(t -> t.found && t.numbers);
		return new Imported(ReportWriter.write(report, source, evaluator.phrases(report.type)), ReportWriter.name(report) + ".report", type,
				typeName.isEmpty(), report, complete);
	}

	/** The type's labels, normalised on its first import and kept while imports are given it. */
	private TypeLabels labels(ReportType type) {
		return typeLabels.computeIfAbsent(type, TypeLabels::new);
	}

	/** The import again, with 上年报告 naming last year's imported report of the same body. */
	public Imported link(Imported imported, Imported previous) {
		return link(imported, ReportWriter.name(previous.report()));
	}

	/** The import again, with 上年报告 naming last year's report (by its name in the language). */
	public Imported link(Imported imported, String previous) {
		imported.report().previous = previous;
		return rewritten(imported);
	}

	/** The import again, adding up the other imports (汇总), so that their sum is checked against it. */
	public Imported summarise(Imported imported, List<Imported> parts) {
		imported.report().summed = parts.stream().map(part -> ReportWriter.name(part.report())).toList();
		return rewritten(imported);
	}

	private Imported rewritten(Imported imported) {
		String text = ReportWriter.write(imported.report(), imported.report().source, evaluator.phrases(imported.report().type));
		return new Imported(text, imported.fileName(), imported.type(), imported.detected(), imported.report(), imported.complete());
	}
}
