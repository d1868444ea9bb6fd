package report.dsl.importer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import report.dsl.report.PartType;
import report.dsl.report.ReportType;
import report.dsl.report.Row;
import report.dsl.report.TableType;

/** What the recogniser read from a published report, in the terms of its report type. */
public final class ImportedReport {

	/** A cell as the import writes it: a number, or a total left to its rule (自动). */
	public record Cell(BigDecimal value, boolean auto) {
		static final Cell AUTO = new Cell(null, true);
	}

	/** A sub-section of a part: its heading and paragraphs. */
	public record Section(String heading, List<String> paragraphs) {
	}

	/** One part of the report: its heading as printed where it differs from the type's, and its narrative. */
	public static final class Part {
		final PartType type;
		final String printedHeading;
		/** Paragraphs (strings) and sub-sections, in the order printed. */
		final List<Object> contents = new ArrayList<>();

		Part(PartType type, String printedHeading) {
			this.type = type;
			this.printedHeading = printedHeading;
		}
	}

	/** One table: the rows read, with the comments the generated file carries above them. */
	public static final class Table {
		final TableType type;
		final Map<Row, List<Cell>> rows = new LinkedHashMap<>();
		final Map<Row, List<String>> comments = new LinkedHashMap<>();
		int cellsRead;
		int cellsExpected;
		boolean found;
		boolean numbers;
		boolean headingsOnly;

		Table(TableType type) {
			this.type = type;
		}

		public int cellsRead() {
			return cellsRead;
		}

		public int cellsExpected() {
			return cellsExpected;
		}

		public String name() {
			return type.getName();
		}
	}

	final ReportType type;
	String source;
	String previous;
	/** The reports this one adds up (汇总), by name: a region's report audited with its departments'. */
	List<String> summed = List.of();
	String body;
	int year;
	LocalDate issued;
	String url;
	String preamble;
	final List<Part> parts = new ArrayList<>();
	final Map<TableType, Table> tables = new LinkedHashMap<>();
	final List<Note> notes = new ArrayList<>();

	ImportedReport(ReportType type) {
		this.type = type;
	}

	public ReportType type() {
		return type;
	}

	public String body() {
		return body;
	}

	public int year() {
		return year;
	}

	/** Last year's report this one names (上年报告), or null. */
	public String previous() {
		return previous;
	}

	/** The reports this one adds up (汇总), by name. */
	public List<String> summed() {
		return summed;
	}

	public List<Table> tables() {
		return List.copyOf(tables.values());
	}

	public List<Note> notes() {
		return notes;
	}

	void note(SourceCell at, String message) {
		notes.add(new Note(at == null ? 1 : at.line(), at == null ? 1 : at.column(), message));
	}
}
