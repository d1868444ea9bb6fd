package report.dsl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.xtext.resource.XtextResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import report.dsl.ui.NewReportWizard;
import report.dsl.ui.ReportBuilder;
import report.dsl.ui.ReportNature;
import report.dsl.ui.ReportPreviewView;
import report.dsl.ui.ReportUi;

class WorkspaceTest {

	@AfterEach
	void closeEditors() {
		UiSupport.page().closeAllEditors(false);
	}

	@Test
	void builderMarksTheWrongCell() throws Exception {
		IProject project = UiSupport.project("built");
		ReportNature.addTo(project);
		assertTrue(project.hasNature(ReportNature.ID));
		assertTrue(Arrays.stream(project.getDescription().getBuildSpec()).anyMatch(c -> ReportBuilder.ID.equals(c.getBuilderName())));
		String text = UiSupport.example(UiSupport.EXAMPLE);
		int cell = UiSupport.cell(text, "四", 0);
		String bad = text.substring(0, cell) + "0" + text.substring(cell + 1);
		IFile file = UiSupport.file(project, "bad.report", bad);
		project.build(IncrementalProjectBuilder.FULL_BUILD, null);
		IMarker[] markers = file.findMarkers(ReportBuilder.MARKER, true, IResource.DEPTH_ZERO);
		int line = (int) bad.substring(0, cell).lines().count();
		List<IMarker> b1 = Arrays.stream(markers).filter(m -> "B1".equals(m.getAttribute(ReportBuilder.CODE, ""))).toList();
		assertEquals(1, b1.size(), () -> describe(markers));
		IMarker marker = b1.get(0);
		assertEquals(line, marker.getAttribute(IMarker.LINE_NUMBER, -1));
		assertEquals(cell, marker.getAttribute(IMarker.CHAR_START, -1));
		assertEquals(cell + 1, marker.getAttribute(IMarker.CHAR_END, -1));
		assertEquals(IMarker.SEVERITY_ERROR, marker.getAttribute(IMarker.SEVERITY, -1));
		assertTrue(marker.getAttribute(IMarker.MESSAGE, "").contains("勾稽关系"));
		assertTrue(marker.isSubtypeOf(IMarker.PROBLEM));

		// fixed file, incremental build: the markers go
		file.setContents(new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)), true, false, null);
		project.build(IncrementalProjectBuilder.INCREMENTAL_BUILD, null);
		assertEquals(0, Arrays.stream(file.findMarkers(ReportBuilder.MARKER, true, IResource.DEPTH_ZERO))
				.filter(m -> m.getAttribute(IMarker.SEVERITY, -1) == IMarker.SEVERITY_ERROR).count(),
				() -> describe(markersOf(file)));
	}

	@Test
	void builderMarksAFileThatIsNotUtf8Once() throws Exception {
		IProject project = UiSupport.project("gbk");
		ReportNature.addTo(project);
		IFile file = project.getFile("gbk.report");
		file.create(new java.io.ByteArrayInputStream(UiSupport.example(UiSupport.EXAMPLE).getBytes(java.nio.charset.Charset.forName("GBK"))),
				true, null);
		project.build(IncrementalProjectBuilder.FULL_BUILD, null);
		IMarker[] markers = file.findMarkers(ReportBuilder.MARKER, true, IResource.DEPTH_ZERO);
		assertEquals(List.of("report.encoding"), Arrays.stream(markers).map(m -> m.getAttribute(ReportBuilder.CODE, "")).toList(),
				() -> describe(markers));
		assertTrue(markers[0].getAttribute(IMarker.MESSAGE, "").contains("GBK"), () -> describe(markers));
	}

	@Test
	void previewShowsThePublishedReportAndFollowsEdits() throws Exception {
		IProject project = UiSupport.project("preview");
		IFile file = UiSupport.file(project, UiSupport.EXAMPLE, UiSupport.example(UiSupport.EXAMPLE));
		IEditorPart editor = IDE.openEditor(UiSupport.page(), file);
		UiSupport.fillScreen();
		ReportPreviewView view = (ReportPreviewView) UiSupport.page().showView(ReportPreviewView.ID);
		assertNotNull(view);
		UiSupport.page().activate(editor);
		assertTrue(UiSupport.waitUntil(() -> view.getContent().contains("614"), 30_000), view::getContent);
		assertTrue(view.getContent().contains("聊城市机关事务管理局"), view::getContent);

		// an edit of a figure reaches the preview
		var document = UiSupport.document(editor);
		int at = document.get().indexOf("= 614 条");
		document.replace(at + 2, 3, "615");
		assertTrue(UiSupport.waitUntil(() -> view.getContent().contains("615"), 30_000), view::getContent);
		UiSupport.waitUntil(view::isRendered, 15_000);
		view.reveal("615");
		UiSupport.spin(1000);
		Path png = UiSupport.screenshot("preview.png");
		assertTrue(Files.size(png) > 1000);
		System.out.println("preview uses " + (view.usesBrowser() ? "the SWT Browser (HTML)" : "the text fallback (Markdown)"));
		UiSupport.page().hideView(view);
	}

	@Test
	void newReportWizardCreatesACompleteReportWithoutSyntaxErrors() throws Exception {
		IProject project = UiSupport.project("wizard");
		NewReportWizard wizard = new NewReportWizard();
		wizard.init(PlatformUI.getWorkbench(), new StructuredSelection(project));
		WizardDialog dialog = new WizardDialog(UiSupport.page().getWorkbenchWindow().getShell(), wizard);
		dialog.setBlockOnOpen(false);
		dialog.create();
		wizard.getFilePage().setFileName("某某局2024.report");
		assertTrue(wizard.canFinish());
		assertTrue(wizard.performFinish());
		dialog.close();
		IFile file = project.getFile("某某局2024.report");
		assertTrue(file.exists());
		assertTrue(project.hasNature(ReportNature.ID), "the wizard configures the project");
		String text = new String(file.getContents().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		for (String piece : List.of("报告 某某局2024 遵循 政府信息公开年报2021", "发布机关", "年度", "统计期限", "发布日期", "部分 一", "部分 二",
				"部分 三", "部分 四", "部分 五", "部分 六", "表 A { }", "表 B { }", "表 C { }")) {
			assertTrue(text.contains(piece), piece);
		}
		XtextResource resource = ReportUi.parse(text, null);
		assertEquals(List.of(), resource.getErrors(), "syntax errors");
		assertEquals(List.of(), ReportUi.validate(resource).stream()
				.filter(i -> i.isSyntaxError() || i.getCode() != null && i.getCode().contains("Linking")).toList());
	}

	@Test
	void configureCommandAddsTheNatureAndBuilder() throws Exception {
		IProject project = UiSupport.project("configured");
		assertTrue(!project.hasNature(ReportNature.ID));
		org.eclipse.core.expressions.EvaluationContext context = new org.eclipse.core.expressions.EvaluationContext(null, new Object());
		context.addVariable(org.eclipse.ui.ISources.ACTIVE_CURRENT_SELECTION_NAME, new StructuredSelection(project));
		new report.dsl.ui.ConfigureHandler().execute(new org.eclipse.core.commands.ExecutionEvent(null, java.util.Map.of(), null, context));
		assertTrue(project.hasNature(ReportNature.ID));
		assertTrue(Arrays.stream(project.getDescription().getBuildSpec()).anyMatch(c -> ReportBuilder.ID.equals(c.getBuilderName())));
	}

	private static IMarker[] markersOf(IFile file) {
		try {
			return file.findMarkers(ReportBuilder.MARKER, true, IResource.DEPTH_ZERO);
		} catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private static String describe(IMarker[] markers) {
		return Arrays.stream(markers).map(m -> m.getAttribute(ReportBuilder.CODE, "") + " line "
				+ m.getAttribute(IMarker.LINE_NUMBER, -1) + ": " + m.getAttribute(IMarker.MESSAGE, "")).collect(Collectors.joining("\n"));
	}
}
