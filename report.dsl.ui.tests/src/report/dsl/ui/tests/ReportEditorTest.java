package report.dsl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.content.IContentType;
import org.eclipse.jface.bindings.Binding;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.ITextViewerExtension5;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.jface.text.source.TextInvocationContext;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.IInformationControl;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.text.IInformationControlExtension5;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.editors.text.EditorsUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.keys.IBindingService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import report.dsl.ide.ReportSemanticHighlighting;
import report.dsl.ui.ReportAnnotation;
import report.dsl.ui.ReportContentAssist;
import report.dsl.ui.ReportHyperlinkDetector;
import report.dsl.ui.ReportQuickAssist;
import report.dsl.ui.ReportScanner;
import report.dsl.ui.ReportTextHover;
import report.dsl.ui.ReportUi;
import report.dsl.ui.SemanticHighlighter;

class ReportEditorTest {

	@AfterEach
	void closeEditors() {
		UiSupport.page().closeAllEditors(false);
	}

	private IEditorPart open(String projectName) throws Exception {
		IProject project = UiSupport.project(projectName);
		IFile file = UiSupport.file(project, UiSupport.EXAMPLE, UiSupport.example(UiSupport.EXAMPLE));
		IEditorPart editor = IDE.openEditor(UiSupport.page(), file);
		UiSupport.fillScreen();
		return editor;
	}

	@Test
	void reportFilesHaveTheirContentTypeAndOpenInTheGenericEditor() throws Exception {
		IContentType type = Platform.getContentTypeManager().findContentTypeFor("x.report");
		assertNotNull(type);
		assertEquals(ReportUi.CONTENT_TYPE, type.getId());
		IEditorPart editor = open("editor-id");
		assertEquals(ReportUi.EDITOR_ID, editor.getSite().getId());
		assertEquals(UiSupport.example(UiSupport.EXAMPLE), UiSupport.document(editor).get());
	}

	@Test
	void aWrongCellGetsAnErrorAnnotationAndItsQuickFixBalancesTheTable() throws Exception {
		IEditorPart editor = open("balance");
		IDocument document = UiSupport.document(editor);
		// the example balances: after the first check there are no error annotations
		assertTrue(UiSupport.waitUntil(() -> report.dsl.ui.ReportReconciler.RUNS.get() > 0, 30_000), "the reconciler never ran");
		UiSupport.spin(500);
		assertEquals(List.of(), errors(editor));

		// Table B, row 四, column 自然人: 1 -> 0
		int cell = UiSupport.cell(document.get(), "四", 0);
		assertEquals("1", document.get(cell, 1));
		document.replace(cell, 1, "0");
		assertTrue(UiSupport.waitUntil(() -> b1At(editor, cell).isPresent(), 30_000),
				() -> "no B1 error annotation at the cell, annotations: " + describe(editor));
		ReportAnnotation b1 = b1At(editor, cell).get();
		assertTrue(b1.isError());
		assertTrue(b1.getText().contains("本列数据的勾稽关系"), b1.getText());
		assertEquals("B1", b1.getData()[0]);
		assertEquals("1", b1.getData()[1]);

		// caret at the row label, so that the squiggle under the cell is not hidden by the selection
		int row = document.get().lastIndexOf("四:", cell);
		((org.eclipse.ui.texteditor.ITextEditor) editor).selectAndReveal(row, 0);
		Path png = UiSupport.screenshot("editor-error.png");
		assertTrue(Files.size(png) > 1000);

		// the quick fix from the language's code actions, applied as the quick assist popup would
		ReportQuickAssist processor = new ReportQuickAssist();
		assertTrue(processor.canFix(b1));
		List<ReportQuickAssist.FixProposal> fixes = Arrays.stream(
				processor.computeQuickAssistProposals(new TextInvocationContext(viewer(editor), cell, 0)))
				.map(ReportQuickAssist.FixProposal.class::cast).toList();
		ReportQuickAssist.FixProposal fix = fixes.stream().filter(f -> "B1".equals(f.fix().code())).findFirst()
				.orElseThrow(() -> new AssertionError("no B1 fix among " + fixes.stream().map(f -> f.getDisplayString()).toList()));
		assertTrue(fix.getDisplayString().contains("改为 1"), fix.getDisplayString());
		fix.apply(document);
		assertEquals(UiSupport.example(UiSupport.EXAMPLE), document.get());
		assertTrue(UiSupport.waitUntil(() -> errors(editor).isEmpty(), 30_000), () -> "errors left: " + describe(editor));
	}

	@Test
	void hoverShowsTheBoundValue() throws Exception {
		IEditorPart editor = open("hover");
		IDocument document = UiSupport.document(editor);
		int at = document.get().indexOf("[B.一]") + 2;
		ReportTextHover provider = new ReportTextHover();
		String hover = provider.getHoverInfo(viewer(editor), provider.getHoverRegion(viewer(editor), at));
		assertEquals("**3**　表B 一（总计）", hover);
	}

	@Test
	void theHoverOfACellRendersItsMarkdownInThePlatformsHoverControl() throws Exception {
		IEditorPart editor = open("hover-control");
		IDocument document = UiSupport.document(editor);
		ISourceViewer viewer = viewer(editor);
		int cell = UiSupport.cell(document.get(), "四", 0);
		ReportTextHover provider = new ReportTextHover();
		String markdown = provider.getHoverInfo(viewer, provider.getHoverRegion(viewer, cell));
		assertTrue(markdown.startsWith("**表B「四」行 ×「自然人」列** = 1"), markdown);

		((org.eclipse.ui.texteditor.ITextEditor) editor).selectAndReveal(cell, 0);
		UiSupport.spin(200);
		Shell workbench = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
		IInformationControl control = provider.getHoverControlCreator().createInformationControl(workbench);
		try {
			control.setInformation(markdown);
			Point size = ((IInformationControlExtension5) control).computeSizeConstraints(80, 20);
			Point hint = control.computeSizeHint();
			control.setSize(Math.min(hint.x, size.x), Math.min(hint.y, size.y));
			StyledText widget = viewer.getTextWidget();
			Point at = widget.toDisplay(widget.getLocationAtOffset(((ITextViewerExtension5) viewer).modelOffset2WidgetOffset(cell)));
			control.setLocation(new Point(at.x, at.y + widget.getLineHeight()));
			control.setVisible(true);
			StyledText shown = Arrays.stream(workbench.getShells()).flatMap(s -> styledTexts(s).stream()).findFirst()
					.orElseThrow(() -> new AssertionError("the hover shows no text"));
			assertTrue(shown.getText().startsWith("表B「四」行 ×「自然人」列 = 1\n\n✓ 规则B1"), shown.getText());
			assertFalse(shown.getText().contains("**"), shown.getText());
			StyleRange title = shown.getStyleRangeAtOffset(0);
			assertTrue(title != null && (title.fontStyle & SWT.BOLD) != 0, "the hover's title is not bold");
			UiSupport.screenshot("hover.png");
		} finally {
			control.dispose();
		}
	}

	private static List<StyledText> styledTexts(Composite composite) {
		List<StyledText> found = new java.util.ArrayList<>();
		for (Control child : composite.getChildren()) {
			if (child instanceof StyledText text) {
				found.add(text);
			} else if (child instanceof Composite nested) {
				found.addAll(styledTexts(nested));
			}
		}
		return found;
	}

	@Test
	void ctrlClickOnABindingGoesToWhereItsNumberIsWritten() throws Exception {
		assertTrue(Arrays.stream(EditorsUI.getHyperlinkDetectorRegistry().getHyperlinkDetectorDescriptors())
				.anyMatch(d -> "report.dsl.ui.definitions".equals(d.getId())), "the hyperlink detector is not registered");
		IEditorPart editor = open("definitions");
		IDocument document = UiSupport.document(editor);
		ISourceViewer viewer = viewer(editor);
		String text = document.get();

		int binding = text.indexOf("[B.一]") + 1;
		List<ReportHyperlinkDetector.Definition> links = ReportHyperlinkDetector.definitions(viewer, binding + 1);
		assertEquals(1, links.size());
		assertEquals(binding, links.get(0).getHyperlinkRegion().getOffset());
		assertEquals("B.一".length(), links.get(0).getHyperlinkRegion().getLength());
		links.get(0).open();
		ITextSelection total = (ITextSelection) ((org.eclipse.ui.texteditor.ITextEditor) editor).getSelectionProvider().getSelection();
		int rowOne = text.indexOf("一:", text.indexOf("表 B {"));
		assertEquals(text.indexOf('\n', rowOne) - 1, total.getOffset(), "not at the row's last cell: " + total.getOffset());
		assertEquals("3", total.getText());

		int figure = text.indexOf("[新闻发布会]") + 2;
		ReportHyperlinkDetector.definitions(viewer, figure).get(0).open();
		ITextSelection declaration = (ITextSelection) ((org.eclipse.ui.texteditor.ITextEditor) editor).getSelectionProvider().getSelection();
		assertEquals(text.indexOf("数值 新闻发布会") + "数值 ".length(), declaration.getOffset());
	}

	@Test
	void contentAssistProposesBindableValues() throws Exception {
		IEditorPart editor = open("assist");
		IDocument document = UiSupport.document(editor);
		int at = document.get().indexOf("共收到信息公开申请[") + "共收到信息公开申请[".length();
		List<String> labels = Arrays.stream(new ReportContentAssist().computeCompletionProposals(viewer(editor), at))
				.map(ICompletionProposal::getDisplayString)
				.map(s -> s.split(" — ")[0]).toList();
		assertTrue(labels.containsAll(List.of("B.一", "B.三.七", "门户网站公开信息")), labels::toString);
	}

	@Test
	void formatCommandIsBoundToCtrlShiftFAndFormatsTheDocument() throws Exception {
		IEditorPart editor = open("format");
		IDocument document = UiSupport.document(editor);
		String formatted = ReportUi.format(document.get(), null).orElseThrow();
		String messy = document.get().replace("行政规范性文件: 1 1 1", "行政规范性文件:1    1  1");
		assertNotEquals(messy, document.get());
		document.set(messy);
		IHandlerService handlers = PlatformUI.getWorkbench().getService(IHandlerService.class);
		handlers.executeCommand("report.dsl.ui.format", null);
		assertEquals(formatted, document.get());

		IBindingService bindings = PlatformUI.getWorkbench().getService(IBindingService.class);
		boolean bound = false;
		for (Binding binding : bindings.getBindings()) {
			if (binding.getParameterizedCommand() != null
					&& "report.dsl.ui.format".equals(binding.getParameterizedCommand().getId())) {
				assertEquals(org.eclipse.jface.bindings.keys.KeySequence.getInstance("M1+M2+F"), binding.getTriggerSequence());
				assertEquals("org.eclipse.ui.genericeditor.genericEditorContext", binding.getContextId());
				bound = true;
			}
		}
		assertTrue(bound, "no key binding for the format command");
	}

	@Test
	void colouringFollowsTheLexer() {
		String text = "报告 X 遵循 T { // c\n 数值 a = 12.5 \"共[B.一]件\" }";
		List<int[]> tokens = ReportScanner.lex(text);
		String kinds = tokens.stream().map(t -> ReportScanner.Kind.values()[t[2]] + ":" + text.substring(t[0], t[0] + t[1]))
				.collect(Collectors.joining("|"));
		assertEquals("KEYWORD:报告|KEYWORD:遵循|COMMENT:// c|KEYWORD:数值|NUMBER:12.5|STRING:\"共[|BINDING:B.一|STRING:]件\"", kinds);
		assertFalse(ReportScanner.keywords().isEmpty());
	}

	@Test
	void namesAreColouredByWhatTheyResolveToAndFollowTheTyping() throws Exception {
		IEditorPart editor = open("semantic");
		IDocument document = UiSupport.document(editor);
		ISourceViewer viewer = viewer(editor);
		int figure = document.get().indexOf("[新闻发布会]") + 1;
		int row = document.get().indexOf("[B.一]") + 1;
		int column = document.get().indexOf(":本年废止件数]") + 1;
		int type = document.get().indexOf("政府信息公开年报2021");
		assertTrue(UiSupport.waitUntil(() -> colouredAs(viewer, figure, ReportSemanticHighlighting.FIGURE), 30_000),
				"a figure's use is not coloured as a figure");
		assertTrue(colouredAs(viewer, row, ReportSemanticHighlighting.ROW), "a row's use is not coloured as a row");
		assertTrue(colouredAs(viewer, column, ReportSemanticHighlighting.COLUMN), "a column's use is not coloured as a column");
		assertTrue(colouredAs(viewer, type, ReportSemanticHighlighting.REPORT_TYPE), "the report type is not coloured as one");

		// a binding retyped to a row gets the row's colour once the check has run
		document.replace(figure, "新闻发布会".length(), "B.三.七");
		assertTrue(UiSupport.waitUntil(() -> colouredAs(viewer, figure, ReportSemanticHighlighting.ROW), 30_000),
				"the retyped binding did not take the row's colour");
	}

	private static boolean colouredAs(ISourceViewer viewer, int offset, String kind) {
		int widgetOffset = ((ITextViewerExtension5) viewer).modelOffset2WidgetOffset(offset);
		StyleRange shown = viewer.getTextWidget().getStyleRangeAtOffset(widgetOffset);
		StyleRange expected = SemanticHighlighter.styleOf(kind);
		return shown != null && expected.foreground.equals(shown.foreground) && (shown.fontStyle & expected.fontStyle) == expected.fontStyle;
	}

	private static ISourceViewer viewer(IEditorPart editor) {
		return (ISourceViewer) editor.getAdapter(ITextOperationTarget.class);
	}

	private static List<ReportAnnotation> errors(IEditorPart editor) {
		return UiSupport.reportAnnotations(editor).stream().filter(ReportAnnotation::isError).toList();
	}

	private static Optional<ReportAnnotation> b1At(IEditorPart editor, int offset) {
		var model = UiSupport.annotations(editor);
		return UiSupport.reportAnnotations(editor).stream().filter(a -> "B1".equals(a.getCode())).filter(a -> {
			var p = model.getPosition(a);
			return p != null && p.getOffset() <= offset && offset < p.getOffset() + Math.max(p.getLength(), 1);
		}).findFirst();
	}

	private static String describe(IEditorPart editor) {
		var model = UiSupport.annotations(editor);
		return UiSupport.reportAnnotations(editor).stream()
				.map(a -> a.getCode() + "@" + model.getPosition(a) + " " + a.getText()).collect(Collectors.joining("; "));
	}
}
