package report.dsl.generator;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

import com.google.inject.Inject;
import com.google.inject.Injector;
import com.google.inject.name.Named;

import report.dsl.report.Report;

/**
 * The generators by output format: what the command line, the Maven plugin and the editors' preview call. The text
 * formats are the language's own; the document formats (DOCX, XLSX, PDF) are those of the {@link DocumentOutput}s on
 * the class path.
 */
public class ReportPublisher {

	@Inject
	private HtmlReportGenerator html;

	@Inject
	private MarkdownReportGenerator markdown;

	@Inject
	private JsonReportGenerator json;

	@Inject
	private Injector injector;

	/**
	 * Names the class loader the document outputs are found on, for an OSGi bundle that embeds them (the language
	 * bundle's own class loader does not see the jars of the bundles that use it).
	 */
	public static final String DOCUMENT_OUTPUTS = "report.dsl.documentOutputs";

	@Inject(optional = true)
	@Named(DOCUMENT_OUTPUTS)
	private ClassLoader outputs = DocumentOutput.class.getClassLoader();

	private List<DocumentOutput> documents;

	public String render(Report report, OutputFormat format) {
		return switch (format) {
			case HTML -> html.generate(report);
			case MARKDOWN -> markdown.generate(report);
			case JSON -> json.generate(report);
		};
	}

	/** Every name {@code --format} accepts: md, html, json, then the document outputs on the class path by name. */
	public List<String> extensions() {
		List<String> extensions = new ArrayList<>();
		for (OutputFormat format : OutputFormat.values()) {
			extensions.add(format.extension());
		}
		documents().forEach(document -> extensions.add(document.extension()));
		return extensions;
	}

	/**
	 * The file of one format, as bytes (the text formats in UTF-8).
	 *
	 * @throws IllegalArgumentException for a name not among {@link #extensions()}
	 * @throws DocumentException when a document output cannot be written for a reason the user can remedy
	 */
	public byte[] render(Report report, String extension, Optional<Path> font) {
		Optional<OutputFormat> text = OutputFormat.byExtension(extension);
		if (text.equals(Optional.of(OutputFormat.JSON))) {
			return json.utf8(report); // the largest of the files, encoded as it is written
		}
		if (text.isPresent()) {
			return render(report, text.get()).getBytes(StandardCharsets.UTF_8);
		}
		return documents().stream().filter(d -> d.extension().equals(extension)).findFirst()
				.orElseThrow(() -> new IllegalArgumentException("no output for " + extension)).render(report, font);
	}

	private synchronized List<DocumentOutput> documents() {
		if (documents == null) {
			List<DocumentOutput> found = new ArrayList<>();
			for (DocumentOutput document : ServiceLoader.load(DocumentOutput.class, outputs)) {
				injector.injectMembers(document);
				found.add(document);
			}
			found.sort(Comparator.comparing(DocumentOutput::extension));
			documents = List.copyOf(found);
		}
		return documents;
	}
}
