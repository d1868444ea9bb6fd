package report.dsl.validation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.util.IResourceScopeCache;
import org.eclipse.xtext.util.Tuples;
import org.eclipse.xtext.validation.Check;

import com.google.inject.Inject;

import report.dsl.evaluation.Numbers;
import report.dsl.evaluation.ReportEvaluator;
import report.dsl.evaluation.ReportValues;
import report.dsl.evaluation.ReportValues.Resolved;
import report.dsl.evaluation.Shares;
import report.dsl.evaluation.ShownNumber;
import report.dsl.model.PhraseWordings;
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
			.compile("(?<![第\\d.])(\\d+(?:\\.\\d+)?)(?=\\s*(件|条|次|个|篇|场|名|人|项|家|万|元|%|％))");

	/** Measure words of things counted: a number counted in one (2次) does not restate a value counted in another (件). */
	private static final Set<String> COUNTING_WORDS = Set.of("件", "条", "次", "个", "篇", "场", "名", "人", "项", "家");

	/** A value of the report, the reference that names it and the unit it is counted in (null when none is declared). */
	private record Known(String reference, String unit) {
		boolean countedIn(String measure) {
			return unit == null || !COUNTING_WORDS.contains(unit) || !COUNTING_WORDS.contains(measure) || unit.equals(measure);
		}
	}

	private static final int MAX_SUGGESTIONS = 3;

	@Inject
	private ReportEvaluator evaluator;

	@Inject
	private IResourceScopeCache cache;

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
		for (Iterator<EObject> contents = binding.eAllContents(); contents.hasNext();) {
			if (contents.next() instanceof ValueRef ref && (ref.getTarget() == null || ref.getTarget().eIsProxy()
					|| ref.getColumn() != null && ref.getColumn().eIsProxy())) {
				return true;
			}
		}
		return false;
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

	/** The words of a change's direction and the word of the opposite direction, as narratives pair them. */
	private static final Map<String, String> OPPOSITE_DIRECTION = Map.of("增长", "下降", "增加", "减少", "上升", "下降", "提高", "降低",
			"下降", "增长", "减少", "增加", "降低", "提高", "下滑", "增长", "回落", "上升");

	/** A direction word right before a binding: 同比下降[…较…]. */
	private static final Pattern DIRECTION_WORD = Pattern.compile("(增长|增加|上升|提高|下降|减少|降低|下滑|回落)[\\s了]*\\[$");

	/** The word typed before a change (较) says the direction the values take: 下降 when this year's is smaller. */
	@Check
	public void checkChangeDirection(Text text) {
		Report report = EcoreUtil2.getContainerOfType(text, Report.class);
		if (report == null || damaged(text)) {
			return;
		}
		List<INode> fragments = NodeModelUtils.findNodesForFeature(text, Literals.TEXT__FRAGMENTS);
		for (int i = 0; i < text.getBindings().size() && i < fragments.size(); i++) {
			Binding binding = text.getBindings().get(i);
			Matcher word = DIRECTION_WORD.matcher(fragments.get(i).getText());
			if (binding.getBase() == null || hasUnresolvedReference(binding) || !word.find()) {
				continue;
			}
			ReportValues values = evaluator.values(report);
			Resolved value = values.resolve(binding);
			Resolved base = values.resolve(binding.getBase());
			if (!value.ok() || !base.ok()) {
				continue; // reported by checkBindings
			}
			int direction = value.value().compareTo(base.value());
			boolean saysDown = word.group(1).matches("下降|减少|降低|下滑|回落");
			if (direction != 0 && (direction < 0) != saysDown) {
				String right = OPPOSITE_DIRECTION.get(word.group(1));
				getMessageAcceptor().acceptError("文中写作「" + word.group(1) + "」，但" + value.description() + "（"
						+ Numbers.plain(value.value()) + "）" + (direction < 0 ? "小于" : "大于") + base.description() + "（"
						+ Numbers.plain(base.value()) + "），应为「" + right + "」", text, fragments.get(i).getOffset() + word.start(1),
						word.group(1).length(), IssueCodes.CHANGE_DIRECTION, right);
			}
		}
	}

	/**
	 * A number typed into the text that equals a value the report holds should be bound to it instead; one typed in a
	 * wording the report type declares (短语) restates that phrase's cell, and must agree with it.
	 */
	@Check
	public void checkLiteralNumbers(Text text) {
		Report report = EcoreUtil2.getContainerOfType(text, Report.class);
		if (report == null || damaged(text)) {
			return;
		}
		List<INode> nodes = new ArrayList<>(NodeModelUtils.findNodesForFeature(text, Literals.TEXT__LITERAL));
		nodes.addAll(NodeModelUtils.findNodesForFeature(text, Literals.TEXT__FRAGMENTS));
		Map<BigDecimal, List<Known>> known = null;
		for (INode node : nodes) {
			String written = node.getText();
			List<PhraseWordings.Found> phrased = null;
			for (MatchResult number : literalNumbers(written)) {
				if (known == null) {
					known = cache.get(Tuples.create(Known.class, report), report.eResource(), () -> knownValues(report));
				}
				if (phrased == null) {
					phrased = phrased(report, written);
				}
				BigDecimal typed = new BigDecimal(number.group(1));
				int start = number.start(1);
				Optional<PhraseWordings.Found> phrase = phrased.stream().filter(f -> f.start() == start).findFirst();
				Optional<Resolved> restated = phrase.map(f -> restated(report, f));
				String measure = number.group(2);
				PhraseWordings wordings = wordings(report);
				// a number in no declared wording does not restate a value whose wordings the type declares (seed 000's
				// "部门文件2件" is no result of Table B); in some wording, it may equal other values too
				List<String> references = new ArrayList<>(known.getOrDefault(typed.stripTrailingZeros(), List.<Known>of()).stream()
						.filter(k -> k.countedIn(measure)).map(Known::reference)
						.filter(r -> phrase.isPresent() || wordings == null || !wordings.declaresWordingsFor(r)).toList());
				if (restated.isPresent() && restated.get().ok()) {
					String binding = phrase.get().binding();
					if (!agrees(typed, restated.get().value(), phrase.get().phrase().getShare() != null)) {
						getMessageAcceptor().acceptError("文中写作 " + number.group(1) + "，但这句话说的是" + restated.get().description()
								+ "，为 " + Numbers.plain(restated.get().value().stripTrailingZeros()) + "：请改写为绑定 [" + binding + "]", text,
								node.getOffset() + start, number.group(1).length(), IssueCodes.PHRASE_MISMATCH, binding);
						continue;
					}
					references.remove(binding);
					references.add(0, binding);
				}
				if (!references.isEmpty()) {
					List<String> offered = references.subList(0, Math.min(MAX_SUGGESTIONS, references.size()));
					getMessageAcceptor().acceptWarning("数字 " + number.group(1) + " 等于 "
							+ offered.stream().map(r -> "[" + r + "]").collect(Collectors.joining("、"))
							+ " 的值：请改写为绑定，让文字随数据更新", text, node.getOffset() + start,
							number.group(1).length(), IssueCodes.LITERAL_NUMBER, offered.toArray(String[]::new));
				}
			}
		}
	}

	/**
	 * The literal numbers of a text, as {@code LITERAL_NUMBER.matcher(text).find()} finds them one after the other; tried
	 * only where a run of digits starts, where alone one can begin, rather than at every character of the narrative.
	 */
	private static List<MatchResult> literalNumbers(String text) {
		List<MatchResult> found = new ArrayList<>();
		Matcher matcher = LITERAL_NUMBER.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
		for (int at = 0; at < text.length(); at++) {
			if (isDigit(text.charAt(at)) && (at == 0 || !isDigit(text.charAt(at - 1)))
					&& matcher.region(at, text.length()).lookingAt()) {
				found.add(matcher.toMatchResult());
				at = matcher.end() - 1;
			}
		}
		return found;
	}

	/** A digit as the pattern reads one: {@code \d} is ASCII only. */
	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	private List<PhraseWordings.Found> phrased(Report report, String text) {
		PhraseWordings wordings = wordings(report);
		return wordings == null ? List.of() : wordings.find(text);
	}

	private PhraseWordings wordings(Report report) {
		return report.getType() == null || report.getType().eIsProxy() ? null : evaluator.phrases(report.getType());
	}

	/** The value the phrase restates: its cell, a sum of cells, or a share of a whole in percent (unrounded). */
	private Resolved restated(Report report, PhraseWordings.Found found) {
		ReportValues values = evaluator.values(report);
		Resolved total = values.resolveSum(found.phrase().getValue(), found.phrase().getAdded());
		if (found.phrase().getShare() == null || !total.ok()) {
			return total;
		}
		Resolved whole = values.resolve(found.phrase().getShare());
		if (!whole.ok() || whole.value().signum() == 0) {
			return Resolved.problem("没有可计算占比的整体");
		}
		return Resolved.of(Shares.percent(total.value(), whole.value()), total.description() + "占" + whole.description() + "的百分比");
	}

	/** A typed share agrees when it is its percentage rounded down or up to the typed decimals (so any rounding). */
	private static boolean agrees(BigDecimal typed, BigDecimal value, boolean share) {
		if (!share) {
			return typed.compareTo(value) == 0;
		}
		int decimals = Math.max(typed.scale(), 0);
		return typed.compareTo(value.setScale(decimals, RoundingMode.FLOOR)) == 0
				|| typed.compareTo(value.setScale(decimals, RoundingMode.CEILING)) == 0;
	}

	/**
	 * Every non-zero cell and figure of the report, by value: the references that name it, cells first. Made once per
	 * state of the file for all its paragraphs.
	 */
	private Map<BigDecimal, List<Known>> knownValues(Report report) {
		Map<BigDecimal, List<Known>> known = new LinkedHashMap<>();
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
							known.computeIfAbsent(value.stripTrailingZeros(), v -> new ArrayList<>()).add(new Known(table.getName() + "."
									+ TableLayout.keyText(row) + (fallback.isPresent() ? "" : ":" + TableLayout.shortKey(column)),
									column.getUnit() != null ? column.getUnit() : table.getUnit()));
						}
					}
				}
			}
		}
		for (Figure figure : evaluator.contents(report).figures()) {
			if (figure.getValue() != null && figure.getValue().signum() != 0) {
				known.computeIfAbsent(figure.getValue().stripTrailingZeros(), v -> new ArrayList<>())
						.add(new Known(figure.getName(), figure.getUnit()));
			}
		}
		return known;
	}
}
