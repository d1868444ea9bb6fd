package report.dsl.ui;

import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.swt.widgets.Display;

/** Runs an action once typing pauses: a burst of edits within the delay asks for one refresh, not one per key. */
final class CoalescingDocumentListener implements IDocumentListener {

	private final int delayMillis;
	private final Runnable action;
	private boolean pending;

	CoalescingDocumentListener(int delayMillis, Runnable action) {
		this.delayMillis = delayMillis;
		this.action = action;
	}

	@Override
	public void documentAboutToBeChanged(DocumentEvent event) {
	}

	@Override
	public void documentChanged(DocumentEvent event) {
		if (pending) {
			return;
		}
		pending = true;
		Display.getCurrent().timerExec(delayMillis, () -> {
			pending = false;
			action.run();
		});
	}
}
