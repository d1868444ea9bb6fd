package report.dsl.ui;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.text.IDocument;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * Export…'s dialog: a format and a target file (next to the report unless the user types or browses to another);
 * OK exports, and a refusal stays in the dialog as its error message, so the user can mend the file and try again.
 */
public class ExportDialog extends TitleAreaDialog {

	public static final String TITLE = "导出报告";

	/** The widget keys (Widget.getData) by which a test drives the dialog, as SWTBot's widget keys do. */
	public static final String KEY = "report.dsl.ui.export";
	public static final String FORMAT_KEY = KEY + ".format";
	public static final String TARGET_KEY = KEY + ".target";

	private final IDocument document;
	private final List<String> formats = ReportExport.formats();
	private Combo format;
	private Text target;

	public ExportDialog(Shell parent, IDocument document) {
		super(parent);
		this.document = document;
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(TITLE);
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		setTitle(TITLE);
		setMessage("导出为 " + String.join("、", formats) + " 之一，写到所选文件（有错误的报告不导出，同 report build）");
		Composite area = (Composite) super.createDialogArea(parent);
		Composite fields = new Composite(area, SWT.NONE);
		GridLayoutFactory.swtDefaults().numColumns(3).applyTo(fields);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(fields);

		new Label(fields, SWT.NONE).setText("格式：");
		format = new Combo(fields, SWT.READ_ONLY);
		format.setData(FORMAT_KEY);
		format.setItems(formats.toArray(String[]::new));
		format.select(Math.max(0, formats.indexOf("pdf")));
		GridDataFactory.fillDefaults().span(2, 1).applyTo(format);

		new Label(fields, SWT.NONE).setText("文件：");
		target = new Text(fields, SWT.BORDER);
		target.setData(TARGET_KEY);
		target.setText(defaultTarget(format()));
		GridDataFactory.fillDefaults().grab(true, false).hint(480, SWT.DEFAULT).applyTo(target);
		Button browse = new Button(fields, SWT.PUSH);
		browse.setText("浏览…");
		browse.addListener(SWT.Selection, event -> browse());

		format.addListener(SWT.Selection, event -> target.setText(withExtension(target.getText(), format())));
		return area;
	}

	private String format() {
		return formats.get(format.getSelectionIndex());
	}

	private String defaultTarget(String extension) {
		String name = ReportExport.fileName(document, extension);
		return ReportExport.folder(document).map(folder -> folder.resolve(name).toString()).orElse(name);
	}

	/** The target with the extension of the format chosen: a path typed by the user keeps its folder and name. */
	private static String withExtension(String path, String extension) {
		int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
		int dot = path.lastIndexOf('.');
		return (dot > slash ? path.substring(0, dot) : path) + "." + extension;
	}

	private void browse() {
		FileDialog where = new FileDialog(getShell(), SWT.SAVE);
		Path current = Path.of(target.getText());
		where.setFileName(current.getFileName() == null ? "" : current.getFileName().toString());
		if (current.getParent() != null) {
			where.setFilterPath(current.getParent().toString());
		}
		where.setFilterExtensions(new String[] { "*." + format() });
		String chosen = where.open();
		if (chosen != null) {
			target.setText(chosen);
		}
	}

	@Override
	protected void okPressed() {
		Path file;
		try {
			file = Path.of(target.getText().strip());
		} catch (InvalidPathException e) {
			setErrorMessage("文件名无效：" + target.getText());
			return;
		}
		if (!file.isAbsolute()) {
			setErrorMessage("请给出文件的完整路径");
			return;
		}
		if (Files.exists(file) && !MessageDialog.openQuestion(getShell(), TITLE, "已有文件 " + file + "，要覆盖吗？")) {
			return;
		}
		try {
			ReportExport.export(document, format(), file);
		} catch (ReportExport.Refused refused) {
			setErrorMessage(refused.getMessage());
			return;
		}
		super.okPressed();
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		createButton(parent, IDialogConstants.OK_ID, "导出", true);
		createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
	}

	@Override
	protected boolean isResizable() {
		return true;
	}
}
