package report.dsl.validation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.validation.Check;

import com.google.inject.Inject;

import report.dsl.evaluation.Numbers;
import report.dsl.evaluation.ReportEvaluator;
import report.dsl.evaluation.ReportValues;
import report.dsl.evaluation.ShownNumber;
import report.dsl.model.TableLayout;
import report.dsl.report.Binding;
import report.dsl.report.Column;
import report.dsl.report.Figure;
import report.dsl.report.Report;
import report.dsl.report.ReportPackage.Literals;
import report.dsl.report.Row;
import report.dsl.report.TableType;
import report.dsl.report.Text;
import report.dsl.report.ValueRef;

/** Rules 6 and 10: what the narrative says agrees with the tables, figures and last year's report. */
public class NarrativeValidator extends ConcernValidator {

	/** A count or amount in running text: digits followed by a measure word, not an ordinal (第3) or a date. */
	private static final Pattern LITERAL_NUMBER = Pattern
			.compile("(?<![第\\d.])(\\d+(?:\\.\\d+)?)(?=\\s*(?:件|条|次|个|篇|场|名|人|项|家|万|元|%|％))");

	private static final int MAX_SUGGESTIONS = 3;

	@Inject
	private ReportEvaluator evaluator;

	@Check
	public void checkBindings(Text text) {
		Report report = EcoreUtil2.getContainerOfType(text, Report.class);
		if (report == null || damaged(text)) {
			return;
		}
		for (ShownNumber shown : evaluator.shown(text, report)) {
			Binding binding = shown.binding();
			if (hasUnresolvedReference(binding) || ShownNumber.decimalsProblem(binding).isPresent()) {
				continue; // reported by the linker, or by checkDecimals
			}
			if (!shown.ok()) {
				error(shown.problem(), binding, Literals.BINDING__VALUE, IssueCodes.UNRESOLVED_BINDING);
			} else if (binding.getStated() != null) {
				BigDecimal stated = binding.isStatedNegative() ? binding.getStated().negate() : binding.getStated();
				if (stated.compareTo(shown.number()) != 0) {
					error("文中写作 " + Numbers.plain(stated) + "，但" + shown.description() + "为 " + shown.text(), binding,
							Literals.BINDING__STATED, IssueCodes.STATED_MISMATCH, shown.text());
				}
			}
		}
	}

	@Check
	public void checkDecimals(Binding binding) {
		ShownNumber.decimalsProblem(binding).ifPresent(problem -> error(problem, binding,
				binding.eIsSet(Literals.BINDING__DECIMALS) ? Literals.BINDING__DECIMALS : Literals.BINDING__STATED,
				IssueCodes.DECIMALS_RANGE, String.valueOf(ShownNumber.MAX_DECIMALS)));
	}

	private static boolean hasUnresolvedReference(Binding binding) {
		return EcoreUtil2.eAllOfType(binding, ValueRef.class).stream().anyMatch(ref -> ref.getTarget() == null
				|| ref.getTarget().eIsProxy() || ref.getColumn() != null && ref.getColumn().eIsProxy());
	}

	/** Shares of one whole whose parts make up the whole must add up to 100%. */
	@Check
	public void checkShareSums(Text text) {
		Report report = EcoreUtil2.getContainerOfType(text, Report.class);
		if (report == null || damaged(text)) {
			return;
		}
		ReportValues values = evaluator.values(report);
		Map<BigDecimal, List<ShownNumber>> byWhole = new LinkedHashMap<>();
		for (ShownNumber shown : evaluator.shown(text, report)) {
			if (shown.ok() && shown.binding().getShare() != null) {
				byWhole.computeIfAbsent(values.resolve(shown.binding().getShare()).value(), w -> new ArrayList<>()).add(shown);
			}
		}
		byWhole.forEach((whole, shares) -> {
			BigDecimal parts = shares.stream().map(s -> values.resolve(s.binding()).value())
					.reduce(BigDecimal.ZERO, BigDecimal::add);
			BigDecimal percent = shares.stream().map(ShownNumber::number).reduce(BigDecimal.ZERO, BigDecimal::add);
			if (shares.size() > 1 && parts.compareTo(whole) == 0 && percent.compareTo(BigDecimal.valueOf(100)) != 0) {
				warning("这组占比之和为 " + Numbers.plain(percent) + "%，不是 100%；各项改用「最大余数」舍入可使其合计为 100%",
						shares.get(0).binding(), Literals.BINDING__ROUNDING, IssueCodes.SHARE_SUM);
			}
		});
	}

	/** A number typed into the text that equals a value the report holds should be bound to it instead. */
	@Check
	public void checkLiteralNumbers(Text text) {
		Report report = EcoreUtil2.getContainerOfType(text, Report.class);
		if (report == null || damaged(text)) {
			return;
		}
		List<INode> nodes = new ArrayList<>(NodeModelUtils.findNodesForFeature(text, Literals.TEXT__LITERAL));
		nodes.addAll(NodeModelUtils.findNodesForFeature(text, Literals.TEXT__FRAGMENTS));
		Map<BigDecimal, List<String>> known = null;
		for (INode node : nodes) {
			Matcher matcher = LITERAL_NUMBER.matcher(node.getText());
			while (matcher.find()) {
				if (known == null) {
					known = knownValues(report);
				}
				List<String> references = known.getOrDefault(new BigDecimal(matcher.group(1)).stripTrailingZeros(), List.of());
				if (!references.isEmpty()) {
					List<String> offered = references.subList(0, Math.min(MAX_SUGGESTIONS, references.size()));
					getMessageAcceptor().acceptWarning("数字 " + matcher.group(1) + " 等于 "
							+ offered.stream().map(r -> "[" + r + "]").collect(Collectors.joining("、"))
							+ " 的值：请改写为绑定，让文字随数据更新", text, node.getOffset() + matcher.start(1),
							matcher.group(1).length(), IssueCodes.LITERAL_NUMBER, offered.toArray(String[]::new));
				}
			}
		}
	}

	/** Every non-zero cell and figure of the report, by value: the references that name it, cells first. */
	private Map<BigDecimal, List<String>> knownValues(Report report) {
		Map<BigDecimal, List<String>> known = new LinkedHashMap<>();
		if (report.getType() != null && !report.getType().eIsProxy()) {
			ReportValues values = evaluator.values(report);
			for (TableType table : report.getType().getTables()) {
				for (Row row : TableLayout.allRows(table)) {
					if (row.isHeading()) {
						continue;
					}
					var block = TableLayout.block(row);
					var fallback = TableLayout.defaultColumn(block);
					List<Column> columns = fallback.map(List::of).orElseGet(() -> TableLayout.leafColumns(block));
					for (Column column : columns) {
						BigDecimal value = values.table(table).value(row, column);
						if (value.signum() != 0) {
							known.computeIfAbsent(value.stripTrailingZeros(), v -> new ArrayList<>()).add(table.getName() + "."
									+ TableLayout.keyText(row) + (fallback.isPresent() ? "" : ":" + TableLayout.shortKey(column)));
						}
					}
				}
			}
		}
		for (Figure figure : EcoreUtil2.eAllOfType(report, Figure.class)) {
			if (figure.getValue() != null && figure.getValue().signum() != 0) {
				known.computeIfAbsent(figure.getValue().stripTrailingZeros(), v -> new ArrayList<>()).add(figure.getName());
			}
		}
		return known;
	}
}
