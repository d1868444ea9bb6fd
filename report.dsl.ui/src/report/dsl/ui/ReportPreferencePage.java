package report.dsl.ui;

import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.FileFieldEditor;
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

	@Override
	protected void createFieldEditors() {
		FileFieldEditor font = new FileFieldEditor(ReportPreferences.FONT, "中文字体文件：", true, getFieldEditorParent());
		font.setFileExtensions(new String[] { "*.ttf;*.otf;*.ttc", "*" });
		font.setEmptyStringAllowed(true);
		font.setErrorMessage("找不到字体文件");
		font.getTextControl(getFieldEditorParent()).setData(ReportPreferences.FONT); // the key a test finds it by
		addField(font);
	}

	@Override
	public void init(IWorkbench workbench) {
		// the store is set in the constructor
	}
}
