package report.dsl.ui;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTError;
import org.eclipse.swt.browser.Browser;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.xtext.resource.XtextResource;

import report.dsl.generator.OutputFormat;
import report.dsl.generator.ReportPublisher;
import report.dsl.report.ReportFile;

/**
 * The published report beside the editor, refreshed on edits: the HTML output in a browser, or, where no browser
 * engine is available (e.g. no WebKitGTK), the Markdown output as text.
 */
public class ReportPreviewView extends ViewPart {

	public static final String ID = "report.dsl.ui.preview";

	private Browser browser;
	private StyledText text;
	private IDocument document;
	private String content = "";
	private boolean rendered;

	private final IDocumentListener listener = new CoalescingDocumentListener(500, this::refresh);

	private final IPartListener2 parts = new IPartListener2() {
		@Override
		public void partActivated(IWorkbenchPartReference ref) {
			IWorkbenchPart part = ref.getPart(false);
			if (part instanceof IEditorPart editor) {
				show(editor);
			}
		}
	};

	@Override
	public void createPartControl(Composite parent) {
		try {
			browser = new Browser(parent, SWT.NONE);
			browser.addProgressListener(org.eclipse.swt.browser.ProgressListener.completedAdapter(e -> rendered = true));
		} catch (SWTError | RuntimeException e) {
			browser = null;
			text = new StyledText(parent, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL);
		}
		getSite().getPage().addPartListener(parts);
		show(getSite().getPage().getActiveEditor());
	}

	/** Whether the preview uses a browser (HTML) or its text fallback (Markdown). */
	public boolean usesBrowser() {
		return browser != null;
	}

	/** What the preview shows: the HTML given to the browser or the text of the fallback. */
	public String getContent() {
		return content;
	}

	/** Whether the last content has been rendered (the browser finished loading it). */
	public boolean isRendered() {
		return rendered;
	}

	/** Scrolls the preview to the first occurrence of a text. */
	public void reveal(String what) {
		if (browser != null) {
			StringBuilder js = new StringBuilder("'");
			for (char c : what.toCharArray()) {
				js.append(Character.isLetterOrDigit(c) ? String.valueOf(c) : String.format("\\u%04x", (int) c));
			}
			browser.execute("window.find(" + js + "')");
		} else {
			int at = text.getText().indexOf(what);
			if (at >= 0) {
				text.setTopIndex(Math.max(0, text.getLineAtOffset(at) - 3));
				text.setSelection(at, at + what.length());
			}
		}
	}

	public void show(IEditorPart editor) {
		IDocument next = null;
		if (editor instanceof ITextEditor textEditor && textEditor.getDocumentProvider() != null) {
			next = textEditor.getDocumentProvider().getDocument(textEditor.getEditorInput());
			if (ReportUi.fileOf(next) != null && !ReportUi.EXTENSION.equals(ReportUi.fileOf(next).getFileExtension())) {
				next = null;
			}
		}
		if (next == null) {
			return;
		}
		if (document != null) {
			document.removeDocumentListener(listener);
		}
		document = next;
		document.addDocumentListener(listener);
		refresh();
	}

	/** Renders the current document now. */
	public void refresh() {
		Control control = browser != null ? browser : text;
		if (document == null || control == null || control.isDisposed()) {
			return;
		}
		String rendered;
		try {
			XtextResource resource = ReportUi.parse(document);
			if (resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof ReportFile file)
					|| file.getReports().isEmpty()) {
				rendered = null;
			} else {
				ReportPublisher publisher = ReportUi.injector().getInstance(ReportPublisher.class);
				rendered = publisher.render(file.getReports().get(0), browser != null ? OutputFormat.HTML : OutputFormat.MARKDOWN);
			}
		} catch (RuntimeException e) {
			rendered = "（预览失败：" + e + "）";
		}
		if (rendered == null) {
			rendered = browser != null ? "<p>（没有报告）</p>" : "（没有报告）";
		}
		content = rendered;
		if (browser != null) {
			this.rendered = false;
			browser.setText(rendered);
		} else {
			text.setText(rendered);
			this.rendered = true;
		}
	}

	@Override
	public void setFocus() {
		(browser != null ? (Control) browser : text).setFocus();
	}

	@Override
	public void dispose() {
		getSite().getPage().removePartListener(parts);
		if (document != null) {
			document.removeDocumentListener(listener);
		}
		super.dispose();
	}
}
