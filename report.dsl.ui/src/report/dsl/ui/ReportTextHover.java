package report.dsl.ui;

import java.util.stream.Collectors;

import org.eclipse.jface.text.DefaultInformationControl;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IInformationControlCreator;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextHoverExtension;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.lsp4j.Hover;
import org.eclipse.ui.editors.text.EditorsUI;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.hover.IHoverService;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * Hover on cells, bindings and figures: the language's hover service, in-process, its markdown rendered in the
 * platform's hover control.
 */
public class ReportTextHover implements ITextHover, ITextHoverExtension {

	@Override
	public IInformationControlCreator getHoverControlCreator() {
		return parent -> new DefaultInformationControl(parent, EditorsUI.getTooltipAffordanceString(), new MarkdownHoverPresenter());
	}

	@Override
	public String getHoverInfo(ITextViewer viewer, IRegion region) {
		return hover(viewer.getDocument(), region.getOffset());
	}

	@Override
	public IRegion getHoverRegion(ITextViewer viewer, int offset) {
		return new Region(offset, 0);
	}

	/** The hover text at an offset of a report document, or null. */
	public static String hover(IDocument document, int offset) {
		String text = document.get();
		XtextResource resource = ReportUi.parse(text, ReportUi.fileOf(document));
		Document ide = new Document(1, text);
		HoverParams params = new HoverParams(new TextDocumentIdentifier(resource.getURI().toString()), ide.getPosition(offset));
		Hover hover = ReportUi.injector().getInstance(IHoverService.class).hover(ide, resource, params, CancelIndicator.NullImpl);
		if (hover == null || hover.getContents() == null) {
			return null;
		}
		String value;
		if (hover.getContents().isRight()) {
			value = hover.getContents().getRight().getValue();
		} else {
			value = hover.getContents().getLeft().stream()
					.map(e -> e.isLeft() ? e.getLeft() : e.getRight().getValue())
					.collect(Collectors.joining("\n\n"));
		}
		return value == null || value.isBlank() ? null : value;
	}
}
