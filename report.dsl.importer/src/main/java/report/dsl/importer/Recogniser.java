package report.dsl.importer;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import report.dsl.evaluation.TotalDefinitions;
import report.dsl.model.TableLayout;
import report.dsl.report.Block;
import report.dsl.report.Column;
import report.dsl.report.PartType;
import report.dsl.report.Row;
import report.dsl.report.TableType;

/**
 * Maps the cell grid of a published report onto a report type, reading nothing but the type's declaration: part
 * headings, table captions, block headings, row and column labels and their aliases (又名), the order of columns,
 * and which totals a rule defines. No format is known here.
 */
final class Recogniser {

	private static final Pattern SUB_HEADING = Pattern.compile("^[(（][一二三四五六七八九十]+[)）].{1,38}$");
	private static final Pattern YEAR = Pattern.compile("(\\d{4})年度?");
	/** The signature's date, on its own line or after the body on the same line ("某某局　2024年1月18日"). */
	private static final Pattern DATE = Pattern.compile("^([^。，；：:]{0,30}?)(\\d{4})年(\\d{1,2})月(\\d{1,2})日$");
	private static final Pattern URL = Pattern.compile("https?://[^\\s）)>」<，。]+");
	/** "编制2023年度某某中心…报告": the body named in the preamble, by the words Chinese public bodies end in. */
	private static final Pattern BODY_IN_PREAMBLE = Pattern.compile("编制\\d{4}年度?(.{2,30}?(?:局|委员会|中心|政府|办公室|厅|部|院|委|会|处|所|站|队))");
	private static final Pattern CHROME = Pattern.compile("^[-•·]\\s.*|.*更多>>$|.*\\(?\\d{4}-\\d{1,2}-\\d{1,2}\\)?$|^【.*");
	private static final Pattern SENTENCE_END = Pattern.compile(".*[。！？；：”）)]$");
	private static final Pattern UNIT_NOTE = Pattern.compile("\\(单位[:：][^)]*\\)$");
	private static final Pattern TRAILING_REMARK = Pattern.compile("\\([^()]*\\)$");

	private final List<GridRow> rows;
	private final GridText text;
	private final TypeLabels labels;
	private final ImportedReport result;
	private final TotalDefinitions totals;
	/** What each cell holds and its normalised text, worked out once: the table's rows read a cell several times. */
	private final Map<SourceCell, CellText> cellTexts = new IdentityHashMap<>();
	private final Map<SourceCell, String> cellLabels = new IdentityHashMap<>();

	Recogniser(TypeLabels labels, GridText text) {
		this.rows = text.rows();
		this.text = text;
		this.labels = labels;
		this.result = new ImportedReport(labels.type);
		this.totals = new TotalDefinitions(labels.type);
	}

	private CellText cellText(SourceCell cell) {
		return cellTexts.computeIfAbsent(cell, c -> CellText.of(c.text()));
	}

	ImportedReport recognise() {
		List<PartType> partTypes = result.type.getParts();
		int[] starts = new int[partTypes.size()];
		int from = 0;
		for (int p = 0; p < partTypes.size(); p++) {
			starts[p] = -1;
			for (int i = from; i < rows.size(); i++) {
				if (isHeading(i, partTypes.get(p))) {
					starts[p] = i;
					from = i + 1;
					break;
				}
			}
		}
		int first = firstFound(starts);
		if (first < 0) {
			result.note(null, "找不到报告格式「" + result.type.getName() + "」的任何部分标题，不像是一份这种格式的报告");
			result.body = "未知机关"; // not written (no parts), but named like any import
			return result;
		}
		metadata(starts[first]);
		int end = signature();
		for (TableType table : result.type.getTables()) {
			result.tables.put(table, new ImportedReport.Table(table));
		}
		for (int p = 0; p < partTypes.size(); p++) {
			if (starts[p] < 0) {
				result.note(null, "找不到部分「" + partTypes.get(p).getHeading() + "」");
				continue;
			}
			int next = end;
			for (int q = p + 1; q < partTypes.size(); q++) {
				if (starts[q] >= 0) {
					next = starts[q];
					break;
				}
			}
			part(partTypes.get(p), starts[p], Math.min(next, end));
		}
		for (ImportedReport.Table table : result.tables.values()) {
			if (!table.found && !table.headingsOnly) {
				result.note(null, "找不到表" + table.type.getName() + "「" + table.type.getCaption() + "」的数值");
			}
		}
		return result;
	}

	/** The first part found: its index among the type's parts. */
	private static int firstFound(int[] starts) {
		for (int p = 0; p < starts.length; p++) {
			if (starts[p] >= 0) {
				return p;
			}
		}
		return -1;
	}

	private boolean isHeading(int row, PartType part) {
		if (!rows.get(row).isTextLine()) {
			return false;
		}
		String line = text.line(row);
		if (line.length() > 50 || line.contains("。")) {
			return false;
		}
		String body = TypeLabels.withoutNumeral(line);
		return labels.heading(part).stream().anyMatch(body::startsWith);
	}

	// ------------------------------------------------------------------ metadata

	/** Title, body, year, preamble and URL from the rows before the first part. */
	private void metadata(int firstPart) {
		String marker = labels.titleMarker;
		int title = -1;
		for (int i = firstPart - 1; i >= 0; i--) {
			String line = text.line(i);
			if (line.contains(marker) && line.length() <= 60 && !line.contains("。")) {
				title = i;
				break;
			}
		}
		String titleText = title < 0 ? "" : text.line(title);
		if (title > 0) {
			String above = text.line(title - 1);
			if (rows.get(title - 1).isTextLine() && above.length() <= 30 && !above.contains("。") && !above.contains(marker)) {
				titleText = above + titleText;
			}
		}
		Matcher year = YEAR.matcher(titleText);
		if (year.find() && titleText.indexOf(marker, year.end()) >= 0) {
			result.year = Integer.parseInt(year.group(1));
			result.body = titleText.substring(0, year.start()).strip();
		}
		StringBuilder preamble = new StringBuilder();
		for (int i = title + 1; i < firstPart; i++) {
			preamble.append(Labels.clean(rows.get(i).text()).strip());
		}
		result.preamble = preamble.toString();
		Matcher url = URL.matcher(result.preamble);
		if (url.find()) {
			result.url = url.group();
		}
		if (result.body == null || result.body.isEmpty()) {
			Matcher body = BODY_IN_PREAMBLE.matcher(Labels.normalise(result.preamble));
			result.body = body.find() ? body.group(1) : null;
		}
	}

	/**
	 * The signature at the end (body and date of issue): read, and cut from the narrative. Returns where it starts. The
	 * date stands in one of the last five lines: the report's URL and contact may follow it, which a PDF wraps.
	 */
	private int signature() {
		int end = rows.size();
		for (int i = rows.size() - 1; i >= Math.max(0, rows.size() - 5); i--) {
			Matcher date = DATE.matcher(text.line(i));
			if (date.matches()) {
				try {
					result.issued = LocalDate.of(Integer.parseInt(date.group(2)), Integer.parseInt(date.group(3)),
							Integer.parseInt(date.group(4)));
				} catch (DateTimeException e) {
					result.note(rows.get(i).first(), "落款日期「" + rows.get(i).text() + "」不存在");
				}
				end = i;
				if (!date.group(1).isEmpty()) {
					if (result.body == null || result.body.isEmpty()) {
						result.body = date.group(1);
					}
				} else if (i > 0) {
					String body = text.line(i - 1);
					if (body.length() <= 30 && !body.contains("。") && !SUB_HEADING.matcher(body).matches()) {
						if (result.body == null || result.body.isEmpty()) {
							result.body = body;
						}
						end = i - 1;
					}
				}
				break;
			}
		}
		if (result.year == 0 && result.issued != null) {
			result.year = result.issued.getYear() - 1;
		}
		if (result.body == null || result.body.isEmpty()) {
			result.body = "未知机关";
			result.note(null, "标题、落款和导语中都找不到发布机关，暂写作「未知机关」，请改正");
		}
		if (result.year == 0) {
			result.year = LocalDate.now().getYear() - 1;
			result.note(null, "标题中找不到报告年度，暂写作" + result.year + "，请改正");
		}
		if (result.issued == null) {
			result.issued = LocalDate.of(result.year + 1, 1, 31);
			result.note(null, "原文没有落款日期，发布日期暂按" + result.issued + "写入，请核对");
		}
		return end;
	}

	// ------------------------------------------------------------------ parts

	private void part(PartType type, int heading, int end) {
		String printed = Labels.clean(rows.get(heading).text()).strip();
		boolean asDeclared = UNIT_NOTE.matcher(Labels.normalise(printed)).replaceFirst("").equals(labels.declaredHeading(type));
		ImportedReport.Part part = new ImportedReport.Part(type, asDeclared ? null : printed);
		result.parts.add(part);
		List<TableType> tables = result.type.getTables().stream().filter(t -> t.getPart() == type).toList();
		List<GridRow> tableRows = new ArrayList<>();
		List<GridRow> narrative = new ArrayList<>();
		for (int i = heading + 1; i < end; i++) {
			(!tables.isEmpty() && isTableMaterial(i, tables) ? tableRows : narrative).add(rows.get(i));
		}
		if (!tables.isEmpty()) {
			tables(tables, tableRows);
		}
		narrative(part, narrative);
	}

	private boolean isTableMaterial(int row, List<TableType> tables) {
		if (!rows.get(row).isTextLine()) {
			return true;
		}
		String line = text.line(row);
		if (CellText.of(line).isValue() || line.length() <= 12 && !line.contains("。")) {
			return true;
		}
		for (TableType table : tables) {
			for (String label : labels.table(table)) {
				if (line.contains(label) || label.contains(line)) {
					return true;
				}
			}
		}
		return false;
	}

	private void narrative(ImportedReport.Part part, List<GridRow> narrative) {
		List<? super String> target = part.contents;
		GridRow firstDropped = null;
		int dropped = 0;
		for (GridRow row : narrative) {
			String text = Labels.clean(row.text()).strip();
			if (!row.isTextLine() || CHROME.matcher(text).matches()) {
				if (firstDropped == null) {
					firstDropped = row;
				}
				dropped++;
				continue;
			}
			String normalised = Labels.normalise(text);
			if (SUB_HEADING.matcher(normalised).matches() && !normalised.contains("。")) {
				ImportedReport.Section section = new ImportedReport.Section(text.replaceAll("[。：:]$", ""), new ArrayList<>());
				part.contents.add(section);
				target = section.paragraphs();
				continue;
			}
			int last = target.size() - 1;
			if (last >= 0 && target.get(last) instanceof String previous && !SENTENCE_END.matcher(previous).matches()) {
				target.set(last, previous + text);
			} else {
				target.add(text);
			}
		}
		if (dropped > 0) {
			result.note(firstDropped.first(), "略去" + dropped + "行网页栏目、新闻列表或表格文字（不属于报告正文）");
		}
	}

	// ------------------------------------------------------------------ tables

	private void tables(List<TableType> tables, List<GridRow> material) {
		List<Row> candidates = new ArrayList<>();
		tables.forEach(t -> candidates.addAll(labels.rows(t)));
		List<RowReadings.Damaged> damaged = new ArrayList<>();
		List<SourceCell> pending = new ArrayList<>();
		List<SourceCell> values = new ArrayList<>();
		Row current = null;
		Row lastMatched = null;
		for (GridRow gridRow : material) {
			if (gridRow.note() != null) {
				result.note(gridRow.first(), gridRow.note());
			}
			if (gridRow.exact()) {
				current = flush(current, values, gridRow.exact(), damaged);
			}
			for (SourceCell cell : gridRow.cells()) {
				CellText text = cellText(cell);
				if (!text.isValue()) {
					if (current != null && values.stream().anyMatch(v -> cellText(v).kind() != CellText.Kind.BLANK)) {
						current = flush(current, values, gridRow.exact(), damaged);
					}
					pending.add(cell);
					Row matched = match(pending, candidates, lastMatched);
					current = matched;
					values.clear();
					if (matched != null) {
						lastMatched = matched;
					}
				} else if (current == null) {
					if (text.kind() == CellText.Kind.BLANK) {
						continue;
					}
					current = soleRow(tables);
					if (current == null) {
						result.note(cell, "数值「" + cell.text() + "」前的标签「" + pendingText(pending)
								+ "」与报告格式中的任何行都对不上，未读入");
						pending.clear();
						current = OrphanMarker.ROW;
					}
					values.add(cell);
				} else {
					values.add(cell);
					pending.clear();
				}
			}
			if (gridRow.exact()) {
				current = flush(current, values, true, damaged);
			}
		}
		flush(current, values, false, damaged);
		for (TableType type : tables) {
			ImportedReport.Table table = result.tables.get(type);
			RowReadings.resolve(result, table, damaged.stream().filter(d -> TableLayout.table(d.row()) == type).toList());
			count(table);
			if (table.found) {
				for (Row row : labels.rows(type)) {
					if (row.getChildren().isEmpty() && !row.isHeading() && !table.rows.containsKey(row)) {
						result.note(material.isEmpty() ? null : material.get(0).first(),
								"表" + type.getName() + "中找不到「" + TableLayout.keyText(row) + "」行（" + row.getLabel() + "），按0处理，请核对");
					}
				}
			}
			if (!table.numbers && !material.isEmpty()) {
				table.headingsOnly = true;
				result.note(material.get(0).first(), "表" + type.getName() + "只有标题没有数值（报告可能以图片发布），不能当作全为0读入");
			}
		}
	}

	/** Marks values whose label matched nothing, so that they are skipped rather than given to another row. */
	private static final class OrphanMarker {
		static final Row ROW = report.dsl.report.ReportFactory.eINSTANCE.createRow();
	}

	private static String pendingText(List<SourceCell> pending) {
		return String.join("", pending.stream().map(SourceCell::text).toList()).strip();
	}

	private Row soleRow(List<TableType> tables) {
		for (TableType table : tables) {
			List<Row> rows = labels.rows(table);
			if (rows.size() == 1 && !result.tables.get(table).rows.containsKey(rows.get(0))) {
				return rows.get(0);
			}
		}
		return null;
	}

	/** A label that matched several rows equally well: where it is printed, the rows, and the one taken. */
	private record Ambiguity(SourceCell label, List<Row> rows, Row taken, boolean afterLast) {
	}

	/** The ambiguity of the last match, reported when its row is read. */
	private Ambiguity ambiguity;

	/**
	 * The row whose label (or alias) the text read since the last values ends with; the longest such label, and among
	 * rows of equally long labels the first after the row read last.
	 */
	private Row match(List<SourceCell> pending, List<Row> candidates, Row lastMatched) {
		StringBuilder text = new StringBuilder();
		for (int i = Math.max(0, pending.size() - 8); i < pending.size(); i++) {
			text.append(cellLabels.computeIfAbsent(pending.get(i), c -> Labels.normalise(c.text())));
		}
		String read = text.toString();
		String withoutRemark = TRAILING_REMARK.matcher(read).replaceAll("");
		Row best = null;
		int bestLength = 0;
		List<Row> tied = new ArrayList<>();
		int after = lastMatched == null ? -1 : candidates.indexOf(lastMatched);
		for (int i = 0; i < candidates.size(); i++) {
			Row row = candidates.get(i);
			for (String label : labels.row(row)) {
				if (!read.endsWith(label) && !withoutRemark.endsWith(label)) {
					continue;
				}
				if (label.length() > bestLength) {
					tied.clear();
				}
				if (label.length() >= bestLength && !tied.contains(row)) {
					tied.add(row);
				}
				boolean better = label.length() > bestLength || label.length() == bestLength && best != null
						&& candidates.indexOf(best) <= after && i > after;
				if (better) {
					best = row;
					bestLength = label.length();
				}
			}
		}
		ambiguity = tied.size() > 1 ? new Ambiguity(pending.get(pending.size() - 1), List.copyOf(tied), best,
				after >= 0 && candidates.indexOf(best) > after)
				: null;
		return best;
	}

	/** Says which of the rows an ambiguous label was read as, and why. */
	private void reportAmbiguity(ImportedReport.Table table, Row row) {
		if (ambiguity == null || ambiguity.taken() != row) {
			return;
		}
		String message = "标签「" + ambiguity.label().text() + "」对得上表" + table.type.getName() + "的"
				+ String.join("、", ambiguity.rows().stream().map(r -> "「" + TableLayout.keyText(r) + "」").toList()) + "行，读作「"
				+ TableLayout.keyText(row) + "」行（" + (ambiguity.afterLast() ? "紧接在上一个读到的行之后" : "报告格式中的第一个") + "），请核对";
		result.note(ambiguity.label(), message);
		table.comments.computeIfAbsent(row, r -> new ArrayList<>()).add(message);
		ambiguity = null;
	}

	private Row flush(Row row, List<SourceCell> printed, boolean exact, List<RowReadings.Damaged> damaged) {
		if (row == null || row == OrphanMarker.ROW || printed.isEmpty()) {
			printed.clear();
			return row == OrphanMarker.ROW ? null : row;
		}
		List<SourceCell> cells = new ArrayList<>(printed);
		printed.clear();
		if (!exact) {
			while (!cells.isEmpty() && cellText(cells.get(0)).kind() == CellText.Kind.BLANK) {
				cells.remove(0);
			}
			while (!cells.isEmpty() && cellText(cells.get(cells.size() - 1)).kind() == CellText.Kind.BLANK) {
				cells.remove(cells.size() - 1);
			}
		}
		if (cells.isEmpty()) {
			return null;
		}
		ImportedReport.Table table = result.tables.get(TableLayout.table(row));
		table.found = true;
		String key = TableLayout.keyText(row);
		if (row.isHeading() || !row.getChildren().isEmpty()) {
			result.note(cells.get(0), "表" + table.type.getName() + "「" + key + "」是分组标题行，不应有数值；这些数值未读入");
			return null;
		}
		if (table.rows.containsKey(row)) {
			result.note(cells.get(0), "表" + table.type.getName() + "「" + key + "」行重复出现，取第一次印出的数值");
			return null;
		}
		List<Column> columns = TableLayout.leafColumns(TableLayout.block(row));
		List<ImportedReport.Cell> values = new ArrayList<>();
		for (int i = 0; i < cells.size(); i++) {
			SourceCell cell = cells.get(i);
			CellText text = cellText(cell);
			Column column = i < columns.size() ? columns.get(i) : null;
			// named only for a cell that gets a comment: most cells are numbers, and naming a column walks its block
			Supplier<String> where = () -> "表" + table.type.getName() + "「" + key + "」行"
					+ (column == null ? "" : "「" + TableLayout.shortKey(column) + "」列");
			switch (text.kind()) {
				case NUMBER -> {
					values.add(new ImportedReport.Cell(text.number(), false));
					table.numbers = true;
				}
				case BLANK -> {
					boolean total = column != null && totals.isComputable(column) && cells.size() == columns.size();
					values.add(total ? ImportedReport.Cell.AUTO : new ImportedReport.Cell(BigDecimal.ZERO, false));
					table.comments.computeIfAbsent(row, r -> new ArrayList<>()).add(where.get() + (text.printed().isEmpty() ? "原文空白" : "原文为「" + text.printed() + "」")
							+ (total ? "，合计按规则计算" : "，按0写入"));
				}
				case SIGNED -> {
					if (column != null && column.isSigned()) {
						values.add(new ImportedReport.Cell(text.number(), false));
						table.numbers = true;
					} else {
						textInNumber(table, row, cell, values, where);
					}
				}
				default -> textInNumber(table, row, cell, values, where);
			}
		}
		reportAmbiguity(table, row);
		if (Math.abs(values.size() - columns.size()) == 1) {
			damaged.add(new RowReadings.Damaged(row, values, cells.get(0)));
			table.rows.put(row, values);
		} else {
			if (values.size() != columns.size()) {
				result.note(cells.get(0), "表" + table.type.getName() + "「" + key + "」行印有" + values.size() + "个数值，应为"
						+ columns.size() + "个，按原样写入，请核对原文");
			}
			table.rows.put(row, values);
		}
		return null;
	}

	/** Text where a number belongs (减4, 251000元): written 0 and flagged, never guessed. */
	private void textInNumber(ImportedReport.Table table, Row row, SourceCell cell, List<ImportedReport.Cell> values, Supplier<String> where) {
		values.add(new ImportedReport.Cell(BigDecimal.ZERO, false));
		String message = where.get() + "原文为「" + cell.text() + "」，不是数字，按0写入并标记，请核对";
		result.note(cell, message);
		table.comments.computeIfAbsent(row, r -> new ArrayList<>()).add(message);
	}

	private static void count(ImportedReport.Table table) {
		for (Block block : table.type.getBlocks()) {
			int columns = TableLayout.leafColumns(block).size();
			for (Row row : TableLayout.leafRows(block)) {
				table.cellsExpected += columns;
				List<ImportedReport.Cell> cells = table.rows.get(row);
				table.cellsRead += cells == null ? 0 : Math.min(columns, cells.size());
			}
		}
	}
}
