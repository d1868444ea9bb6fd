package report.dsl.ui;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.text.IDocument;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.texteditor.ITextEditor;

/** Export… (the preview's toolbar, the report editor's context menu): the export dialog (a format and a file). */
public class ExportHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		IEditorPart editor = HandlerUtil.getActiveEditor(event);
		Shell shell = HandlerUtil.getActiveShell(event);
		if (!(editor instanceof ITextEditor text) || !ReportUi.isReport(text)) {
			MessageDialog.openInformation(shell, "导出报告", "请先打开一个报告文件");
			return null;
		}
		IDocument document = text.getDocumentProvider().getDocument(text.getEditorInput());
		new ExportDialog(shell, document).open();
		return null;
	}
}
