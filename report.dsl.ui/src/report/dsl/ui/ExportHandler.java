package report.dsl.ui;

import java.nio.file.Path;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.dialogs.ListDialog;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.texteditor.ITextEditor;

/** Export… (the preview's toolbar, the report editor's context menu): asks for a format and a file, then exports. */
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
		ListDialog formats = new ListDialog(shell);
		formats.setTitle("导出报告");
		formats.setMessage("导出为：");
		formats.setContentProvider(ArrayContentProvider.getInstance());
		formats.setLabelProvider(new LabelProvider());
		formats.setInput(ReportExport.formats());
		if (formats.open() != ListDialog.OK || formats.getResult().length == 0) {
			return null;
		}
		String format = (String) formats.getResult()[0];
		FileDialog where = new FileDialog(shell, SWT.SAVE);
		where.setOverwrite(true);
		where.setFileName(ReportExport.fileName(document, format));
		where.setFilterExtensions(new String[] { "*." + format });
		ReportExport.folder(document).ifPresent(folder -> where.setFilterPath(folder.toString()));
		String target = where.open();
		if (target == null) {
			return null;
		}
		try {
			ReportExport.export(document, format, Path.of(target));
		} catch (ReportExport.Refused e) {
			MessageDialog.openError(shell, "导出报告", e.getMessage());
		}
		return null;
	}
}
