package report.dsl.ide;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Imports a published report (text, web page, Markdown) into a report file, for the language server's
 * {@code report.import} command. The importer is not part of the editor services: the program that runs the
 * server provides it (the command line's jar registers one with {@link ServiceLoader}).
 */
public interface PublishedReportImport {

	/** The file written and the import's warnings, each as {@code line:column: message} of the source file. */
	record Result(Path written, List<String> warnings) {
	}

	/**
	 * Imports {@code source} into {@code folder}, never over a different existing file.
	 *
	 * @throws IllegalArgumentException with the reason, in one sentence, when the source cannot be imported
	 */
	Result importInto(Path source, Path folder) throws IOException;

	/** The importer the running program provides, if any. */
	static Optional<PublishedReportImport> provided() {
		return ServiceLoader.load(PublishedReportImport.class, PublishedReportImport.class.getClassLoader()).findFirst();
	}
}
