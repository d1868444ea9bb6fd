package report.dsl.scoping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.EObjectDescription;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.scoping.IGlobalScopeProvider;
import org.eclipse.xtext.scoping.IScope;
import org.eclipse.xtext.scoping.Scopes;
import org.eclipse.xtext.scoping.impl.MultimapBasedScope;
import org.eclipse.xtext.scoping.impl.SimpleScope;
import org.eclipse.xtext.util.IResourceScopeCache;
import org.eclipse.xtext.util.Tuples;

import com.google.inject.Inject;

import report.dsl.evaluation.ReportEvaluator;
import report.dsl.model.TableLayout;
import report.dsl.report.Additive;
import report.dsl.report.Block;
import report.dsl.report.Chart;
import report.dsl.report.Column;
import report.dsl.report.DeclaredFigure;
import report.dsl.report.Figure;
import report.dsl.report.PartType;
import report.dsl.report.Report;
import report.dsl.report.ReportFile;
import report.dsl.report.ReportPackage.Literals;
import report.dsl.report.ReportType;
import report.dsl.report.Row;
import report.dsl.report.RowData;
import report.dsl.report.Rule;
import report.dsl.report.RuleScope;
import report.dsl.report.TableData;
import report.dsl.report.TableType;
import report.dsl.report.Term;
import report.dsl.report.ValueRef;

/**
 * Names inside a report are relative to where they are written: a row of table B is 三.七 inside
 * 表 B { } and in B's rules, B.三.七 in narrative text; a column is named by its path in the table,
 * or by its own name where that is unique in its block.
 */
public class ReportScopeProvider extends AbstractReportScopeProvider {

	@Inject
	private IResourceScopeCache cache;

	@Inject
	private IGlobalScopeProvider globalScope;

	@Inject
	private IQualifiedNameProvider names;

	@Inject
	private ReportEvaluator evaluator;

	@Override
	public IScope getScope(EObject context, EReference reference) {
		if (reference == Literals.PART__TYPE) {
			return scopeFor(reportType(context) == null ? List.of() : reportType(context).getParts(),
					PartType::getName);
		}
		if (reference == Literals.TABLE_DATA__TABLE || reference == Literals.RULE__TABLE || reference == Literals.CHART__TABLE
				|| reference == Literals.ADDITIVE__TABLE) {
			return scopeFor(reportType(context) == null ? List.of() : reportType(context).getTables(),
					TableType::getName);
		}
		if (reference == Literals.TABLE_TYPE__PART) {
			return scopeFor(EcoreUtil2.getContainerOfType(context, ReportType.class).getParts(), PartType::getName);
		}
		if (reference == Literals.ROW_DATA__ROW) {
			TableData data = EcoreUtil2.getContainerOfType(context, TableData.class);
			return data == null || data.getTable() == null ? IScope.NULLSCOPE
					: rows(data.getTable());
		}
		if (reference == Literals.CHART__PARTS || reference == Literals.CHART__WHOLE) {
			Chart chart = EcoreUtil2.getContainerOfType(context, Chart.class);
			return chart == null || chart.getTable() == null || chart.getTable().eIsProxy() ? IScope.NULLSCOPE
					: rows(chart.getTable());
		}
		if (reference == Literals.TERM__OPERAND) {
			return ruleOperands(EcoreUtil2.getContainerOfType(context, Rule.class));
		}
		if (reference == Literals.TERM__COLUMN) {
			Term term = EcoreUtil2.getContainerOfType(context, Term.class);
			return term != null && term.getOperand() instanceof Row row ? columns(TableLayout.block(row)) : IScope.NULLSCOPE;
		}
		if (reference == Literals.ADDITIVE__AXES) {
			Additive additive = EcoreUtil2.getContainerOfType(context, Additive.class);
			return additive == null || additive.getTable() == null || additive.getTable().eIsProxy() ? IScope.NULLSCOPE
					: axes(additive.getTable());
		}
		if (reference == Literals.BLOCK__DEFAULT_COLUMN) {
			return columns(EcoreUtil2.getContainerOfType(context, Block.class));
		}
		if (reference == Literals.VALUE_REF__TARGET) {
			return valueTargets(EcoreUtil2.getContainerOfType(context, ValueRef.class), context);
		}
		if (reference == Literals.VALUE_REF__COLUMN) {
			ValueRef ref = EcoreUtil2.getContainerOfType(context, ValueRef.class);
			return ref != null && ref.getTarget() instanceof Row row ? columns(TableLayout.block(row)) : IScope.NULLSCOPE;
		}
		if (reference == Literals.REPORT__TYPE || reference == Literals.REPORT__PREVIOUS || reference == Literals.SUMMARY__PARTS) {
			return fileThenGlobal(context, reference);
		}
		return super.getScope(context, reference);
	}

	/**
	 * The report types (遵循) or reports (上年报告, 汇总) of the file by name, in front of those of other files: what
	 * Xtext's local scope finds for them (neither is inside anything named), without naming every element of the file
	 * to find them, which each report would pay for once.
	 */
	private IScope fileThenGlobal(EObject context, EReference reference) {
		IScope global = globalScope.getScope(context.eResource(), reference, null);
		ReportFile file = EcoreUtil2.getContainerOfType(context, ReportFile.class);
		if (file == null) {
			return global;
		}
		return Scopes.scopeFor(reference == Literals.REPORT__TYPE ? file.getTypes() : file.getReports(), names, global);
	}

	/**
	 * The rows (每列) or columns (每行) of the rule's table by key; then, for a value of its own, every table's rows as
	 * TABLE.ROW.PATH and the figures the report type declares.
	 */
	private IScope ruleOperands(Rule rule) {
		ReportType type = EcoreUtil2.getContainerOfType(rule, ReportType.class);
		if (rule == null || type == null) {
			return IScope.NULLSCOPE;
		}
		IScope fixed = MultimapBasedScope.createScope(qualifiedRows(type),
				namedDescriptions(type.getFigures(), DeclaredFigure::getName), false);
		if (rule.getTable() == null || rule.getTable().eIsProxy()) {
			return fixed;
		}
		if (rule.getScope() == RuleScope.EACH_COLUMN) {
			return MultimapBasedScope.createScope(fixed, rowDescriptions(rule.getTable()), false);
		}
		return MultimapBasedScope.createScope(fixed, tableColumnDescriptions(rule.getTable()), false);
	}

	private List<IEObjectDescription> tableColumnDescriptions(TableType table) {
		List<IEObjectDescription> all = new ArrayList<>();
		table.getBlocks().forEach(block -> all.addAll(columnDescriptions(block)));
		return all;
	}

	/** A table's columns, and its rows where no column has their key. */
	private IScope axes(TableType table) {
		return new SimpleScope(new SimpleScope(tableColumnDescriptions(table)), rows(table).getAllElements());
	}

	/** A block's columns, kept with the file that declares the block: every reference to a column asks. */
	private IScope columns(Block block) {
		return block == null ? IScope.NULLSCOPE
				: cache.get(Tuples.create(Column.class, block), block.eResource(),
						() -> MultimapBasedScope.createScope(IScope.NULLSCOPE, columnDescriptions(block), false));
	}

	/** Every column by its path, and by its own name too where no other column of the block has it. */
	private List<IEObjectDescription> columnDescriptions(Block block) {
		List<Column> columns = TableLayout.allColumns(block);
		Map<String, Integer> nameCount = new HashMap<>();
		columns.forEach(c -> nameCount.merge(c.getName(), 1, Integer::sum));
		List<IEObjectDescription> descriptions = new ArrayList<>();
		for (Column column : columns) {
			Optional<QualifiedName> path = TableLayout.key(column);
			path.ifPresent(key -> descriptions.add(EObjectDescription.create(key, column)));
			if (path.isPresent() && path.get().getSegmentCount() > 1 && nameCount.get(column.getName()) == 1) {
				descriptions.add(EObjectDescription.create(QualifiedName.create(column.getName()), column));
			}
		}
		return descriptions;
	}

	/**
	 * Figures of the report (of last year's report after 上年) and every row as TABLE.ROW.PATH. Both lists
	 * are kept with the file that declares them until it changes: a narrative asks for them once per binding.
	 */
	private IScope valueTargets(ValueRef ref, EObject context) {
		Report report = EcoreUtil2.getContainerOfType(context, Report.class);
		// a report's bindings name its figures and its type's rows; a report type's phrases name its own rows
		ReportType type = report != null ? report.getType() : EcoreUtil2.getContainerOfType(context, ReportType.class);
		if (type == null) {
			return IScope.NULLSCOPE;
		}
		IScope rows = type.eIsProxy() ? IScope.NULLSCOPE : qualifiedRows(type);
		Report figureSource = report == null ? null : ref != null && ref.isPreviousYear() ? report.getPrevious() : report;
		if (figureSource == null || figureSource.eIsProxy()) {
			return rows;
		}
		// a figure's name is one segment, a row's at least two (its table's and its key): the figures shadow no row
		return MultimapBasedScope.createScope(rows, cache.get(Tuples.create(Figure.class, figureSource), figureSource.eResource(), () -> {
			List<IEObjectDescription> figures = new ArrayList<>();
			addNamed(figures, evaluator.contents(figureSource).figures(), Figure::getName);
			return figures;
		}), false);
	}

	/** Every row of a report type as TABLE.ROW.PATH, kept with the file that declares it until it changes. */
	private IScope qualifiedRows(ReportType type) {
		return cache.get(Tuples.create(Row.class, type), type.eResource(), () -> {
			List<IEObjectDescription> rows = new ArrayList<>();
			for (TableType table : type.getTables()) {
				for (Row row : table.getName() == null ? List.<Row>of() : TableLayout.allRows(table)) {
					TableLayout.key(row).ifPresent(
							key -> rows.add(EObjectDescription.create(QualifiedName.create(table.getName()).append(key), row)));
				}
			}
			return MultimapBasedScope.createScope(IScope.NULLSCOPE, rows, false);
		});
	}

	private static ReportType reportType(EObject context) {
		ReportType own = EcoreUtil2.getContainerOfType(context, ReportType.class);
		if (own != null) {
			return own;
		}
		Report report = EcoreUtil2.getContainerOfType(context, Report.class);
		return report == null || report.getType() == null || report.getType().eIsProxy() ? null : report.getType();
	}

	private static <T extends EObject> IScope scopeFor(List<T> elements, Function<T, String> name) {
		return new SimpleScope(namedDescriptions(elements, name));
	}

	private static <T extends EObject> List<IEObjectDescription> namedDescriptions(List<T> elements, Function<T, String> name) {
		List<IEObjectDescription> descriptions = new ArrayList<>(elements.size());
		addNamed(descriptions, elements, name);
		return descriptions;
	}

	/**
	 * Elements by name. An element the parser recovered without its name (`数值 = 148 条`) cannot be referred
	 * to: it is left out, and its syntax error is the one message about it.
	 */
	private static <T extends EObject> void addNamed(List<IEObjectDescription> descriptions, List<T> elements,
			Function<T, String> name) {
		for (T element : elements) {
			String text = name.apply(element);
			if (text != null && !text.isEmpty()) {
				descriptions.add(EObjectDescription.create(QualifiedName.create(text), element));
			}
		}
	}

	/** A table's rows by key, kept with the file that declares the table: every row line and rule term asks. */
	private IScope rows(TableType table) {
		return cache.get(Tuples.create(IScope.class, table), table.eResource(),
				() -> MultimapBasedScope.createScope(IScope.NULLSCOPE, rowDescriptions(table), false));
	}

	private List<IEObjectDescription> rowDescriptions(TableType table) {
		return cache.get(Tuples.create(TableData.class, table), table.eResource(), () -> {
			List<IEObjectDescription> descriptions = new ArrayList<>();
			for (Row row : TableLayout.allRows(table)) {
				TableLayout.key(row).ifPresent(key -> descriptions.add(EObjectDescription.create(key, row)));
			}
			return descriptions;
		});
	}
}
