package report.dsl.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.stream.JsonWriter;
import com.google.inject.Inject;

import report.dsl.evaluation.Numbers;
import report.dsl.evaluation.ReportEvaluator;
import report.dsl.evaluation.ReportValues;
import report.dsl.evaluation.RuleOutcome;
import report.dsl.model.Additivity;
import report.dsl.model.MainFigures;
import report.dsl.model.TableLayout;
import report.dsl.report.Axis;
import report.dsl.report.Block;
import report.dsl.report.Column;
import report.dsl.report.Content;
import report.dsl.report.Equation;
import report.dsl.report.Figure;
import report.dsl.report.Paragraph;
import report.dsl.report.Part;
import report.dsl.report.Report;
import report.dsl.report.Row;
import report.dsl.report.Rule;
import report.dsl.report.SubSection;
import report.dsl.report.TableData;
import report.dsl.report.TableType;
import report.dsl.report.Text;

/**
 * The complete data of a report for other systems, as described by schema/report-1.0.schema.json:
 * metadata, parts with their narrative rendered and its bound references, every cell addressed by
 * row and column keys with computed totals marked, and the outcome of every rule. Written as it is walked, straight
 * into the text: no tree of the whole document is held.
 */
public class JsonReportGenerator {

	public static final String SCHEMA_VERSION = "1.0";

	/** Thread-safe, so made once: what its writers are set to (two spaces' indent, no HTML escaping, nulls written). */
	private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create();

	@Inject
	private ReportEvaluator evaluator;

	public String generate(Report report) {
		return text(report).toString();
	}

	/** The file's bytes: what {@link #generate} returns, in UTF-8. */
	public byte[] utf8(Report report) {
		return text(report).utf8();
	}

	private TextWriter text(Report report) {
		TextWriter text = new TextWriter();
		try (JsonWriter json = GSON.newJsonWriter(text)) {
			write(json, report);
		} catch (IOException e) {
			throw new UncheckedIOException(e); // a TextWriter throws none
		}
		text.write('\n');
		return text;
	}

	/**
	 * Collects the text in one array and encodes it at the end, by the JDK's encoder, which copies runs of ASCII (most
	 * of a JSON file: its indents and names) as they are: a JsonWriter writes every indent and name apart, which a
	 * StringWriter would lock its StringBuffer for each time, and a String of Chinese text is encoded char by char.
	 */
	private static final class TextWriter extends Writer {
		private char[] text = new char[1 << 17];
		private int length;

		@Override
		public void write(int c) {
			room(1);
			text[length++] = (char) c;
		}

		@Override
		public void write(String string, int offset, int count) {
			room(count);
			string.getChars(offset, offset + count, text, length);
			length += count;
		}

		@Override
		public void write(char[] chars, int offset, int count) {
			room(count);
			System.arraycopy(chars, offset, text, length, count);
			length += count;
		}

		private void room(int count) {
			if (length + count > text.length) {
				text = Arrays.copyOf(text, Math.max(2 * text.length, length + count));
			}
		}

		/** As String.getBytes would encode it: a lone surrogate as '?'. */
		byte[] utf8() {
			try {
				ByteBuffer bytes = StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPLACE)
						.onUnmappableCharacter(CodingErrorAction.REPLACE).encode(CharBuffer.wrap(text, 0, length));
				return Arrays.copyOfRange(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.arrayOffset() + bytes.limit());
			} catch (CharacterCodingException e) {
				throw new IllegalStateException(e); // replaced, never thrown
			}
		}

		@Override
		public String toString() {
			return new String(text, 0, length);
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}
	}

	private void write(JsonWriter json, Report report) throws IOException {
		ReportValues values = evaluator.values(report);
		json.beginObject();
		json.name("schemaVersion").value(SCHEMA_VERSION);
		json.name("report");
		metadata(json, report);
		if (report.getPreamble() != null) {
			json.name("preamble").beginObject();
			text(json, report.getPreamble(), report);
			json.endObject();
		}
		json.name("figures").beginArray();
		for (Figure figure : evaluator.contents(report).figures()) {
			json.beginObject();
			// a figure the parser recovered without its name or value (published only with --force) shows as bindings read it
			json.name("name").value(figure.getName() == null ? "" : figure.getName());
			json.name("value");
			number(json, Numbers.signed(figure.getValue(), figure.isNegative()));
			optional(json, "unit", figure.getUnit());
			optional(json, "description", figure.getDescription());
			json.endObject();
		}
		json.endArray();
		json.name("parts").beginArray();
		for (Part part : report.getParts()) {
			json.beginObject();
			json.name("key").value(part.getType() == null ? "" : part.getType().getName());
			json.name("heading").value(ReportText.heading(part));
			json.name("content");
			contents(json, part.getContents(), report);
			json.endObject();
		}
		json.endArray();
		json.name("tables").beginArray();
		for (TableType table : report.getType().getTables()) {
			table(json, table, values);
		}
		json.endArray();
		json.name("rules");
		rules(json, report, values);
		if (report.getSummary() != null) {
			json.name("summary");
			summary(json, report, values);
		}
		json.endObject();
	}

	/** The reports a summary adds up, and its tables' main figures by part. */
	private static void summary(JsonWriter json, Report report, ReportValues values) throws IOException {
		json.beginObject();
		json.name("parts").beginArray();
		for (ReportValues part : values.parts()) {
			json.beginObject();
			json.name("name").value(part.report().getName());
			json.name("body").value(ReportText.clean(part.report().getBody()));
			json.name("file").value(part.report().eResource().getURI().lastSegment() == null ? ""
					: URI.decode(part.report().eResource().getURI().lastSegment()));
			json.endObject();
		}
		json.endArray();
		json.name("breakdown").beginArray();
		for (TableType table : report.getType().getTables()) {
			for (MainFigures.Figure headline : Additivity.headlines(table)) {
				json.beginObject();
				json.name("table").value(table.getName());
				json.name("row").value(TableLayout.keyText(headline.row()));
				json.name("column").value(TableLayout.keyText(headline.column()));
				json.name("label").value(headline.label());
				json.name("values").beginArray();
				for (ReportValues part : values.parts()) {
					number(json, part.table(table).value(headline.row(), headline.column()));
				}
				json.endArray();
				json.name("total");
				number(json, values.table(table).value(headline.row(), headline.column()));
				json.endObject();
			}
		}
		json.endArray();
		json.endObject();
	}

	private static void metadata(JsonWriter json, Report report) throws IOException {
		json.beginObject();
		json.name("name").value(report.getName());
		json.name("type").value(report.getType().getName());
		json.name("title").value(ReportText.title(report));
		json.name("body").value(ReportText.clean(report.getBody()));
		json.name("year").value(report.getYear());
		json.name("period").beginObject();
		json.name("start").value(report.getPeriodStart());
		json.name("end").value(report.getPeriodEnd());
		json.endObject();
		json.name("issued").value(report.getIssued());
		optional(json, "url", report.getUrl());
		optional(json, "contact", report.getContact());
		if (report.getPrevious() != null && !report.getPrevious().eIsProxy()) {
			json.name("previousReport").value(report.getPrevious().getName());
		}
		json.endObject();
	}

	private void contents(JsonWriter json, List<Content> contents, Report report) throws IOException {
		json.beginArray();
		for (Content content : contents) {
			if (content instanceof Paragraph paragraph) {
				json.beginObject();
				json.name("type").value("paragraph");
				text(json, paragraph.getText(), report);
				json.endObject();
			} else if (content instanceof SubSection sub) {
				json.beginObject();
				json.name("type").value("section");
				json.name("heading").value(ReportText.clean(sub.getHeading()));
				json.name("content");
				contents(json, sub.getContents(), report);
				json.endObject();
			} else if (content instanceof TableData data && data.getTable() != null) {
				json.beginObject();
				json.name("type").value("table");
				json.name("table").value(data.getTable().getName());
				json.endObject();
			}
		}
		json.endArray();
	}

	/** A narrative's members of the object being written: its plain text, and where in it each bound number stands. */
	private void text(JsonWriter json, Text text, Report report) throws IOException {
		List<Narrative.Segment> segments = Narrative.segments(text, report, evaluator);
		StringBuilder plain = new StringBuilder();
		List<Integer> offsets = new ArrayList<>();
		for (Narrative.Segment segment : segments) {
			if (segment.isBound()) {
				offsets.add(plain.codePointCount(0, plain.length()));
			}
			plain.append(segment.text());
		}
		json.name("text").value(plain.toString());
		json.name("bindings").beginArray();
		int bound = 0;
		for (Narrative.Segment segment : segments) {
			if (segment.isBound()) {
				json.beginObject();
				json.name("offset").value(offsets.get(bound++));
				json.name("text").value(segment.text());
				json.name("reference").value(NodeModelUtils.getTokenText(NodeModelUtils.getNode(segment.shown().binding())));
				json.name("value");
				if (segment.shown().number() == null) {
					json.nullValue();
				} else {
					number(json, segment.shown().number());
				}
				optional(json, "description", segment.shown().description());
				if (segment.shown().binding().getStated() != null) {
					json.name("stated");
					number(json, segment.shown().binding().getStated());
				}
				json.endObject();
			}
		}
		json.endArray();
	}

	private static void table(JsonWriter json, TableType table, ReportValues values) throws IOException {
		json.beginObject();
		json.name("key").value(table.getName());
		json.name("caption").value(ReportText.clean(table.getCaption()));
		optional(json, "unit", table.getUnit());
		optional(json, "note", table.getNote());
		json.name("given").value(values.table(table).data() != null);
		json.name("blocks").beginArray();
		for (Block block : table.getBlocks()) {
			json.beginObject();
			optional(json, "heading", block.getHeading());
			json.name("columns");
			axes(json, block.getColumns());
			json.name("rows");
			axes(json, block.getRows());
			json.endObject();
		}
		json.endArray();
		json.name("cells").beginArray();
		for (Block block : table.getBlocks()) {
			List<Column> columns = TableLayout.leafColumns(block);
			List<String> columnKeys = columns.stream().map(TableLayout::keyText).toList();
			for (Row row : TableLayout.leafRows(block)) {
				String rowKey = TableLayout.keyText(row);
				for (int i = 0; i < columns.size(); i++) {
					Column column = columns.get(i);
					json.beginObject();
					json.name("row").value(rowKey);
					json.name("column").value(columnKeys.get(i));
					json.name("value");
					number(json, values.table(table).value(row, column));
					json.name("computed").value(values.table(table).isComputed(row, column));
					json.endObject();
				}
			}
		}
		json.endArray();
		json.endObject();
	}

	private static void axes(JsonWriter json, List<? extends Axis> axes) throws IOException {
		json.beginArray();
		for (Axis axis : axes) {
			json.beginObject();
			json.name("key").value(TableLayout.keyText(axis));
			json.name("label").value(TableGrid.label(axis));
			List<? extends Axis> children = axis instanceof Row row ? row.getChildren() : ((Column) axis).getChildren();
			if (!children.isEmpty()) {
				json.name("children");
				axes(json, children);
			}
			json.endObject();
		}
		json.endArray();
	}

	private static void rules(JsonWriter json, Report report, ReportValues values) throws IOException {
		json.beginArray();
		// a rule's equation holds for every row or column it applies to: its text is made once
		Map<Equation, String> equations = new HashMap<>();
		Map<Rule, List<RuleOutcome>> byRule = new HashMap<>();
		for (RuleOutcome outcome : values.ruleOutcomes()) {
			byRule.computeIfAbsent(outcome.rule(), rule -> new ArrayList<>()).add(outcome);
		}
		for (Rule rule : report.getType().getRules()) {
			if (rule.getTable() != null && rule.getTable().eIsProxy()) {
				continue; // its table does not resolve: no rule to publish (its linking error blocks publishing)
			}
			json.beginObject();
			json.name("code").value(rule.getCode());
			json.name("severity").value(rule.getSeverity().getLiteral().equals("错误") ? "error"
					: rule.getSeverity().getLiteral().equals("警告") ? "warning" : "info");
			json.name("message").value(ReportText.clean(rule.getMessage()));
			if (rule.getTable() != null) {
				json.name("table").value(rule.getTable().getName());
			}
			List<RuleOutcome> outcomes = byRule.getOrDefault(rule, List.of());
			json.name("outcomes").beginArray();
			for (RuleOutcome outcome : outcomes) {
				json.beginObject();
				json.name("scope").value(outcome.slice().row() != null ? "row" : outcome.slice().column() != null ? "column" : "report");
				json.name("key").value(outcome.slice().row() != null ? TableLayout.keyText(outcome.slice().row())
						: outcome.slice().column() != null ? TableLayout.keyText(outcome.slice().column()) : "");
				json.name("equation").value(equations.computeIfAbsent(outcome.equation(), ReportText::equation));
				json.name("left");
				number(json, outcome.left());
				json.name("right");
				number(json, outcome.right());
				json.name("holds").value(outcome.holds());
				json.endObject();
			}
			json.endArray();
			json.name("checked").value(!outcomes.isEmpty());
			json.endObject();
		}
		json.endArray();
	}

	/**
	 * A number as Gson prints a {@link BigDecimal}, without a positive exponent: 1E+3 as 1000 (a number of scale 0 or
	 * more is its plain digits read back already).
	 */
	private static void number(JsonWriter json, BigDecimal value) throws IOException {
		json.value(value.scale() < 0 ? value.setScale(0) : value);
	}

	private static void optional(JsonWriter json, String property, String value) throws IOException {
		if (value != null) {
			json.name(property).value(ReportText.clean(value));
		}
	}
}
