package report.dsl.ui;

import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.FileFieldEditor;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;

/** Window › Preferences › report.dsl: the font file Export… embeds in PDF and draws DOCX charts with. */
public class ReportPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

	public static final String ID = "report.dsl.ui.preferences";

	public ReportPreferencePage() {
		super(GRID);
		setPreferenceStore(ReportPreferences.store());
		setDescription("导出 PDF 和 DOCX（图表）时使用的中文字体文件（.ttf、.otf、.ttc），同命令行的 --font；留空则在系统字体中查找。");
	}

	/**
	 * The font file, checked as it is typed: the platform's file field checks only when the focus leaves it, so a
	 * page opened with a font removed since kept OK disabled after a good file was typed in.
	 */
	private static final class FontField extends FileFieldEditor {

		FontField(Composite parent) {
			super(ReportPreferences.FONT, "中文字体文件：", true, parent);
			setFileExtensions(new String[] { "*.ttf;*.otf;*.ttc", "*" });
			setEmptyStringAllowed(true);
			setErrorMessage("找不到字体文件");
			getTextControl(parent).addModifyListener(event -> valueChanged());
			getTextControl(parent).setData(ReportPreferences.FONT); // the key a test finds it by
			// a long path saved earlier would otherwise widen the page past the dialog, hiding Browse… and Apply
			((GridData) getTextControl(parent).getLayoutData()).widthHint = 280;
		}
	}

	@Override
	protected void createFieldEditors() {
		addField(new FontField(getFieldEditorParent()));
	}

	@Override
	public void init(IWorkbench workbench) {
		// the store is set in the constructor
	}
}
