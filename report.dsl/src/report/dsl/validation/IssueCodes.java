package report.dsl.validation;

/**
 * The stable codes of the checker's built-in diagnostics. Balance rules declared in a report type
 * report under their own code (B1, C4, ...). Each code is listed in the README's rules catalogue.
 */
public final class IssueCodes {

	private IssueCodes() {
	}

	private static final String PREFIX = "report.";

	// reading the file
	public static final String ENCODING = PREFIX + "encoding";
	public static final String INPUT_FORM = PREFIX + "input-form";
	public static final String UNCLOSED = PREFIX + "unclosed";

	// structure (rule 7)
	public static final String MISSING_PART = PREFIX + "missing-part";
	public static final String PART_ORDER = PREFIX + "part-order";
	public static final String DUPLICATE_PART = PREFIX + "duplicate-part";
	public static final String HEADING_NUMBER = PREFIX + "heading-number";
	public static final String MISSING_TABLE = PREFIX + "missing-table";
	public static final String DUPLICATE_TABLE = PREFIX + "duplicate-table";
	public static final String TABLE_PLACEMENT = PREFIX + "table-placement";
	public static final String YEAR_RANGE = PREFIX + "year-range";
	public static final String INVALID_DATE = PREFIX + "invalid-date";
	public static final String PERIOD_YEAR = PREFIX + "period-year";
	public static final String ISSUE_DATE = PREFIX + "issue-date";
	public static final String LATE_ISSUE = PREFIX + "late-issue";
	public static final String PREVIOUS_REPORT = PREFIX + "previous-report";
	public static final String PREVIOUS_CYCLE = PREFIX + "previous-cycle";
	public static final String DUPLICATE_FIGURE = PREFIX + "duplicate-figure";
	public static final String MISSING_METADATA = PREFIX + "missing-metadata";

	// values (rule 5)
	public static final String NEGATIVE_VALUE = PREFIX + "negative-value";
	public static final String FRACTION_IN_COUNT = PREFIX + "fraction-in-count";
	public static final String ROW_ARITY = PREFIX + "row-arity";
	public static final String DUPLICATE_ROW = PREFIX + "duplicate-row";
	public static final String HEADING_ROW_VALUES = PREFIX + "heading-row-values";
	public static final String AUTO_NOT_COMPUTABLE = PREFIX + "auto-not-computable";
	public static final String MISSING_ROW = PREFIX + "missing-row";
	public static final String STRAY_IN_ROW = PREFIX + "stray-in-row";

	// any file
	public static final String NESTING_DEPTH = PREFIX + "nesting-depth";
	public static final String TEXT_OUTSIDE_REPORT = PREFIX + "text-outside-report";

	// report types
	public static final String CYCLIC_TOTAL = PREFIX + "cyclic-total";
	public static final String DUPLICATE_NAME = PREFIX + "duplicate-name";
	public static final String DUPLICATE_MEMBER = PREFIX + "duplicate-member";
	public static final String RULE_TERM = PREFIX + "rule-term";

	// summary reports: the sum of their parts (rule 11)
	public static final String AGGREGATE_MISMATCH = PREFIX + "aggregate-mismatch";
	public static final String SUMMARY_PART = PREFIX + "summary-part";
	public static final String SUMMARY_FOLDER = PREFIX + "summary-folder";

	// narrative (rules 6 and 10)
	public static final String UNRESOLVED_BINDING = PREFIX + "unresolved-binding";
	public static final String STATED_MISMATCH = PREFIX + "stated-mismatch";
	public static final String DECIMALS_RANGE = PREFIX + "decimals-range";
	public static final String SHARE_SUM = PREFIX + "share-sum";
	public static final String LITERAL_NUMBER = PREFIX + "literal-number";
	public static final String PHRASE_MISMATCH = PREFIX + "phrase-mismatch";
	public static final String CHANGE_DIRECTION = PREFIX + "change-direction";
	public static final String BRACKETED_TEXT = PREFIX + "bracketed-text";
}
