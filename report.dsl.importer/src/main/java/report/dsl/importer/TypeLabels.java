package report.dsl.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.eclipse.xtext.EcoreUtil2;

import report.dsl.model.TableLayout;
import report.dsl.report.Block;
import report.dsl.report.Column;
import report.dsl.report.PartType;
import report.dsl.report.ReportType;
import report.dsl.report.Row;
import report.dsl.report.TableType;

/**
 * A report type's labels as the recogniser compares them with published text: part headings, table captions, block
 * headings, row and column labels and their aliases (又名), normalised once per type and run, not once per file.
 */
final class TypeLabels {

	private static final Pattern NUMERAL = Pattern.compile("^[一二三四五六七八九十0-9]+[、.]");

	final ReportType type;
	/** What the title line contains: the type's title, or 报告. */
	final String titleMarker;
	private final Map<PartType, List<String>> headings = new HashMap<>();
	private final Map<PartType, String> declaredHeadings = new HashMap<>();
	private final Map<TableType, List<String>> tables = new HashMap<>();
	private final Map<TableType, List<Row>> tableRows = new HashMap<>();
	private final Map<Row, List<String>> rows = new HashMap<>();
	/** Table A's column labels (each with its aliases): how a type is told from others in a published text. */
	private final List<List<String>> firstTableColumns = new ArrayList<>();

	TypeLabels(ReportType type) {
		this.type = type;
		titleMarker = Labels.normalise(type.getTitle() == null ? "报告" : type.getTitle());
		for (PartType part : type.getParts()) {
			headings.put(part, labels(part.getHeading(), part.getAliases()).stream().map(l -> withoutNumeral(l)).filter(l -> !l.isEmpty())
					.toList());
			declaredHeadings.put(part, Labels.normalise(part.getHeading()));
		}
		for (TableType table : type.getTables()) {
			tables.put(table, tableLabels(table));
			tableRows.put(table, TableLayout.allRows(table));
			tableRows.get(table).forEach(row -> rows.put(row, labels(row.getLabel(), row.getAliases())));
		}
		if (!type.getTables().isEmpty()) {
			for (Column column : EcoreUtil2.eAllOfType(type.getTables().get(0), Column.class)) {
				firstTableColumns.add(labels(column.getLabel() == null ? column.getName() : column.getLabel(), column.getAliases()));
			}
		}
	}

	/** Table A's column labels found in the published text (normalised, lines ending in \n), as a share of them. */
	double fit(String text) {
		if (firstTableColumns.isEmpty()) {
			return 0;
		}
		long found = firstTableColumns.stream().filter(labels -> labels.stream().anyMatch(l -> text.indexOf(l) >= 0)).count();
		return (double) found / firstTableColumns.size();
	}

	/** A part's heading and aliases without their numeral (一、): what a heading line starts with after its own. */
	List<String> heading(PartType part) {
		return headings.get(part);
	}

	String declaredHeading(PartType part) {
		return declaredHeadings.get(part);
	}

	/** Every label a table prints: caption, note, block headings, row headers, columns and rows. */
	List<String> table(TableType table) {
		return tables.get(table);
	}

	List<Row> rows(TableType table) {
		return tableRows.get(table);
	}

	List<String> row(Row row) {
		return rows.get(row);
	}

	static String withoutNumeral(String text) {
		return NUMERAL.matcher(text).replaceFirst("");
	}

	private static List<String> labels(String label, List<String> aliases) {
		List<String> all = new ArrayList<>();
		all.add(Labels.normalise(label));
		aliases.forEach(a -> all.add(Labels.normalise(a)));
		return all;
	}

	private static List<String> tableLabels(TableType table) {
		List<String> labels = new ArrayList<>(labels(table.getCaption(), table.getAliases()));
		if (table.getNote() != null) {
			labels.add(Labels.normalise(table.getNote()));
		}
		for (Block block : table.getBlocks()) {
			if (block.getHeading() != null) {
				labels.addAll(labels(block.getHeading(), block.getAliases()));
			}
			if (block.getRowHeader() != null) {
				labels.add(Labels.normalise(block.getRowHeader()));
			}
			for (Column column : TableLayout.allColumns(block)) {
				labels.addAll(labels(column.getLabel() == null ? column.getName() : column.getLabel(), column.getAliases()));
			}
			for (Row row : TableLayout.allRows(block)) {
				labels.addAll(labels(row.getLabel(), row.getAliases()));
			}
		}
		return List.copyOf(labels);
	}
}
