package report.dsl.validation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.IResourceDescriptions;
import org.eclipse.xtext.resource.impl.ResourceDescriptionsProvider;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.validation.Check;

import com.google.inject.Inject;

import report.dsl.evaluation.ReportEvaluator;
import report.dsl.evaluation.ReportValues;
import report.dsl.model.ReportMetadata;
import report.dsl.model.TableLayout;
import report.dsl.report.Axis;
import report.dsl.report.Block;
import report.dsl.report.Column;
import report.dsl.report.Figure;
import report.dsl.report.LooseToken;
import report.dsl.report.Part;
import report.dsl.report.PartType;
import report.dsl.report.Deadline;
import report.dsl.report.Report;
import report.dsl.report.ReportFile;
import report.dsl.report.ReportType;
import report.dsl.report.Row;
import report.dsl.report.ReportPackage.Literals;
import report.dsl.report.TableData;
import report.dsl.report.TableType;

/** Rule 7 and the shape of a report: its parts, tables, dates and last year's report. */
public class StructureValidator extends ConcernValidator {

	@Inject
	private ResourceDescriptionsProvider resourceDescriptions;

	@Inject
	private IQualifiedNameProvider names;

	@Inject
	private ReportEvaluator evaluator;

	private static final int FIRST_YEAR = 1000;
	private static final int LAST_YEAR = 9999;

	private static final Pattern HEADING_NUMBER = Pattern.compile("^\\s*([一二三四五六七八九十]+|[0-9０-９]+)\\s*[、.．]");

	/** A stray line before the first report: one error, where it starts. */
	@Check
	public void checkTextBeforeReports(ReportFile file) {
		if (!file.getLoose().isEmpty()) {
			LooseToken first = file.getLoose().get(0);
			error("多余的「" + first.getText() + "」：报告文件中只能有报告（「报告 名称 遵循 报告类型 { … }」）和报告类型，"
					+ "此处的文字不属于其中任何一个", first, Literals.LOOSE_TOKEN__TEXT, IssueCodes.TEXT_OUTSIDE_REPORT);
		}
	}

	/** Two parts, tables, rows or columns of one name in one place: references and outputs could take either. */
	@Check
	public void checkDuplicateMembers(ReportType type) {
		duplicates(type.getParts(), PartType::getName, "部分", "报告类型" + type.getName(), Literals.PART_TYPE__NAME);
		duplicates(type.getTables(), TableType::getName, "表", "报告类型" + type.getName(), Literals.TABLE_TYPE__NAME);
		for (TableType table : type.getTables()) {
			for (Block block : table.getBlocks()) {
				duplicateAxes(block.getRows(), "行", "表" + table.getName());
				duplicateAxes(block.getColumns(), "列", "表" + table.getName());
			}
		}
	}

	private void duplicateAxes(List<? extends Axis> axes, String kind, String where) {
		duplicates(axes, TableLayout::keyText, kind, where, Literals.NAMED__NAME);
		for (Axis axis : axes) {
			duplicateAxes(axis instanceof Row row ? row.getChildren() : ((Column) axis).getChildren(), kind, where);
		}
	}

	private <T extends EObject> void duplicates(List<T> members, Function<T, String> name, String kind, String where,
			EAttribute feature) {
		Set<String> seen = new HashSet<>();
		for (T member : members) {
			String key = name.apply(member);
			if (key != null && !key.isEmpty() && !seen.add(key)) {
				error(kind + "「" + key + "」在" + where + "中重复定义", member, feature, IssueCodes.DUPLICATE_MEMBER);
			}
		}
	}

	@Check
	public void checkRequiredMetadata(Report report) {
		if (damaged(report)) {
			return;
		}
		List<String> missing = ReportMetadata.REQUIRED.stream()
				.filter(keyword -> !report.eIsSet(ReportMetadata.feature(keyword).orElseThrow())).toList();
		if (!missing.isEmpty()) {
			error("缺少" + missing.stream().map(k -> "「" + k + "」").collect(Collectors.joining()) + "：每份报告都要写明"
					+ String.join("、", ReportMetadata.REQUIRED), report, Literals.REPORT__NAME, IssueCodes.MISSING_METADATA,
					missing.toArray(String[]::new));
		}
	}

	@Check
	public void checkRequiredParts(Report report) {
		if (!hasType(report) || damaged(report)) {
			return;
		}
		Set<PartType> present = new HashSet<>();
		report.getParts().forEach(p -> present.add(p.getType()));
		for (PartType part : report.getType().getParts()) {
			if (part.isRequired() && !present.contains(part)) {
				error("缺少必需的部分「" + part.getHeading() + "」", report, Literals.REPORT__NAME,
						IssueCodes.MISSING_PART, part.getName(), String.valueOf(insertionOffset(report, part)));
			}
		}
	}

	/** Where a missing part belongs in the text: before the first later part, else before the report's closing brace. */
	private static int insertionOffset(Report report, PartType missing) {
		List<PartType> order = report.getType().getParts();
		for (Part part : report.getParts()) {
			if (order.indexOf(part.getType()) > order.indexOf(missing)) {
				return NodeModelUtils.getNode(part).getOffset();
			}
		}
		ILeafNode closing = null;
		for (ILeafNode leaf : NodeModelUtils.getNode(report).getLeafNodes()) {
			if (!leaf.isHidden()) {
				closing = leaf;
			}
		}
		return closing == null ? 0 : closing.getOffset();
	}

	@Check
	public void checkPartOrder(Report report) {
		if (!hasType(report)) {
			return;
		}
		List<PartType> order = report.getType().getParts();
		int last = -1;
		for (Part part : report.getParts()) {
			int index = order.indexOf(part.getType());
			if (index < 0) {
				continue;
			}
			if (index < last) {
				error("部分「" + part.getType().getHeading() + "」应排在「" + order.get(last).getHeading() + "」之前",
						part, Literals.PART__TYPE, IssueCodes.PART_ORDER);
			}
			last = Math.max(last, index);
		}
	}

	@Check
	public void checkDuplicateParts(Report report) {
		Set<PartType> seen = new HashSet<>();
		for (Part part : report.getParts()) {
			if (part.getType() != null && !part.getType().eIsProxy() && !seen.add(part.getType())) {
				error("部分「" + part.getType().getHeading() + "」重复出现", part, Literals.PART__TYPE, IssueCodes.DUPLICATE_PART);
			}
		}
	}

	/** A heading written by the author keeps the format's numbering: seed 004 printed "5、" for "五、". */
	@Check
	public void checkHeadingNumber(Part part) {
		if (part.getHeading() == null || part.getType() == null || part.getType().eIsProxy()) {
			return;
		}
		Matcher expected = HEADING_NUMBER.matcher(part.getType().getHeading());
		Matcher actual = HEADING_NUMBER.matcher(part.getHeading());
		if (expected.find() && (!actual.find() || !actual.group(1).equals(expected.group(1)))) {
			warning("标题编号应为「" + expected.group(1) + "、」，与报告格式一致", part, Literals.PART__HEADING,
					IssueCodes.HEADING_NUMBER, expected.group(1) + "、");
		}
	}

	@Check
	public void checkTables(Report report) {
		if (!hasType(report)) {
			return;
		}
		Map<TableType, TableData> given = new HashMap<>();
		for (TableData data : evaluator.contents(report).tables()) {
			TableType table = data.getTable();
			if (table == null || table.eIsProxy()) {
				continue;
			}
			if (given.putIfAbsent(table, data) != null) {
				error("表" + table.getName() + "重复出现", data, Literals.TABLE_DATA__TABLE, IssueCodes.DUPLICATE_TABLE);
			}
			Part part = EcoreUtil2.getContainerOfType(data, Part.class);
			if (table.getPart() != null && part != null && part.getType() != table.getPart()) {
				warning("表" + table.getName() + "应放在部分「" + table.getPart().getHeading() + "」中", data,
						Literals.TABLE_DATA__TABLE, IssueCodes.TABLE_PLACEMENT);
			}
		}
		for (TableType table : report.getType().getTables()) {
			if (given.containsKey(table) || damaged(report)) {
				continue;
			}
			Part home = report.getParts().stream().filter(p -> p.getType() == table.getPart()).findFirst().orElse(null);
			String message = "缺少表" + table.getName() + "「" + table.getCaption() + "」";
			if (home != null) {
				error(message, home, Literals.PART__TYPE, IssueCodes.MISSING_TABLE, table.getName());
			} else {
				error(message, report, Literals.REPORT__NAME, IssueCodes.MISSING_TABLE, table.getName());
			}
		}
	}

	@Check
	public void checkYear(Report report) {
		// a year too long for a number at all is reported by the parser
		boolean converted = NodeModelUtils.findNodesForFeature(report, Literals.REPORT__YEAR).stream()
				.anyMatch(node -> NodeModelUtils.getTokenText(node).equals(String.valueOf(report.getYear())));
		if (converted && !isCalendarYear(report.getYear())) {
			error("年度应为四位数的年份，不能是" + report.getYear(), report, Literals.REPORT__YEAR, IssueCodes.YEAR_RANGE);
		}
	}

	private static boolean isCalendarYear(int year) {
		return year >= FIRST_YEAR && year <= LAST_YEAR;
	}

	@Check
	public void checkDates(Report report) {
		if (!isCalendarYear(report.getYear())) {
			return; // the year is reported alone: dates cannot be compared with it
		}
		LocalDate start = date(report, Literals.REPORT__PERIOD_START, report.getPeriodStart());
		LocalDate end = date(report, Literals.REPORT__PERIOD_END, report.getPeriodEnd());
		LocalDate issued = date(report, Literals.REPORT__ISSUED, report.getIssued());
		int year = report.getYear();
		// the period is judged against the year only when the year is given (its absence is reported on its own)
		boolean yearGiven = report.eIsSet(Literals.REPORT__YEAR);
		if (yearGiven && start != null && !start.equals(LocalDate.of(year, 1, 1))) {
			error("统计期限应从" + year + "年1月1日开始，与报告年度一致", report, Literals.REPORT__PERIOD_START,
					IssueCodes.PERIOD_YEAR, year + "-01-01");
		}
		if (yearGiven && end != null && !end.equals(LocalDate.of(year, 12, 31))) {
			error("统计期限应到" + year + "年12月31日截止，与报告年度一致", report, Literals.REPORT__PERIOD_END,
					IssueCodes.PERIOD_YEAR, year + "-12-31");
		}
		if (issued != null && end != null && !issued.isAfter(end)) {
			error("发布日期" + issued + "不在统计期限结束（" + end + "）之后", report, Literals.REPORT__ISSUED,
					IssueCodes.ISSUE_DATE);
		}
	}

	/** A report issued after the deadline its type declares is late: a fact worth a warning, not an error of the numbers. */
	@Check
	public void checkLateIssue(Report report) {
		if (report.getType() == null || report.getType().eIsProxy() || report.getIssued() == null || !isCalendarYear(report.getYear())) {
			return;
		}
		Optional<LocalDate> due = ReportMetadata.dueDate(report.getType().getDeadline(), report.getYear());
		try {
			LocalDate issued = LocalDate.parse(report.getIssued());
			if (due.isPresent() && issued.isAfter(due.get())) {
				warning("发布日期" + issued + "晚于发布期限" + due.get() + "（报告类型" + report.getType().getName() + "规定" + report.getYear()
						+ "年度报告的发布截止日期）", report, Literals.REPORT__ISSUED, IssueCodes.LATE_ISSUE);
			}
		} catch (DateTimeParseException e) {
			// a date that does not exist is reported by checkDates
		}
	}

	/** A deadline names a day of the year: 发布期限 次年 01-31. */
	@Check
	public void checkDeadline(Deadline deadline) {
		if (deadline.getMonthDay() != null && ReportMetadata.dueDate(deadline, 2000).isEmpty()) {
			error("发布期限「" + deadline.getMonthDay() + "」不是一年中的日期：请写作月-日，如「01-31」", deadline,
					Literals.DEADLINE__MONTH_DAY, IssueCodes.INVALID_DATE);
		}
	}

	private LocalDate date(Report report, EAttribute feature, String text) {
		if (text == null) {
			return null;
		}
		try {
			return LocalDate.parse(text);
		} catch (DateTimeParseException e) {
			error("日期「" + text + "」不存在", report, feature, IssueCodes.INVALID_DATE);
			return null;
		}
	}

	@Check
	public void checkPreviousReport(Report report) {
		Report previous = report.getPrevious();
		if (previous == null || previous.eIsProxy() || !previous.eIsSet(Literals.REPORT__YEAR)
				|| !report.eIsSet(Literals.REPORT__YEAR)) {
			return;
		}
		Optional<List<Report>> cycle = ReportValues.previousCycle(report);
		if (cycle.isPresent()) {
			error("上年报告不能指回本报告：" + report.getName() + " → "
					+ cycle.get().stream().map(Report::getName).collect(Collectors.joining(" → ")), report,
					Literals.REPORT__PREVIOUS, IssueCodes.PREVIOUS_CYCLE);
		} else if (previous.getYear() != report.getYear() - 1) {
			warning("上年报告「" + previous.getName() + "」是" + previous.getYear() + "年度的，不是" + (report.getYear() - 1)
					+ "年度", report, Literals.REPORT__PREVIOUS, IssueCodes.PREVIOUS_REPORT);
		} else if (previous.getBody() != null && !previous.getBody().equals(report.getBody())) {
			warning("上年报告的发布机关是「" + previous.getBody() + "」，与本报告不同", report, Literals.REPORT__PREVIOUS,
					IssueCodes.PREVIOUS_REPORT);
		}
	}

	/**
	 * Reports and report types are found by name across all files checked together (上年报告, 遵循): two of one
	 * name would be picked by load order, and their outputs would overwrite each other.
	 */
	@Check
	public void checkUniqueName(ReportFile file) {
		List<EObject> named = new ArrayList<>(file.getReports());
		named.addAll(file.getTypes());
		IResourceDescriptions index = resourceDescriptions.getResourceDescriptions(file.eResource());
		URI self = EcoreUtil2.getPlatformResourceOrNormalizedURI(file).trimFragment();
		for (EObject element : named) {
			QualifiedName name = names.getFullyQualifiedName(element);
			if (name == null) {
				continue;
			}
			URI uri = EcoreUtil2.getPlatformResourceOrNormalizedURI(element);
			for (IEObjectDescription other : index.getExportedObjects(element.eClass(), name, false)) {
				if (!other.getEObjectURI().equals(uri)) {
					String where = other.getEObjectURI().trimFragment().equals(self) ? "本文件中"
							: URI.decode(other.getEObjectURI().trimFragment().lastSegment()) + "中";
					error((element instanceof Report ? "报告" : "报告类型") + "名「" + name + "」重复：" + where + "另有同名的一个",
							element, element instanceof Report ? Literals.REPORT__NAME : Literals.REPORT_TYPE__NAME,
							IssueCodes.DUPLICATE_NAME);
					break;
				}
			}
		}
	}

	@Check
	public void checkDuplicateFigures(Report report) {
		Set<String> seen = new HashSet<>();
		for (Figure figure : evaluator.contents(report).figures()) {
			if (figure.getName() != null && !seen.add(figure.getName())) {
				error("数值「" + figure.getName() + "」重复声明", figure, Literals.NAMED__NAME, IssueCodes.DUPLICATE_FIGURE);
			}
		}
	}

	private static boolean hasType(Report report) {
		return report.getType() != null && !report.getType().eIsProxy();
	}
}
