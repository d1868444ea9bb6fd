package report.dsl.generator;

import java.nio.file.Path;
import java.util.Optional;

import report.dsl.report.Report;

/**
 * A published output written as bytes by a module that brings its own document library (DOCX, PDF, XLSX), so that the
 * language bundle stays free of them. Implementations are found with {@link java.util.ServiceLoader} and get their
 * {@code @Inject} members from the language's injector.
 */
public interface DocumentOutput {

	/** The name {@code --format} accepts, which is also the file extension, e.g. {@code docx}. */
	String extension();

	/**
	 * The document for an evaluated report without errors; the same report always gives the same bytes.
	 *
	 * @param font a font file the user named with {@code --font}; outputs that embed no font ignore it
	 */
	byte[] render(Report report, Optional<Path> font);
}
