package report.dsl.batch;

import java.util.Optional;

import org.eclipse.xtext.formatting2.FormatterRequest;
import org.eclipse.xtext.formatting2.IFormatter2;
import org.eclipse.xtext.formatting2.regionaccess.ITextRegionAccess;
import org.eclipse.xtext.formatting2.regionaccess.TextRegionAccessBuilder;
import org.eclipse.xtext.resource.XtextResource;

import report.dsl.resource.ReportResource;
import report.dsl.resource.SourceText;

import com.google.inject.Inject;
import com.google.inject.Provider;

/** The language's formatter applied to a whole file, as `report format` and the editors' format command do. */
public class ReportFormatting {

	@Inject
	private Provider<TextRegionAccessBuilder> regionAccess;

	@Inject
	private Provider<FormatterRequest> requests;

	@Inject
	private IFormatter2 formatter;

	/**
	 * The formatted text with the file's own line ends (and byte-order mark), or nothing when the file has syntax
	 * errors or is not UTF-8 (formatting would guess at its structure, or write back what it could not read).
	 */
	public Optional<String> format(XtextResource resource) {
		if (!resource.getErrors().isEmpty() || resource.getParseResult() == null) {
			return Optional.empty();
		}
		if (resource.getContents().isEmpty()) {
			return Optional.of(resource.getParseResult().getRootNode().getText()); // only comments: nothing to lay out
		}
		ITextRegionAccess access = regionAccess.get().forNodeModel(resource).create();
		FormatterRequest request = requests.get().setTextRegionAccess(access);
		return Optional.of(source(resource).restore(access.getRewriter().renderToString(formatter.format(request))));
	}

	/** The text as loaded, which a formatted text replaces. */
	public static SourceText source(XtextResource resource) {
		return ((ReportResource) resource).source();
	}
}
