package report.dsl.importer;

/** A published file that cannot be imported (damaged, password-protected, a scan without text): the reason, in one sentence. */
public class UnreadableDocumentException extends Exception {

	private static final long serialVersionUID = 1L;

	public UnreadableDocumentException(String reason) {
		super(reason);
	}
}
