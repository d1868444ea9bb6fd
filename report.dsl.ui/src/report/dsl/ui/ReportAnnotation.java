package report.dsl.ui;

import org.eclipse.jface.text.source.Annotation;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.Issue;

/** A checker issue shown in the editor (squiggle and overview ruler), with its issue code and data. */
public class ReportAnnotation extends Annotation {

	public static final String ERROR = "org.eclipse.ui.workbench.texteditor.error";
	public static final String WARNING = "org.eclipse.ui.workbench.texteditor.warning";
	public static final String INFO = "org.eclipse.ui.workbench.texteditor.info";

	private final String code;
	private final String[] data;
	private final int offset;
	private final int length;

	public ReportAnnotation(Issue issue) {
		super(issue.getSeverity() == Severity.ERROR ? ERROR : issue.getSeverity() == Severity.WARNING ? WARNING : INFO, false,
				issue.getMessage());
		this.code = issue.getCode();
		this.data = issue.getData() == null ? new String[0] : issue.getData().clone();
		this.offset = issue.getOffset() == null ? 0 : issue.getOffset();
		this.length = issue.getLength() == null ? 0 : issue.getLength();
	}

	public String getCode() {
		return code;
	}

	public String[] getData() {
		return data.clone();
	}

	public int getOffset() {
		return offset;
	}

	public int getLength() {
		return length;
	}

	public boolean isError() {
		return ERROR.equals(getType());
	}
}
