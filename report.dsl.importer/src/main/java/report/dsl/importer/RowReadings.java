package report.dsl.importer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.eclipse.emf.ecore.EObject;

import report.dsl.evaluation.ReportValues;
import report.dsl.evaluation.RuleOutcome;
import report.dsl.evaluation.TotalDefinitions;
import report.dsl.model.RuleTerms;
import report.dsl.model.TableLayout;
import report.dsl.report.CellValue;
import report.dsl.report.Column;
import report.dsl.report.Part;
import report.dsl.report.Report;
import report.dsl.report.ReportFactory;
import report.dsl.report.Row;
import report.dsl.report.RowData;
import report.dsl.report.TableData;
import report.dsl.report.Term;

/**
 * Rows printed with one value too many or too few, read by the table's own rules: every way to drop or supply one
 * value is tried, and a reading is taken only when exactly one set of values satisfies every rule that involves
 * the damaged rows — as a person transcribing the report would; otherwise the rows stay as printed.
 */
final class RowReadings {

	private static final int MOST_COMBINATIONS = 4096;

	/** A damaged row: what was printed, and where. */
	record Damaged(Row row, List<ImportedReport.Cell> printed, SourceCell at) {
	}

	private record Reading(List<ImportedReport.Cell> cells, String description) {
	}

	private RowReadings() {
	}

	static void resolve(ImportedReport report, ImportedReport.Table table, List<Damaged> damaged) {
		if (damaged.isEmpty()) {
			return;
		}
		TotalDefinitions totals = new TotalDefinitions(report.type);
		List<List<Reading>> candidates = damaged.stream().map(d -> distinct(readings(d, totals))).toList();
		long combinations = candidates.stream().mapToLong(List::size).reduce(1, Math::multiplyExact);
		List<List<Reading>> satisfying = new ArrayList<>();
		Set<List<List<BigDecimal>>> distinct = new HashSet<>();
		Set<String> rules = new java.util.TreeSet<>();
		if (combinations <= MOST_COMBINATIONS) {
			for (List<Reading> combination : combinations(withoutBrokenRows(report, table, damaged, candidates))) {
				List<List<BigDecimal>> values = new ArrayList<>();
				if (holds(report, table, damaged, combination, values, rules)) {
					satisfying.add(combination);
					distinct.add(values);
				}
			}
		}
		for (int i = 0; i < damaged.size(); i++) {
			Damaged d = damaged.get(i);
			int columns = TableLayout.leafColumns(TableLayout.block(d.row())).size();
			String printed = "表" + table.type.getName() + "「" + TableLayout.keyText(d.row()) + "」行印有" + d.printed().size()
					+ "个数值，比列数（" + columns + "）" + (d.printed().size() > columns ? "多" : "少") + "一个";
			if (distinct.size() == 1) {
				Reading taken = satisfying.get(0).get(i);
				int index = i;
				long ways = satisfying.stream().map(c -> c.get(index)).distinct().count();
				table.rows.put(d.row(), taken.cells());
				String message = printed + "；按本表规则（" + String.join("、", rules) + "）只有一种读法成立："
						+ (ways == 1 ? taken.description() : "不论" + (d.printed().size() > columns ? "多出" : "缺少") + "的是哪一个，读数都相同")
						+ "，读作 " + text(taken.cells());
				report.note(d.at(), message);
				table.comments.computeIfAbsent(d.row(), r -> new ArrayList<>()).add(message);
			} else {
				table.rows.put(d.row(), d.printed());
				String why = combinations > MOST_COMBINATIONS ? "受损的行太多，未按本表规则判读"
						: distinct.isEmpty() ? "没有一种读法能满足本表规则" : "有" + distinct.size() + "种读法都满足本表规则";
				String message = printed + "；" + why + "，按原样写入，请核对原文";
				report.note(d.at(), message);
				table.comments.computeIfAbsent(d.row(), r -> new ArrayList<>()).add(message);
			}
		}
	}

	private static List<Reading> readings(Damaged damaged, TotalDefinitions totals) {
		List<Column> columns = TableLayout.leafColumns(TableLayout.block(damaged.row()));
		List<ImportedReport.Cell> printed = damaged.printed();
		List<Reading> readings = new ArrayList<>();
		if (printed.size() == columns.size() + 1) {
			for (int i = 0; i < printed.size(); i++) {
				List<ImportedReport.Cell> cells = new ArrayList<>(printed);
				cells.remove(i);
				readings.add(new Reading(cells, "去掉第" + (i + 1) + "个数值"));
			}
		} else if (printed.size() == columns.size() - 1) {
			for (int i = 0; i < columns.size(); i++) {
				Column column = columns.get(i);
				List<ImportedReport.Cell> cells = new ArrayList<>(printed);
				if (totals.isComputable(column)) {
					cells.add(i, ImportedReport.Cell.AUTO);
					readings.add(new Reading(cells, "「" + TableLayout.shortKey(column) + "」列未印出，按规则计算"));
					cells = new ArrayList<>(printed);
				}
				cells.add(i, new ImportedReport.Cell(BigDecimal.ZERO, false));
				readings.add(new Reading(cells, "「" + TableLayout.shortKey(column) + "」列未印出，按0读入"));
			}
		}
		return readings;
	}

	/**
	 * The readings less those that break a rule of their own row (每行, such as a row's total): with every cell of the
	 * row a printed number, such a rule reads that row alone, so no combination that takes the reading can hold, and
	 * leaving it out changes no outcome. The k-th readings of all rows are weighed in one evaluation, as each row's own
	 * rules do not see the others.
	 */
	private static List<List<Reading>> withoutBrokenRows(ImportedReport imported, ImportedReport.Table table, List<Damaged> damaged,
			List<List<Reading>> candidates) {
		if (candidates.stream().anyMatch(List::isEmpty)) {
			return candidates;
		}
		List<List<Reading>> viable = candidates.stream().map(c -> (List<Reading>) new ArrayList<Reading>()).toList();
		int most = candidates.stream().mapToInt(List::size).max().orElse(0);
		for (int k = 0; k < most; k++) {
			Map<Row, List<ImportedReport.Cell>> rows = new java.util.LinkedHashMap<>(table.rows);
			for (int i = 0; i < damaged.size(); i++) {
				List<Reading> readings = candidates.get(i);
				rows.put(damaged.get(i).row(), readings.get(Math.min(k, readings.size() - 1)).cells());
			}
			Set<Row> broken = new HashSet<>();
			for (RuleOutcome outcome : ReportValues.detached(model(imported, table, rows)).ruleOutcomes()) {
				if (outcome.rule().getTable() == table.type && outcome.slice().row() != null && !outcome.holds() && readsItsRowOnly(outcome)) {
					broken.add(outcome.slice().row());
				}
			}
			for (int i = 0; i < damaged.size(); i++) {
				if (k < candidates.get(i).size()) {
					Reading reading = candidates.get(i).get(k);
					if (reading.cells().stream().anyMatch(ImportedReport.Cell::auto) || !broken.contains(damaged.get(i).row())) {
						viable.get(i).add(reading);
					}
				}
			}
		}
		return viable;
	}

	/** A row's rule that reads cells of its row only: no term names a cell elsewhere or a figure. */
	private static boolean readsItsRowOnly(RuleOutcome outcome) {
		return Stream.concat(outcome.equation().getLeft().getTerms().stream(), outcome.equation().getRight().getTerms().stream())
				.noneMatch(RuleTerms::isFixed);
	}

	/** Readings that give the same cells are one reading (dropping any of eight zeros). */
	private static List<Reading> distinct(List<Reading> readings) {
		Map<List<ImportedReport.Cell>, Reading> byCells = new java.util.LinkedHashMap<>();
		readings.forEach(r -> byCells.putIfAbsent(r.cells(), r));
		return List.copyOf(byCells.values());
	}

	private static List<List<Reading>> combinations(List<List<Reading>> candidates) {
		List<List<Reading>> result = new ArrayList<>();
		result.add(List.of());
		for (List<Reading> options : candidates) {
			List<List<Reading>> next = new ArrayList<>();
			for (List<Reading> prefix : result) {
				for (Reading option : options) {
					List<Reading> combination = new ArrayList<>(prefix);
					combination.add(option);
					next.add(combination);
				}
			}
			result = next;
		}
		return result;
	}

	private static boolean holds(ImportedReport imported, ImportedReport.Table table, List<Damaged> damaged,
			List<Reading> combination, List<List<BigDecimal>> values, Set<String> rules) {
		Map<Row, List<ImportedReport.Cell>> rows = new java.util.LinkedHashMap<>(table.rows);
		for (int i = 0; i < damaged.size(); i++) {
			rows.put(damaged.get(i).row(), combination.get(i).cells());
		}
		ReportValues evaluated = ReportValues.detached(model(imported, table, rows));
		Set<Row> damagedRows = damaged.stream().map(Damaged::row).collect(Collectors.toSet());
		boolean holds = true;
		Set<String> involved = new HashSet<>();
		for (RuleOutcome outcome : evaluated.ruleOutcomes()) {
			if (outcome.rule().getTable() == table.type && involves(outcome, damagedRows)) {
				involved.add(outcome.rule().getCode());
				holds &= outcome.holds();
			}
		}
		if (holds) {
			rules.addAll(involved);
			for (Damaged d : damaged) {
				values.add(TableLayout.leafColumns(TableLayout.block(d.row())).stream()
						.map(c -> evaluated.table(table.type).value(d.row(), c)).toList());
			}
		}
		return holds;
	}

	private static boolean involves(RuleOutcome outcome, Set<Row> damaged) {
		if (outcome.slice().row() != null) {
			return damaged.contains(outcome.slice().row());
		}
		List<Term> terms = new ArrayList<>(outcome.equation().getLeft().getTerms());
		terms.addAll(outcome.equation().getRight().getTerms());
		return terms.stream().anyMatch(t -> t.getOperand() instanceof Row row && damaged.stream().anyMatch(d -> within(d, row)));
	}

	private static boolean within(Row row, Row group) {
		for (EObject e = row; e instanceof Row; e = e.eContainer()) {
			if (e == group) {
				return true;
			}
		}
		return false;
	}

	/** The table as a report in memory, so that the language's own evaluator weighs it. */
	static Report model(ImportedReport imported, ImportedReport.Table table, Map<Row, List<ImportedReport.Cell>> rows) {
		ReportFactory factory = ReportFactory.eINSTANCE;
		Report report = factory.createReport();
		report.setType(imported.type);
		Part part = factory.createPart();
		part.setType(table.type.getPart());
		report.getParts().add(part);
		TableData data = factory.createTableData();
		data.setTable(table.type);
		part.getContents().add(data);
		rows.forEach((row, cells) -> {
			RowData line = factory.createRowData();
			line.setRow(row);
			for (ImportedReport.Cell cell : cells) {
				CellValue value = factory.createCellValue();
				if (cell.auto()) {
					value.setAuto(true);
				} else {
					value.setNegative(cell.value().signum() < 0);
					value.setNumber(cell.value().abs());
				}
				line.getValues().add(value);
			}
			data.getRows().add(line);
		});
		return report;
	}

	static String text(List<ImportedReport.Cell> cells) {
		return cells.stream().map(RowReadings::text).collect(Collectors.joining(" "));
	}

	/** A cell as the report file writes it. */
	static String text(ImportedReport.Cell cell) {
		return cell.auto() ? "自动" : cell.value().toPlainString();
	}
}
