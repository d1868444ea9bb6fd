package report.dsl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.contentoutline.ContentOutline;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import report.dsl.ui.ReportOutlinePage;
import report.dsl.ui.ReportOutlinePage.Node;

class OutlineTest {

	@AfterEach
	void closeEditors() {
		UiSupport.page().closeAllEditors(false);
	}

	@Test
	void theOutlineViewShowsTheReportFollowsEditsAndSelectsInTheEditor() throws Exception {
		IFile file = UiSupport.file(UiSupport.project("outline"), UiSupport.EXAMPLE, UiSupport.example(UiSupport.EXAMPLE));
		IEditorPart editor = IDE.openEditor(UiSupport.page(), file);
		UiSupport.fillScreen();
		ContentOutline view = (ContentOutline) UiSupport.page().showView(IPageLayout.ID_OUTLINE);
		UiSupport.page().activate(editor);
		assertTrue(UiSupport.waitUntil(() -> view.getCurrentPage() instanceof ReportOutlinePage, 10_000),
				() -> "the Outline view shows " + view.getCurrentPage());
		ReportOutlinePage page = (ReportOutlinePage) view.getCurrentPage();
		assertSame(page, editor.getAdapter(IContentOutlinePage.class));

		// the tree: the report, its parts, part 三's table
		Tree tree = page.getTreeViewer().getTree();
		assertEquals(1, tree.getItemCount());
		TreeItem report = tree.getItem(0);
		assertEquals("聊城市机关事务管理局2023", report.getText());
		List<String> parts = texts(report);
		assertTrue(parts.containsAll(List.of("一、总体情况", "三、收到和处理政府信息公开申请情况")), parts::toString);
		assertTrue(parts.contains("门户网站公开信息 = 614 条"), parts::toString);
		Node three = node(page, "三、收到和处理政府信息公开申请情况").orElseThrow();
		assertEquals("表B 收到和处理政府信息公开申请情况", three.children().get(0).name());
		page.getTreeViewer().expandToLevel(three, 1);
		assertEquals("表B 收到和处理政府信息公开申请情况", item(report, "三、收到和处理政府信息公开申请情况").getItem(0).getText());

		// an edit renames a sub-section heading: the tree follows
		IDocument document = UiSupport.document(editor);
		Node one = node(page, "一、总体情况").orElseThrow();
		page.getTreeViewer().expandToLevel(one, 1);
		assertTrue(texts(item(report, "一、总体情况")).contains("（二）依申请公开"));
		int heading = document.get().indexOf("小节 \"（二）依申请公开\"") + "小节 \"（二）依申请公开".length();
		document.replace(heading, 0, "工作");
		assertTrue(UiSupport.waitUntil(() -> texts(item(tree.getItem(0), "一、总体情况")).contains("（二）依申请公开工作"), 10_000),
				() -> "the outline did not follow the edit: " + texts(item(tree.getItem(0), "一、总体情况")));
		assertTrue(tree.getItem(0).getExpanded() && item(tree.getItem(0), "一、总体情况").getExpanded(), "expansion kept");

		// selecting a node selects it in the editor
		Node part = node(page, "三、收到和处理政府信息公开申请情况").orElseThrow();
		page.getTreeViewer().setSelection(new StructuredSelection(part), true);
		ITextSelection selection = (ITextSelection) ((ITextEditor) editor).getSelectionProvider().getSelection();
		String text = document.get();
		assertTrue(selection.getOffset() >= text.indexOf("部分 三") && selection.getOffset() < text.indexOf("部分 四"),
				() -> "selection at " + selection.getOffset() + ": " + selection.getText());

		Node table = node(page, "表B 收到和处理政府信息公开申请情况").orElseThrow();
		page.getTreeViewer().setSelection(new StructuredSelection(table), true);
		ITextSelection tableSelection = (ITextSelection) ((ITextEditor) editor).getSelectionProvider().getSelection();
		assertTrue(tableSelection.getOffset() >= text.indexOf("表 B") && tableSelection.getOffset() < text.indexOf("部分 四"),
				() -> "selection at " + tableSelection.getOffset() + ": " + tableSelection.getText());

		// moving the caret into a cell of Table C selects Table C in the outline
		int cellOfTableC = text.indexOf("表 C");
		((ITextEditor) editor).selectAndReveal(cellOfTableC + 2, 0);
		assertTrue(UiSupport.waitUntil(() -> page.getTreeViewer().getStructuredSelection().getFirstElement() instanceof Node n
				&& n.name().startsWith("表C"), 10_000),
				() -> "the outline selects " + page.getTreeViewer().getStructuredSelection().getFirstElement());
		assertEquals(cellOfTableC + 2, ((ITextSelection) ((ITextEditor) editor).getSelectionProvider().getSelection()).getOffset(),
				"following the caret moved the caret");
		page.getTreeViewer().setSelection(new StructuredSelection(table), true);

		Path png = UiSupport.screenshot("outline.png");
		assertTrue(Files.size(png) > 1000);
	}

	private static Optional<Node> node(ReportOutlinePage page, String name) {
		return page.roots().stream().flatMap(OutlineTest::all).filter(n -> n.name().equals(name)).findFirst();
	}

	private static java.util.stream.Stream<Node> all(Node node) {
		return java.util.stream.Stream.concat(java.util.stream.Stream.of(node), node.children().stream().flatMap(OutlineTest::all));
	}

	private static List<String> texts(TreeItem item) {
		return item == null ? List.of() : java.util.Arrays.stream(item.getItems()).map(TreeItem::getText).toList();
	}

	private static TreeItem item(TreeItem parent, String text) {
		for (TreeItem child : parent.getItems()) {
			if (text.equals(child.getText())) {
				return child;
			}
		}
		return null;
	}

}
