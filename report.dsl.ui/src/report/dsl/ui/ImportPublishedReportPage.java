package report.dsl.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.dialogs.ContainerSelectionDialog;

import report.dsl.importer.ReportImporter;

/** The import wizard's page: the published file and the workspace folder it is imported into, checked as typed. */
public class ImportPublishedReportPage extends WizardPage {

	private final IContainer initialFolder;
	private Text source;
	private Text folder;

	ImportPublishedReportPage(IContainer initialFolder) {
		super("importPublishedReport");
		this.initialFolder = initialFolder;
		setTitle("Import published report / 导入已发布的报告");
		setDescription("把已发布的年度报告（纯文本、网页或 Markdown）导入为报告文件，表格按报告格式的声明识别，存疑处写成注释。");
	}

	@Override
	public void createControl(Composite parent) {
		Composite composite = new Composite(parent, SWT.NONE);
		composite.setLayout(new GridLayout(3, false));
		new Label(composite, SWT.NONE).setText("已发布的报告 / Published report:");
		source = new Text(composite, SWT.BORDER | SWT.SINGLE);
		source.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		Button browseSource = new Button(composite, SWT.PUSH);
		browseSource.setText("浏览… / Browse…");
		browseSource.addListener(SWT.Selection, e -> {
			FileDialog dialog = new FileDialog(getShell(), SWT.OPEN);
			dialog.setFilterExtensions(new String[] { "*.txt;*.html;*.htm;*.md" });
			String chosen = dialog.open();
			if (chosen != null) {
				source.setText(chosen);
			}
		});
		new Label(composite, SWT.NONE).setText("导入到 / Into folder:");
		folder = new Text(composite, SWT.BORDER | SWT.SINGLE);
		folder.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		if (initialFolder != null) {
			folder.setText(initialFolder.getFullPath().toString());
		}
		Button browseFolder = new Button(composite, SWT.PUSH);
		browseFolder.setText("浏览… / Browse…");
		browseFolder.addListener(SWT.Selection, e -> {
			ContainerSelectionDialog dialog = new ContainerSelectionDialog(getShell(), container(folder.getText()).orElse(null), false,
					"导入到哪个文件夹 / Import into which folder");
			if (dialog.open() == ContainerSelectionDialog.OK && dialog.getResult().length > 0) {
				folder.setText(dialog.getResult()[0].toString());
			}
		});
		source.addListener(SWT.Modify, e -> validate());
		folder.addListener(SWT.Modify, e -> validate());
		setControl(composite);
		validate();
		setErrorMessage(null); // an empty page is not an error yet; Finish stays disabled until both are given
	}

	public String source() {
		return source.getText();
	}

	public String folder() {
		return folder.getText();
	}

	public void setSource(String path) {
		source.setText(path);
	}

	public void setFolder(String path) {
		folder.setText(path);
	}

	/** What keeps the page from finishing, in one sentence; null when the import can run. */
	public String problem() {
		return problem(source(), folder());
	}

	/** The page's check of a source path and a workspace folder path, by the same rules the command line applies. */
	public static String problem(String sourcePath, String folderPath) {
		if (sourcePath.isBlank()) {
			return "请选择已发布的报告（.txt、.html、.htm、.md）";
		}
		Path file;
		try {
			file = Path.of(sourcePath.strip());
		} catch (java.nio.file.InvalidPathException e) {
			return "不是文件路径：" + sourcePath;
		}
		if (!Files.isRegularFile(file)) {
			return "找不到文件：" + sourcePath.strip();
		}
		if (!ReportImporter.isPublished(file.getFileName().toString())) {
			return "不是可导入的文件（.txt、.html、.htm、.md）：" + file.getFileName();
		}
		if (folderPath.isBlank()) {
			return "请选择导入到的项目或文件夹";
		}
		if (container(folderPath).isEmpty()) {
			return "工作区中没有这个项目或文件夹：" + folderPath.strip();
		}
		return null;
	}

	/** The project or folder of the workspace at a path such as {@code /project/folder}. */
	static Optional<IContainer> container(String path) {
		if (path.isBlank()) {
			return Optional.empty();
		}
		return ResourcesPlugin.getWorkspace().getRoot().findMember(path.strip()) instanceof IContainer container
				&& container.isAccessible() ? Optional.of(container) : Optional.empty();
	}

	private void validate() {
		String problem = problem();
		setErrorMessage(problem);
		setPageComplete(problem == null);
	}
}
