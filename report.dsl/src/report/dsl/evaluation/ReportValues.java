package report.dsl.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.emf.ecore.EObject;

import report.dsl.model.ReportContents;
import report.dsl.model.ReportMetadata;
import report.dsl.model.TableLayout;
import report.dsl.report.Binding;
import report.dsl.report.Column;
import report.dsl.report.DeclaredFigure;
import report.dsl.report.Figure;
import report.dsl.report.Report;
import report.dsl.report.ReportType;
import report.dsl.report.Row;
import report.dsl.report.TableData;
import report.dsl.report.TableType;
import report.dsl.report.ValueRef;

/** The numbers of one report: its tables with computed totals, its figures, and last year's report. */
public final class ReportValues {

	/** A resolved reference: the number and how to name it in a message, or why it has none. */
	public record Resolved(BigDecimal value, String description, String problem) {
		public static Resolved of(BigDecimal value, String description) {
			return new Resolved(value, description, null);
		}

		public static Resolved problem(String problem) {
			return new Resolved(null, null, problem);
		}

		public boolean ok() {
			return problem == null;
		}
	}

	private final Report report;
	private final ReportEvaluator evaluator;
	private final TotalDefinitions totals;
	private final Map<TableType, TableValues> tables = new HashMap<>();
	private final ReportContents contents;
	private final Map<String, Figure> figuresByName = new HashMap<>();

	ReportValues(Report report, ReportEvaluator evaluator) {
		this.report = report;
		this.evaluator = evaluator;
		ReportType type = report.getType();
		// a detached report has no evaluator to share its type's totals with: it makes its own
		this.totals = type == null || type.eIsProxy() ? null : evaluator == null ? new TotalDefinitions(type) : evaluator.totals(type);
		contents = evaluator == null ? ReportContents.of(report) : evaluator.contents(report);
		for (TableData data : contents.tables()) {
			if (data.getTable() != null && !data.getTable().eIsProxy()) {
				tables.putIfAbsent(data.getTable(), new TableValues(data.getTable(), data, totals,
						data.isSummed() ? this::partsSum : null));
			}
		}
		for (Figure figure : contents.figures()) {
			if (figure.getName() != null) {
				figuresByName.putIfAbsent(figure.getName(), figure);
			}
		}
	}

	/** The tables the report gives and the figures it states, in the order of the file. */
	public ReportContents contents() {
		return contents;
	}

	/**
	 * The numbers of a report built in memory rather than read from a file, without last year's report: the
	 * importer weighs its readings of a damaged row by the rules they satisfy.
	 */
	public static ReportValues detached(Report report) {
		return new ReportValues(report, null);
	}

	private List<RuleOutcome> outcomes;

	public Report report() {
		return report;
	}

	/** Every equation of the report type's rules evaluated on this report, in the order of the rules. */
	public List<RuleOutcome> ruleOutcomes() {
		if (outcomes == null) {
			outcomes = totals == null ? List.of()
					: RuleOutcome.evaluate(this, evaluator == null ? RuleOutcome.plans(report.getType()) : evaluator.plans(report.getType()));
		}
		return outcomes;
	}

	public TotalDefinitions totals() {
		return totals;
	}

	/** The table's values; a table the report leaves out counts as all zeros (its absence is reported elsewhere). */
	public TableValues table(TableType table) {
		return tables.computeIfAbsent(table, t -> new TableValues(t, null, totals, null));
	}

	private List<ReportValues> parts;

	/**
	 * The values of the parts this summary report adds up (汇总): those of its year and type; a part that would add
	 * the summary into itself is left out (each such part is reported).
	 */
	public List<ReportValues> parts() {
		if (parts == null) {
			parts = evaluator == null || report.getSummary() == null ? List.of()
					: evaluator.summaryParts(report).reports().stream().filter(part -> partProblem(part).isEmpty())
							.map(evaluator::values).toList();
		}
		return parts;
	}

	/** Why a report cannot be a part of this summary: another type or year, or a summary that includes this one. */
	public Optional<String> partProblem(Report part) {
		if (part == report) {
			return Optional.of("汇总报告不能包含它自己");
		}
		if (part.getType() != report.getType()) {
			return Optional.of("报告「" + part.getName() + "」遵循" + (part.getType() == null || part.getType().eIsProxy() ? "其他报告类型"
					: part.getType().getName()) + "，与汇总报告的" + report.getType().getName() + "不同");
		}
		if (part.getYear() != report.getYear()) {
			return Optional.of("报告「" + part.getName() + "」是" + part.getYear() + "年度的，不是" + report.getYear() + "年度");
		}
		if (includes(part, report, new HashSet<>())) {
			return Optional.of("报告「" + part.getName() + "」本身汇总了本报告，不能再作为它的一部分");
		}
		return Optional.empty();
	}

	private boolean includes(Report summary, Report wanted, Set<Report> seen) {
		if (summary.getSummary() == null || !seen.add(summary)) {
			return false;
		}
		for (Report part : evaluator.summaryParts(summary).reports()) {
			if (part == wanted || includes(part, wanted, seen)) {
				return true;
			}
		}
		return false;
	}

	/** A cell's sum over the parts of this summary report. */
	public BigDecimal partsSum(Row row, Column column) {
		BigDecimal sum = BigDecimal.ZERO;
		for (ReportValues part : parts()) {
			sum = sum.add(part.table(TableLayout.table(row)).value(row, column));
		}
		return sum;
	}

	/** The parts' values of a cell that make its sum, as messages and hovers write them: 甲局（3） + 乙局（4）. */
	public String partsTerms(Row row, Column column) {
		return parts().stream().map(part -> ReportMetadata.issuer(part.report()) + "（"
				+ Numbers.plain(part.table(TableLayout.table(row)).value(row, column)) + "）").collect(Collectors.joining(" + "));
	}

	/** Last year's values; none when 上年报告 is not given, does not resolve or leads back to this report. */
	public Optional<ReportValues> previous() {
		Report previous = report.getPrevious();
		return previous == null || previous.eIsProxy() || previousCycle(report).isPresent() ? Optional.empty()
				: Optional.of(evaluator.values(previous));
	}

	/** The reports that 上年报告 leads through from a report back to itself (A → B → A), if it does. */
	public static Optional<List<Report>> previousCycle(Report report) {
		List<Report> chain = new ArrayList<>();
		Set<Report> seen = new HashSet<>();
		for (Report step = report.getPrevious(); step != null && !step.eIsProxy() && seen.add(step); step = step.getPrevious()) {
			chain.add(step);
			if (step == report) {
				return Optional.of(chain);
			}
		}
		return Optional.empty();
	}

	/** The value a binding shows before any share or change: its reference, plus any added to it. */
	public Resolved resolve(Binding binding) {
		return resolveSum(binding.getValue(), binding.getAdded());
	}

	/** A reference plus any added to it (of a binding, or of a report type's phrase). */
	public Resolved resolveSum(ValueRef value, List<ValueRef> addedRefs) {
		Resolved total = resolve(value);
		for (ValueRef added : addedRefs) {
			Resolved next = resolve(added);
			if (!total.ok() || !next.ok()) {
				return total.ok() ? next : total;
			}
			total = Resolved.of(total.value().add(next.value()), total.description() + "与" + next.description() + "之和");
		}
		return total;
	}

	public Resolved resolve(ValueRef ref) {
		return ref == null ? Resolved.problem("引用无法解析") : resolve(ref.getTarget(), ref.getColumn(), ref.isPreviousYear());
	}

	/**
	 * The value a binding or a rule's term names: a figure (a report's own, or one its type declares, by name), or a
	 * row in the column given or its block's default column; of last year's report for 上年.
	 */
	public Resolved resolve(EObject target, Column column, boolean previousYear) {
		return resolve(target, column, previousYear, true);
	}

	/**
	 * The same value without its description, which a rule reads for each row or column it checks, and whose text
	 * (a row's key, a column's short name) would be made for nothing.
	 */
	public Resolved resolveValue(EObject target, Column column, boolean previousYear) {
		return resolve(target, column, previousYear, false);
	}

	private Resolved resolve(EObject target, Column column, boolean previousYear, boolean described) {
		if (target == null || target.eIsProxy()) {
			return Resolved.problem("引用无法解析");
		}
		if (previousYear) {
			return previous().map(p -> p.resolveHere(target, column, "上年", described))
					.orElse(Resolved.problem("引用了上年数值，但本报告没有用「上年报告」指明上年度报告"));
		}
		return resolveHere(target, column, "", described);
	}

	private Resolved resolveHere(EObject target, Column givenColumn, String prefix, boolean described) {
		if (target instanceof DeclaredFigure declared) {
			return figure(declared.getName()).map(figure -> resolveHere(figure, null, prefix, described))
					.orElse(Resolved.problem(prefix + "报告没有填写数值「" + declared.getName() + "」"));
		}
		if (target instanceof Figure figure) {
			return Resolved.of(Numbers.signed(figure.getValue(), figure.isNegative()), prefix + figure.getName());
		}
		if (!(target instanceof Row row)) {
			return Resolved.problem("只能引用数值或表格的行");
		}
		if (row.isHeading()) {
			return Resolved.problem("「" + TableLayout.keyText(row) + "」是标题行，没有数值");
		}
		Optional<Column> column = column(givenColumn, row);
		if (column.isEmpty()) {
			return givenColumn != null ? Resolved.problem("列无法解析")
					: Resolved.problem("表" + TableLayout.table(row).getName() + "的「" + TableLayout.keyText(row)
							+ "」有多列，请用「:列名」指明引用哪一列");
		}
		TableType table = TableLayout.table(row);
		return Resolved.of(table(table).value(row, column.get()), described
				? prefix + "表" + table.getName() + " " + TableLayout.keyText(row) + "（" + TableLayout.shortKey(column.get()) + "）"
				: null);
	}

	/** The figure of this report that a report type's declared figure of that name stands for. */
	public Optional<Figure> figure(String name) {
		return Optional.ofNullable(name == null ? null : figuresByName.get(name));
	}

	/** The column a reference to a row reads: the one it names, or its block's default column. */
	private static Optional<Column> column(Column column, Row row) {
		if (column == null) {
			return TableLayout.defaultColumn(TableLayout.block(row));
		}
		return column.eIsProxy() ? Optional.empty() : Optional.of(column);
	}

	/**
	 * Where the number a reference shows is written: the figure, the cell as entered, or, for a total that the
	 * table computes, the row's line or else the table (of last year's report for 上年).
	 */
	public Optional<EObject> source(ValueRef ref) {
		if (ref == null || ref.getTarget() == null || ref.getTarget().eIsProxy()) {
			return Optional.empty();
		}
		if (ref.getTarget() instanceof Figure figure) {
			return Optional.of(figure);
		}
		Optional<ReportValues> values = ref.isPreviousYear() ? previous() : Optional.of(this);
		if (values.isEmpty() || !(ref.getTarget() instanceof Row row)) {
			return Optional.empty();
		}
		TableValues table = values.get().table(TableLayout.table(row));
		return column(ref.getColumn(), row).flatMap(column -> table.enteredCell(row, column)).<EObject>map(cell -> cell)
				.or(() -> table.line(row)).or(() -> Optional.ofNullable(table.data()));
	}
}
