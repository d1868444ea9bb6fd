package report.dsl.batch;

import java.util.Optional;

import org.eclipse.xtext.formatting2.FormatterRequest;
import org.eclipse.xtext.formatting2.IFormatter2;
import org.eclipse.xtext.formatting2.regionaccess.ITextRegionAccess;
import org.eclipse.xtext.formatting2.regionaccess.TextRegionAccessBuilder;
import org.eclipse.xtext.resource.XtextResource;

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

	/** The formatted text, or nothing when the file has syntax errors (formatting would guess at its structure). */
	public Optional<String> format(XtextResource resource) {
		if (!resource.getErrors().isEmpty() || resource.getParseResult() == null) {
			return Optional.empty();
		}
		if (resource.getContents().isEmpty()) {
			return Optional.of(resource.getParseResult().getRootNode().getText()); // only comments: nothing to lay out
		}
		ITextRegionAccess access = regionAccess.get().forNodeModel(resource).create();
		FormatterRequest request = requests.get().setTextRegionAccess(access);
		return Optional.of(access.getRewriter().renderToString(formatter.format(request)));
	}
}
