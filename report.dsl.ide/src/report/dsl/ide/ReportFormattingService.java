package report.dsl.ide;

import java.util.List;

import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentRangeFormattingParams;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.formatting.FormattingService;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * Formatting in the editors leaves a document with syntax errors as it is, as {@code report format} does
 * ({@code ReportFormatting}): the formatter would guess at its structure, and Xtext's fails on what it cannot place;
 * an empty document has nothing to format.
 */
public class ReportFormattingService extends FormattingService {

	@Override
	public List<? extends TextEdit> format(Document document, XtextResource resource, DocumentFormattingParams params,
			CancelIndicator cancelIndicator) {
		return formattable(resource) ? super.format(document, resource, params, cancelIndicator) : List.of();
	}

	@Override
	public List<? extends TextEdit> format(Document document, XtextResource resource, DocumentRangeFormattingParams params,
			CancelIndicator cancelIndicator) {
		return formattable(resource) ? super.format(document, resource, params, cancelIndicator) : List.of();
	}

	private static boolean formattable(XtextResource resource) {
		return resource.getErrors().isEmpty() && !resource.getContents().isEmpty();
	}
}
