package report.dsl.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.BadPositionCategoryException;
import org.eclipse.jface.text.DefaultPositionUpdater;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IPositionUpdater;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextPresentationListener;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.ITextViewerExtension4;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.TextPresentation;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.graphics.Color;
import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

import report.dsl.ide.ReportSemanticHighlighting;

/**
 * Semantic colouring of a report editor: the language's highlighting calculator says what each name resolves to, and
 * this merges a colour per kind over the lexical colouring. The ranges live as document positions, so they move with
 * the text while the next check is still pending.
 */
public final class SemanticHighlighter implements ITextPresentationListener {

	/** A highlighted range: a document position that remembers its style. */
	static final class Highlight extends Position {

		final StyleRange style;

		Highlight(int offset, int length, StyleRange style) {
			super(offset, length);
			this.style = style;
		}
	}

	private static final String CATEGORY = "report.dsl.ui.semantic";

	private static final Map<String, StyleRange> STYLES = Map.of(
			ReportSemanticHighlighting.FIGURE, style(0, 0, 192, SWT.NORMAL),
			ReportSemanticHighlighting.ROW, style(0, 110, 110, SWT.NORMAL),
			ReportSemanticHighlighting.COLUMN, style(128, 64, 0, SWT.ITALIC),
			ReportSemanticHighlighting.TABLE, style(0, 120, 0, SWT.BOLD),
			ReportSemanticHighlighting.PART, style(120, 40, 150, SWT.NORMAL),
			ReportSemanticHighlighting.REPORT_TYPE, style(38, 110, 160, SWT.BOLD),
			ReportSemanticHighlighting.REPORT, style(90, 90, 90, SWT.ITALIC),
			ReportSemanticHighlighting.RULE, style(170, 40, 40, SWT.BOLD));

	private final ITextViewer viewer;
	private final IPositionUpdater updater = new DefaultPositionUpdater(CATEGORY);
	private IDocument document;
	private List<Highlight> highlights = List.of();

	SemanticHighlighter(ITextViewer viewer) {
		this.viewer = viewer;
		((ITextViewerExtension4) viewer).addTextPresentationListener(this);
	}

	private static StyleRange style(int red, int green, int blue, int fontStyle) {
		StyleRange style = new StyleRange();
		style.foreground = new Color(red, green, blue);
		style.fontStyle = fontStyle;
		return style;
	}

	/** The style the editor gives a kind of name (for the tests: what the reader sees). */
	public static StyleRange styleOf(String kind) {
		return STYLES.get(kind);
	}

	/** The highlighted ranges of a parsed report, worked out on the checking thread. */
	static List<Highlight> compute(XtextResource resource) {
		List<Highlight> found = new ArrayList<>();
		ReportUi.injector().getInstance(ISemanticHighlightingCalculator.class).provideHighlightingFor(resource,
				(offset, length, ids) -> {
					StyleRange style = ids.length == 0 ? null : STYLES.get(ids[0]);
					if (style != null && length > 0) {
						found.add(new Highlight(offset, length, style));
					}
				}, CancelIndicator.NullImpl);
		found.sort(Comparator.comparingInt(Position::getOffset)); // text presentations merge ranges in text order
		return found;
	}

	/** Shows the ranges worked out for a text, unless the document has changed since (the next check brings new ones). */
	void show(String text, List<Highlight> computed) {
		var display = viewer.getTextWidget() == null || viewer.getTextWidget().isDisposed() ? null : viewer.getTextWidget().getDisplay();
		if (display == null) {
			return;
		}
		display.asyncExec(() -> {
			IDocument current = viewer.getDocument();
			if (current == null || viewer.getTextWidget().isDisposed() || !text.equals(current.get())) {
				return;
			}
			attach(current);
			try {
				for (Highlight old : highlights) {
					current.removePosition(CATEGORY, old);
				}
				for (Highlight highlight : computed) {
					current.addPosition(CATEGORY, highlight);
				}
			} catch (BadLocationException | BadPositionCategoryException e) {
				return; // the document was replaced under us: the next check starts over
			}
			highlights = computed;
			viewer.invalidateTextPresentation();
		});
	}

	private void attach(IDocument current) {
		if (current == document) {
			return;
		}
		detach();
		document = current;
		document.addPositionCategory(CATEGORY);
		document.addPositionUpdater(updater);
		highlights = List.of();
	}

	private void detach() {
		if (document != null) {
			document.removePositionUpdater(updater);
			try {
				document.removePositionCategory(CATEGORY);
			} catch (BadPositionCategoryException e) {
				// never added: nothing to remove
			}
			document = null;
		}
	}

	void dispose() {
		((ITextViewerExtension4) viewer).removeTextPresentationListener(this);
		detach();
		highlights = List.of();
	}

	@Override
	public void applyTextPresentation(TextPresentation presentation) {
		IRegion extent = presentation.getExtent();
		int start = extent.getOffset();
		int end = start + extent.getLength();
		List<StyleRange> ranges = new ArrayList<>();
		for (Highlight highlight : highlights) {
			if (highlight.isDeleted() || highlight.getOffset() + highlight.getLength() <= start || highlight.getOffset() >= end) {
				continue;
			}
			StyleRange range = (StyleRange) highlight.style.clone();
			range.start = Math.max(start, highlight.getOffset());
			range.length = Math.min(end, highlight.getOffset() + highlight.getLength()) - range.start;
			ranges.add(range);
		}
		if (!ranges.isEmpty()) {
			presentation.mergeStyleRanges(ranges.toArray(StyleRange[]::new));
		}
	}
}
