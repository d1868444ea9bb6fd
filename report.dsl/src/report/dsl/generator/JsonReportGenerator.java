package report.dsl.generator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
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
 * row and column keys with computed totals marked, and the outcome of every rule.
 */
public class JsonReportGenerator {

	public static final String SCHEMA_VERSION = "1.0";

	/** Thread-safe, so made once: its type adapters are looked up on first use. */
	private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create();

	@Inject
	private ReportEvaluator evaluator;

	public String generate(Report report) {
		ReportValues values = evaluator.values(report);
		JsonObject root = new JsonObject();
		root.addProperty("schemaVersion", SCHEMA_VERSION);
		root.add("report", metadata(report));
		if (report.getPreamble() != null) {
			root.add("preamble", text(report.getPreamble(), report));
		}
		JsonArray figures = new JsonArray();
		for (Figure figure : EcoreUtil2.eAllOfType(report, Figure.class)) {
			JsonObject json = new JsonObject();
			// a figure the parser recovered without its name or value (published only with --force) shows as bindings read it
			json.addProperty("name", figure.getName() == null ? "" : figure.getName());
			json.add("value", number(Numbers.signed(figure.getValue(), figure.isNegative())));
			optional(json, "unit", figure.getUnit());
			optional(json, "description", figure.getDescription());
			figures.add(json);
		}
		root.add("figures", figures);
		JsonArray parts = new JsonArray();
		for (Part part : report.getParts()) {
			JsonObject json = new JsonObject();
			json.addProperty("key", part.getType() == null ? "" : part.getType().getName());
			json.addProperty("heading", ReportText.heading(part));
			json.add("content", contents(part.getContents(), report));
			parts.add(json);
		}
		root.add("parts", parts);
		JsonArray tables = new JsonArray();
		for (TableType table : report.getType().getTables()) {
			tables.add(table(table, values));
		}
		root.add("tables", tables);
		root.add("rules", rules(report, values));
		if (report.getSummary() != null) {
			root.add("summary", summary(report, values));
		}
		StringBuilder text = new StringBuilder(1 << 16);
		GSON.toJson(root, text);
		return text.append('\n').toString();
	}

	/** The reports a summary adds up, and its tables' main figures by part. */
	private static JsonObject summary(Report report, ReportValues values) {
		JsonObject json = new JsonObject();
		JsonArray parts = new JsonArray();
		for (ReportValues part : values.parts()) {
			JsonObject partJson = new JsonObject();
			partJson.addProperty("name", part.report().getName());
			partJson.addProperty("body", ReportText.clean(part.report().getBody()));
			partJson.addProperty("file", part.report().eResource().getURI().lastSegment() == null ? ""
					: URI.decode(part.report().eResource().getURI().lastSegment()));
			parts.add(partJson);
		}
		json.add("parts", parts);
		JsonArray breakdown = new JsonArray();
		for (TableType table : report.getType().getTables()) {
			for (MainFigures.Figure headline : Additivity.headlines(table)) {
				JsonObject figure = new JsonObject();
				figure.addProperty("table", table.getName());
				figure.addProperty("row", TableLayout.keyText(headline.row()));
				figure.addProperty("column", TableLayout.keyText(headline.column()));
				figure.addProperty("label", headline.label());
				JsonArray byPart = new JsonArray();
				values.parts().forEach(part -> byPart.add(number(part.table(table).value(headline.row(), headline.column()))));
				figure.add("values", byPart);
				figure.add("total", number(values.table(table).value(headline.row(), headline.column())));
				breakdown.add(figure);
			}
		}
		json.add("breakdown", breakdown);
		return json;
	}

	private static JsonObject metadata(Report report) {
		JsonObject json = new JsonObject();
		json.addProperty("name", report.getName());
		json.addProperty("type", report.getType().getName());
		json.addProperty("title", ReportText.title(report));
		json.addProperty("body", ReportText.clean(report.getBody()));
		json.addProperty("year", report.getYear());
		JsonObject period = new JsonObject();
		period.addProperty("start", report.getPeriodStart());
		period.addProperty("end", report.getPeriodEnd());
		json.add("period", period);
		json.addProperty("issued", report.getIssued());
		optional(json, "url", report.getUrl());
		optional(json, "contact", report.getContact());
		if (report.getPrevious() != null && !report.getPrevious().eIsProxy()) {
			json.addProperty("previousReport", report.getPrevious().getName());
		}
		return json;
	}

	private JsonArray contents(List<Content> contents, Report report) {
		JsonArray array = new JsonArray();
		for (Content content : contents) {
			if (content instanceof Paragraph paragraph) {
				JsonObject json = new JsonObject();
				json.addProperty("type", "paragraph");
				text(paragraph.getText(), report).entrySet().forEach(e -> json.add(e.getKey(), e.getValue()));
				array.add(json);
			} else if (content instanceof SubSection sub) {
				JsonObject json = new JsonObject();
				json.addProperty("type", "section");
				json.addProperty("heading", ReportText.clean(sub.getHeading()));
				json.add("content", contents(sub.getContents(), report));
				array.add(json);
			} else if (content instanceof TableData data && data.getTable() != null) {
				JsonObject json = new JsonObject();
				json.addProperty("type", "table");
				json.addProperty("table", data.getTable().getName());
				array.add(json);
			}
		}
		return array;
	}

	private JsonObject text(Text text, Report report) {
		JsonObject json = new JsonObject();
		StringBuilder plain = new StringBuilder();
		JsonArray bindings = new JsonArray();
		for (Narrative.Segment segment : Narrative.segments(text, report, evaluator)) {
			if (segment.isBound()) {
				JsonObject binding = new JsonObject();
				binding.addProperty("offset", plain.codePointCount(0, plain.length()));
				binding.addProperty("text", segment.text());
				binding.addProperty("reference", NodeModelUtils.getTokenText(NodeModelUtils.getNode(segment.shown().binding())));
				binding.add("value", segment.shown().number() == null ? null : number(segment.shown().number()));
				optional(binding, "description", segment.shown().description());
				if (segment.shown().binding().getStated() != null) {
					binding.add("stated", number(segment.shown().binding().getStated()));
				}
				bindings.add(binding);
			}
			plain.append(segment.text());
		}
		json.addProperty("text", plain.toString());
		json.add("bindings", bindings);
		return json;
	}

	private static JsonObject table(TableType table, ReportValues values) {
		JsonObject json = new JsonObject();
		json.addProperty("key", table.getName());
		json.addProperty("caption", ReportText.clean(table.getCaption()));
		optional(json, "unit", table.getUnit());
		optional(json, "note", table.getNote());
		json.addProperty("given", values.table(table).data() != null);
		JsonArray blocks = new JsonArray();
		JsonArray cells = new JsonArray();
		for (Block block : table.getBlocks()) {
			JsonObject blockJson = new JsonObject();
			optional(blockJson, "heading", block.getHeading());
			blockJson.add("columns", axes(block.getColumns()));
			blockJson.add("rows", axes(block.getRows()));
			blocks.add(blockJson);
			List<Column> columns = TableLayout.leafColumns(block);
			List<String> columnKeys = columns.stream().map(TableLayout::keyText).toList();
			for (Row row : TableLayout.leafRows(block)) {
				String rowKey = TableLayout.keyText(row);
				for (int i = 0; i < columns.size(); i++) {
					Column column = columns.get(i);
					JsonObject cell = new JsonObject();
					cell.addProperty("row", rowKey);
					cell.addProperty("column", columnKeys.get(i));
					cell.add("value", number(values.table(table).value(row, column)));
					cell.addProperty("computed", values.table(table).isComputed(row, column));
					cells.add(cell);
				}
			}
		}
		json.add("blocks", blocks);
		json.add("cells", cells);
		return json;
	}

	private static JsonArray axes(List<? extends Axis> axes) {
		JsonArray array = new JsonArray();
		for (Axis axis : axes) {
			JsonObject json = new JsonObject();
			json.addProperty("key", TableLayout.keyText(axis));
			json.addProperty("label", TableGrid.label(axis));
			List<? extends Axis> children = axis instanceof Row row ? row.getChildren() : ((Column) axis).getChildren();
			if (!children.isEmpty()) {
				json.add("children", axes(children));
			}
			array.add(json);
		}
		return array;
	}

	private static JsonArray rules(Report report, ReportValues values) {
		JsonArray array = new JsonArray();
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
			JsonObject json = new JsonObject();
			json.addProperty("code", rule.getCode());
			json.addProperty("severity", rule.getSeverity().getLiteral().equals("错误") ? "error"
					: rule.getSeverity().getLiteral().equals("警告") ? "warning" : "info");
			json.addProperty("message", ReportText.clean(rule.getMessage()));
			if (rule.getTable() != null) {
				json.addProperty("table", rule.getTable().getName());
			}
			JsonArray outcomes = new JsonArray();
			for (RuleOutcome outcome : byRule.getOrDefault(rule, List.of())) {
				JsonObject result = new JsonObject();
				result.addProperty("scope", outcome.slice().row() != null ? "row" : outcome.slice().column() != null ? "column" : "report");
				result.addProperty("key", outcome.slice().row() != null ? TableLayout.keyText(outcome.slice().row())
						: outcome.slice().column() != null ? TableLayout.keyText(outcome.slice().column()) : "");
				result.addProperty("equation", equations.computeIfAbsent(outcome.equation(), ReportText::equation));
				result.add("left", number(outcome.left()));
				result.add("right", number(outcome.right()));
				result.addProperty("holds", outcome.holds());
				outcomes.add(result);
			}
			json.add("outcomes", outcomes);
			json.addProperty("checked", !outcomes.isEmpty());
			array.add(json);
		}
		return array;
	}

	private static JsonPrimitive number(BigDecimal value) {
		return new JsonPrimitive(new BigDecimal(value.toPlainString()));
	}

	private static void optional(JsonObject json, String property, String value) {
		if (value != null) {
			json.addProperty(property, ReportText.clean(value));
		}
	}
}
