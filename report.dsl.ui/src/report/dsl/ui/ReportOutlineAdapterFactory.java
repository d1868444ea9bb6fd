package report.dsl.ui;

import java.util.Map;
import java.util.WeakHashMap;

import org.eclipse.core.runtime.IAdapterFactory;
import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;

/**
 * Gives the generic editor of a report file its Outline page: the generic editor answers
 * {@code getAdapter(IContentOutlinePage.class)} through the platform's adapter manager, where this factory is registered
 * (plugin.xml). One page per editor, until the Outline view disposes it.
 */
public class ReportOutlineAdapterFactory implements IAdapterFactory {

	private static final Map<ITextEditor, ReportOutlinePage> PAGES = new WeakHashMap<>();

	@Override
	public <T> T getAdapter(Object adaptable, Class<T> type) {
		if (type != IContentOutlinePage.class || !(adaptable instanceof ITextEditor editor) || !ReportUi.isReport(editor)) {
			return null;
		}
		synchronized (PAGES) {
			ReportOutlinePage page = PAGES.get(editor);
			if (page == null) {
				ReportOutlinePage created = new ReportOutlinePage(editor);
				created.onDispose(() -> {
					synchronized (PAGES) {
						PAGES.remove(editor, created);
					}
				});
				PAGES.put(editor, created);
				forgetOnClose(editor, created);
				page = created;
			}
			return type.cast(page);
		}
	}

	/** The page references its editor: drop it when the editor closes, even if no Outline view ever showed it. */
	private static void forgetOnClose(ITextEditor editor, ReportOutlinePage page) {
		if (editor.getSite() == null || editor.getSite().getPage() == null) {
			return;
		}
		IWorkbenchPage workbenchPage = editor.getSite().getPage();
		workbenchPage.addPartListener(new IPartListener2() {
			@Override
			public void partClosed(IWorkbenchPartReference ref) {
				if (ref.getPart(false) == editor) {
					workbenchPage.removePartListener(this);
					synchronized (PAGES) {
						PAGES.remove(editor, page);
					}
				}
			}
		});
	}

	@Override
	public Class<?>[] getAdapterList() {
		return new Class<?>[] { IContentOutlinePage.class };
	}
}
