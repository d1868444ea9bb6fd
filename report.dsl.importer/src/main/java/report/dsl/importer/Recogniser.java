package report.dsl.importer;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.xtext.EcoreUtil2;

import report.dsl.evaluation.TotalDefinitions;
import report.dsl.model.TableLayout;
import report.dsl.report.Block;
import report.dsl.report.Column;
import report.dsl.report.PartType;
import report.dsl.report.ReportType;
import report.dsl.report.Row;
import report.dsl.report.TableType;

/**
 * Maps the cell grid of a published report onto a report type, reading nothing but the type's declaration: part
 * headings, table captions, block headings, row and column labels and their aliases (又名), the order of columns,
 * and which totals a rule defines. No format is known here.
 */
final class Recogniser {

	private static final Pattern NUMERAL = Pattern.compile("^[一二三四五六七八九十0-9]+[、.]");
	private static final Pattern SUB_HEADING = Pattern.compile("^[(（][一二三四五六七八九十]+[)）].{1,38}$");
	private static final Pattern YEAR = Pattern.compile("(\\d{4})年度?");
	/** The signature's date, on its own line or after the body on the same line ("某某局　2024年1月18日"). */
	private static final Pattern DATE = Pattern.compile("^([^。，；：:]{0,30}?)(\\d{4})年(\\d{1,2})月(\\d{1,2})日$");
	private static final Pattern URL = Pattern.compile("https?://[^\\s）)>」<，。]+");
	/** "编制2023年度某某中心…报告": the body named in the preamble, by the words Chinese public bodies end in. */
	private static final Pattern BODY_IN_PREAMBLE = Pattern.compile("编制\\d{4}年度?(.{2,30}?(?:局|委员会|中心|政府|办公室|厅|部|院|委|会|处|所|站|队))");
	private static final Pattern CHROME = Pattern.compile("^[-•·]\\s.*|.*更多>>$|.*\\(?\\d{4}-\\d{1,2}-\\d{1,2}\\)?$|^【.*");
	private static final Pattern SENTENCE_END = Pattern.compile(".*[。！？；：”）)]$");

	private final List<GridRow> rows;
	private final ImportedReport result;
	private final TotalDefinitions totals;
	/** Normalised labels, computed once per import: every cell is compared with them. */
	private final Map<Row, List<String>> rowLabels = new HashMap<>();
	private final Map<TableType, List<String>> tableLabels = new HashMap<>();

	Recogniser(ReportType type, List<GridRow> rows) {
		this.rows = rows;
		this.result = new ImportedReport(type);
		this.totals = new TotalDefinitions(type);
	}

	/** Table A's column labels of a type found in the grid, as a share of them: how well the type fits. */
	static double fit(ReportType type, List<GridRow> rows) {
		if (type.getTables().isEmpty()) {
			return 0;
		}
		StringBuilder all = new StringBuilder();
		rows.forEach(r -> all.append(Labels.normalise(r.text())).append('\n'));
		List<Column> columns = EcoreUtil2.eAllOfType(type.getTables().get(0), Column.class);
		long found = columns.stream().filter(c -> labels(c.getLabel() == null ? c.getName() : c.getLabel(), c.getAliases())
				.stream().anyMatch(l -> all.indexOf(l) >= 0)).count();
		return columns.isEmpty() ? 0 : (double) found / columns.size();
	}

	ImportedReport recognise() {
		List<PartType> partTypes = result.type.getParts();
		int[] starts = new int[partTypes.size()];
		int from = 0;
		for (int p = 0; p < partTypes.size(); p++) {
			starts[p] = -1;
			for (int i = from; i < rows.size(); i++) {
				if (isHeading(rows.get(i), partTypes.get(p))) {
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

	private static boolean isHeading(GridRow row, PartType part) {
		if (!row.isTextLine()) {
			return false;
		}
		String text = Labels.normalise(row.text());
		if (text.length() > 50 || text.contains("。")) {
			return false;
		}
		String body = NUMERAL.matcher(text).replaceFirst("");
		return labels(part.getHeading(), part.getAliases()).stream()
				.map(l -> NUMERAL.matcher(l).replaceFirst("")).anyMatch(l -> !l.isEmpty() && body.startsWith(l));
	}

	private static List<String> labels(String label, List<String> aliases) {
		List<String> all = new ArrayList<>();
		all.add(Labels.normalise(label));
		aliases.forEach(a -> all.add(Labels.normalise(a)));
		return all;
	}

	// ------------------------------------------------------------------ metadata

	/** Title, body, year, preamble and URL from the rows before the first part. */
	private void metadata(int firstPart) {
		String marker = Labels.normalise(result.type.getTitle() == null ? "报告" : result.type.getTitle());
		int title = -1;
		for (int i = firstPart - 1; i >= 0; i--) {
			String text = Labels.normalise(rows.get(i).text());
			if (text.contains(marker) && text.length() <= 60 && !text.contains("。")) {
				title = i;
				break;
			}
		}
		String titleText = title < 0 ? "" : Labels.normalise(rows.get(title).text());
		if (title > 0) {
			String above = Labels.normalise(rows.get(title - 1).text());
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
			Matcher date = DATE.matcher(Labels.normalise(rows.get(i).text()));
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
					String body = Labels.normalise(rows.get(i - 1).text());
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
		String declared = Labels.normalise(type.getHeading());
		boolean asDeclared = Labels.normalise(printed).replaceFirst("\\(单位[:：][^)]*\\)$", "").equals(declared);
		ImportedReport.Part part = new ImportedReport.Part(type, asDeclared ? null : printed);
		result.parts.add(part);
		List<TableType> tables = result.type.getTables().stream().filter(t -> t.getPart() == type).toList();
		List<GridRow> tableRows = new ArrayList<>();
		List<GridRow> narrative = new ArrayList<>();
		for (int i = heading + 1; i < end; i++) {
			GridRow row = rows.get(i);
			(!tables.isEmpty() && isTableMaterial(row, tables) ? tableRows : narrative).add(row);
		}
		if (!tables.isEmpty()) {
			tables(tables, tableRows);
		}
		narrative(part, narrative);
	}

	private boolean isTableMaterial(GridRow row, List<TableType> tables) {
		if (!row.isTextLine()) {
			return true;
		}
		String text = Labels.normalise(row.text());
		if (CellText.of(text).isValue() || text.length() <= 12 && !text.contains("。")) {
			return true;
		}
		for (TableType table : tables) {
			for (String label : tableLabels.computeIfAbsent(table, Recogniser::tableLabels)) {
				if (text.contains(label) || label.contains(text)) {
					return true;
				}
			}
		}
		return false;
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
		return labels;
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
		tables.forEach(t -> candidates.addAll(TableLayout.allRows(t)));
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
				CellText text = CellText.of(cell.text());
				if (!text.isValue()) {
					if (current != null && values.stream().anyMatch(v -> CellText.of(v.text()).kind() != CellText.Kind.BLANK)) {
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
				for (Row row : TableLayout.allRows(type)) {
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
			List<Row> rows = TableLayout.allRows(table);
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
			text.append(Labels.normalise(pending.get(i).text()));
		}
		String read = text.toString();
		String withoutRemark = read.replaceAll("\\([^()]*\\)$", "");
		Row best = null;
		int bestLength = 0;
		List<Row> tied = new ArrayList<>();
		int after = lastMatched == null ? -1 : candidates.indexOf(lastMatched);
		for (int i = 0; i < candidates.size(); i++) {
			Row row = candidates.get(i);
			for (String label : rowLabels.computeIfAbsent(row, r -> labels(r.getLabel(), r.getAliases()))) {
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
			while (!cells.isEmpty() && CellText.of(cells.get(0).text()).kind() == CellText.Kind.BLANK) {
				cells.remove(0);
			}
			while (!cells.isEmpty() && CellText.of(cells.get(cells.size() - 1).text()).kind() == CellText.Kind.BLANK) {
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
			CellText text = CellText.of(cell.text());
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
