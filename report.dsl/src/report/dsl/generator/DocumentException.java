package report.dsl.generator;

/**
 * A document output that cannot be written for a reason the user can remedy (no CJK font found, an unreadable font
 * file): the message is one Chinese sentence, which the command line prints as {@code error: …}.
 */
public class DocumentException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public DocumentException(String message) {
		super(message);
	}

	public DocumentException(String message, Throwable cause) {
		super(message, cause);
	}
}
