package report.dsl.batch;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.eclipse.emf.ecore.resource.Resource;

import com.google.inject.Inject;
import com.google.inject.Singleton;

import report.dsl.report.Report;
import report.dsl.scoping.ReportTypeLibrary;
import report.dsl.scoping.SummaryParts;

/**
 * The files a report's published numbers come from besides its own, the one place that decides whether a report is
 * withheld because one of them has errors (`report build` without --force, the Eclipse export).
 */
@Singleton
public class ReportDependencies {

	@Inject
	private SummaryParts summaryParts;

	/**
	 * The first file with errors among those the report's numbers come from: the file of its report type, last year's
	 * report (上年报告), the reports it adds up (汇总), and in turn what each of those depends on. The shipped types are
	 * always sound.
	 *
	 * @param hasErrors whether a loaded file has errors
	 */
	public Optional<Resource> erroneous(Report report, Predicate<Resource> hasErrors) {
		Set<Report> seen = new HashSet<>();
		Deque<Report> pending = new ArrayDeque<>();
		pending.add(report);
		while (!pending.isEmpty()) {
			Report step = pending.poll();
			if (step.eIsProxy() || !seen.add(step)) {
				continue;
			}
			if (step != report && step.eResource() != report.eResource() && hasErrors.test(step.eResource())) {
				return Optional.of(step.eResource());
			}
			if (step.getType() != null && !step.getType().eIsProxy() && !ReportTypeLibrary.declares(step.getType())
					&& step.getType().eResource() != report.eResource() && hasErrors.test(step.getType().eResource())) {
				return Optional.of(step.getType().eResource());
			}
			if (step.getPrevious() != null) {
				pending.add(step.getPrevious());
			}
			pending.addAll(summaryParts.of(step).reports());
		}
		return Optional.empty();
	}
}
