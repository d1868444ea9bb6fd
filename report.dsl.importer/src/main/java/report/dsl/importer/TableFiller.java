package report.dsl.importer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;

import com.google.inject.Inject;

import report.dsl.report.Axis;
import report.dsl.report.PartType;
import report.dsl.report.Report;
import report.dsl.report.ReportFile;
import report.dsl.report.ReportType;
import report.dsl.report.TableData;
import report.dsl.report.TableType;

/**
 * Fills the tables of an existing report from a workbook's sheets (`report import --tables BOOK.xlsx --into
 * FILE.report`): each sheet is matched to the table whose labels it prints most, read by the same recogniser as a
 * published report, and the report's {@code 表 X { … }} blocks of the tables found are replaced by the rows read.
 * Everything else in the file stays as it was, character for character.
 */
public class TableFiller {

	/** The report's new text, the tables replaced (by name), and the notes on what did not fit. */
	public record Filled(String text, List<String> tables, List<Note> notes) {
	}

	@Inject
	private ReportImporter importer;

	/**
	 * The report (the first in the file) with its tables replaced by those the sheets hold; an IllegalArgumentException
	 * with the reason when the file holds no report or does not parse.
	 */
	public Filled fill(XtextResource resource, List<XlsxReader.SheetRows> sheets, XtextResourceSet resourceSet) {
		if (!resource.getErrors().isEmpty()) {
			throw new IllegalArgumentException("报告文件有语法错误，未填入表格（先用 report check 查看）");
		}
		Report report = resource.getContents().stream().filter(ReportFile.class::isInstance)
				.flatMap(f -> ((ReportFile) f).getReports().stream()).findFirst()
				.orElseThrow(() -> new IllegalArgumentException("文件中没有报告，无从填入表格"));
		ReportType type = report.getType();
		ReportImporter.Imported read = importer.importGrid("", grid(report, type, sheets), Optional.of(type.getName()), List.of(type));
		ImportedReport imported = read.report();
		Map<String, String> newTables = tableTexts(read.text(), resourceSet);
		String text = NodeModelUtils.getNode(resource.getContents().get(0)).getRootNode().getText();
		List<String> filled = new ArrayList<>();
		List<Note> notes = new ArrayList<>(imported.notes());
		List<TableData> existing = EcoreUtil2.eAllOfType(report, TableData.class);
		// from the end of the file, so that the offsets of the blocks before stay valid
		existing.sort(Comparator.comparingInt((TableData t) -> NodeModelUtils.getNode(t).getOffset()).reversed());
		for (TableData data : existing) {
			String name = data.getTable().getName();
			ImportedReport.Table table = imported.tables.get(data.getTable());
			if (table == null || !table.found || !newTables.containsKey(name)) {
				continue;
			}
			ICompositeNode node = NodeModelUtils.getNode(data);
			text = text.substring(0, node.getOffset()) + newTables.get(name) + text.substring(node.getEndOffset());
			filled.add(0, name);
		}
		for (ImportedReport.Table table : imported.tables.values()) {
			if (table.found && existing.stream().noneMatch(d -> d.getTable() == table.type)) {
				notes.add(new Note(1, 1, "报告中没有「表 " + table.type.getName() + " { }」，表" + table.type.getName() + "的数值未填入"));
			}
		}
		return new Filled(text, filled, notes);
	}

	/**
	 * The grid the recogniser reads: the report's title, each part's heading, and after the heading of the part a
	 * table belongs to, the one sheet that prints that table's labels most (a sheet goes to the table whose labels it
	 * prints most; of two sheets for one table, such as the table's and the one listing the rules' outcomes row by
	 * row, the one printing more of its labels).
	 */
	private static List<GridRow> grid(Report report, ReportType type, List<XlsxReader.SheetRows> sheets) {
		Map<TableType, XlsxReader.SheetRows> byTable = new LinkedHashMap<>();
		Map<TableType, Long> found = new HashMap<>();
		for (XlsxReader.SheetRows sheet : sheets) {
			Set<String> printed = sheet.rows().stream().flatMap(r -> r.cells().stream()).map(c -> Labels.normalise(c.text()))
					.collect(Collectors.toSet());
			type.getTables().stream().max(Comparator.comparingLong(t -> labelsFound(t, printed))).ifPresent(t -> {
				long labels = labelsFound(t, printed);
				if (labels > found.getOrDefault(t, 0L)) {
					found.put(t, labels);
					byTable.put(t, sheet);
				}
			});
		}
		List<GridRow> grid = new ArrayList<>();
		grid.add(line(report.getBody() + report.getYear() + "年" + (type.getTitle() == null ? "报告" : type.getTitle())));
		for (PartType part : type.getParts()) {
			grid.add(line(part.getHeading()));
			type.getTables().stream().filter(t -> t.getPart() == part)
					.filter(byTable::containsKey).forEach(t -> grid.addAll(byTable.get(t).rows()));
		}
		grid.add(line(report.getBody()));
		grid.add(line((report.getYear() + 1) + "年1月1日"));
		return grid;
	}

	/**
	 * How many of the table's labels the sheet prints as cells of their own, and its caption in a cell (with the unit,
	 * say): a label inside a longer cell, as the workbook's sheet of rule outcomes names rows and columns, is no sign of
	 * the table.
	 */
	private static long labelsFound(TableType table, Set<String> printed) {
		String caption = table.getCaption() == null ? "" : Labels.normalise(table.getCaption());
		long captions = caption.length() > 1 && printed.stream().anyMatch(cell -> cell.contains(caption)) ? 1 : 0;
		return captions + EcoreUtil2.eAllOfType(table, Axis.class).stream().map(Axis::getLabel).filter(l -> l != null)
				.map(Labels::normalise).filter(l -> l.length() > 1 && printed.contains(l)).count();
	}

	private static GridRow line(String text) {
		return new GridRow(List.of(new SourceCell(text, 0, 0)), false);
	}

	/** The text of each {@code 表 X { … }} block of a formatted imported report, by table name. */
	private static Map<String, String> tableTexts(String reportText, XtextResourceSet resourceSet) {
		XtextResource parsed = (XtextResource) resourceSet.createResource(URI.createURI("fill:/" + System.nanoTime() + ".report"));
		try {
			parsed.load(new java.io.ByteArrayInputStream(reportText.getBytes(java.nio.charset.StandardCharsets.UTF_8)), resourceSet.getLoadOptions());
			Map<String, String> texts = new LinkedHashMap<>();
			for (TableData data : EcoreUtil2.eAllOfType(parsed.getContents().get(0), TableData.class)) {
				ICompositeNode node = NodeModelUtils.getNode(data);
				texts.put(data.getTable().getName(), reportText.substring(node.getOffset(), node.getEndOffset()));
			}
			return texts;
		} catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		} finally {
			resourceSet.getResources().remove(parsed);
		}
	}
}
