package report.dsl.ui;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.ui.INewWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.dialogs.WizardNewFileCreationPage;

/** New report: a file in the 2021 format with metadata placeholders and every part and table present. */
public class NewReportWizard extends Wizard implements INewWizard {

	private IStructuredSelection selection;
	private WizardNewFileCreationPage page;
	private IWorkbench workbench;
	private IFile created;

	public static String template(String name) {
		String id = name.replaceAll("[^A-Za-z0-9_\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]", "");
		if (id.isEmpty() || Character.isDigit(id.charAt(0))) {
			id = "报告" + id;
		}
		return """
				报告 %s 遵循 政府信息公开年报2021 {
					发布机关 "（发布机关）"
					年度 2024
					统计期限 2024-01-01 至 2024-12-31
					发布日期 2025-01-20
					发布网址 "https://example.gov.cn/"

					部分 一 {
						小节 "（一）主动公开" {
							"……"
						}
						小节 "（二）依申请公开" {
							"……"
						}
						小节 "（三）政府信息管理" {
							"……"
						}
						小节 "（四）政府信息公开平台建设" {
							"……"
						}
						小节 "（五）监督保障" {
							"……"
						}
					}
					部分 二 {
						表 A { }
					}
					部分 三 {
						表 B { }
					}
					部分 四 {
						表 C { }
					}
					部分 五 {
						"……"
					}
					部分 六 {
						"……"
					}
				}
				""".formatted(id);
	}

	@Override
	public void init(IWorkbench workbench, IStructuredSelection selection) {
		this.workbench = workbench;
		this.selection = selection;
		setWindowTitle("New Report");
		setNeedsProgressMonitor(false);
	}

	@Override
	public void addPages() {
		page = new WizardNewFileCreationPage("newReport", selection) {
			@Override
			protected java.io.InputStream getInitialContents() {
				String base = getFileName().replaceFirst("\\.report$", "");
				return new ByteArrayInputStream(template(base).getBytes(StandardCharsets.UTF_8));
			}
		};
		page.setTitle("Report (2021 format)");
		page.setDescription("Creates a government-information-disclosure annual report with every part and table.");
		page.setFileExtension(ReportUi.EXTENSION);
		page.setFileName("新报告.report");
		addPage(page);
	}

	public WizardNewFileCreationPage getFilePage() {
		return page;
	}

	/** The file the wizard created, after finishing. */
	public IFile getCreatedFile() {
		return created;
	}

	@Override
	public boolean performFinish() {
		IFile file = page.createNewFile();
		if (file == null) {
			return false;
		}
		created = file;
		ReportNature.configureAndOpen(workbench, file);
		return true;
	}
}
