package report.dsl.evaluation;

import java.util.List;

import org.eclipse.xtext.util.IResourceScopeCache;
import org.eclipse.xtext.util.Tuples;

import com.google.inject.Inject;
import com.google.inject.Singleton;

import report.dsl.model.PhraseWordings;
import report.dsl.model.ReportContents;
import report.dsl.scoping.SummaryParts;
import report.dsl.report.Report;
import report.dsl.report.ReportType;
import report.dsl.report.Text;

/**
 * Computes a report's numbers once per state of its file: the validator, the generators and the
 * editor services all ask here, and an edit to the file forgets the old numbers.
 */
@Singleton
public class ReportEvaluator {

	@Inject
	private IResourceScopeCache cache;

	@Inject
	private SummaryParts summaryParts;

	public ReportValues values(Report report) {
		return cache.get(Tuples.create(ReportValues.class, report), report.eResource(),
				() -> new ReportValues(report, this));
	}

	/** The tables a report gives and the figures it states: linking and evaluation both read them. */
	public ReportContents contents(Report report) {
		return cache.get(Tuples.create(ReportContents.class, report), report.eResource(), () -> ReportContents.of(report));
	}

	/** The reports a summary report names as its parts (汇总), whether or not they may be added up. */
	public SummaryParts.Found summaryParts(Report summary) {
		return summaryParts.of(summary);
	}

	/** The totals that the rules of a report type define, once per state of the file that declares it. */
	public TotalDefinitions totals(ReportType type) {
		return cache.get(Tuples.create(TotalDefinitions.class, type), type.eResource(), () -> new TotalDefinitions(type));
	}

	/** How each equation of a report type's rules is evaluated, once per state of the file that declares it. */
	public List<RuleOutcome.Plan> plans(ReportType type) {
		return cache.get(Tuples.create(RuleOutcome.Plan.class, type), type.eResource(), () -> RuleOutcome.plans(type));
	}

	/** The wordings of a report type's phrases, compiled once per state of the file that declares it. */
	public PhraseWordings phrases(ReportType type) {
		return cache.get(Tuples.create(PhraseWordings.class, type), type.eResource(), () -> new PhraseWordings(type));
	}

	/** The numbers a paragraph shows in place of its bindings, in order. */
	public List<ShownNumber> shown(Text text, Report report) {
		return cache.get(Tuples.create(ShownNumber.class, text), text.eResource(),
				() -> ShownNumber.of(text, values(report)));
	}
}
