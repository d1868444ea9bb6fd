package report.dsl.validation;

import org.eclipse.xtext.validation.ComposedChecks;

/** The checker: one validator per concern, each with one @Check per rule of the rules catalogue. */
@ComposedChecks(validators = { StructureValidator.class, TableValidator.class, BalanceValidator.class,
		NarrativeValidator.class,
		SummaryValidator.class })
public class ReportValidator extends AbstractReportValidator {
}
