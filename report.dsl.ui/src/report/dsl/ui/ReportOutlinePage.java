package report.dsl.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.IElementComparer;
import org.eclipse.jface.viewers.IPostSelectionProvider;
import org.eclipse.jface.viewers.ISelectionChangedListener;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.contentoutline.ContentOutlinePage;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.symbol.IDocumentSymbolService;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * The Outline of a report editor: the document symbols of the ide module ({@link IDocumentSymbolService}, names and kinds
 * from {@code report.dsl.ide.ReportOutline}) in a tree, recomputed shortly after edits; selecting a node selects it in the
 * editor, and moving the caret in the editor selects the innermost node around it.
 */
public class ReportOutlinePage extends ContentOutlinePage {

	/** Milliseconds after the last edit before the outline is recomputed. */
	static final int DELAY = 300;

	/** A node of the tree: a symbol and its path of names (its identity across refreshes, for the expansion state). */
	public record Node(DocumentSymbol symbol, String key, Node parent) {

		public String name() {
			return symbol.getName();
		}

		public List<Node> children() {
			List<Node> children = new ArrayList<>();
			if (symbol.getChildren() != null) {
				int i = 0;
				for (DocumentSymbol child : symbol.getChildren()) {
					children.add(new Node(child, key + "/" + child.getKind() + ":" + child.getName() + "#" + i++, this));
				}
			}
			return children;
		}

		/** The text shown: the name, with the value of a figure. */
		public String label() {
			String detail = symbol.getDetail();
			return symbol.getKind() == SymbolKind.Constant && detail != null && !detail.isEmpty() ? name() + " = " + detail : name();
		}
	}

	private final ITextEditor editor;
	private IDocument document;
	private List<Node> roots = List.of();
	private final IDocumentListener listener = new CoalescingDocumentListener(DELAY, this::refresh);
	private Runnable onDispose;
	private final ISelectionChangedListener caretListener = event -> {
		if (event.getSelection() instanceof ITextSelection caret) {
			followCaret(caret.getOffset());
		}
	};
	/** Set while the tree follows the caret, so that the tree's selection is not sent back to the editor. */
	private boolean followingCaret;

	public ReportOutlinePage(ITextEditor editor) {
		this.editor = editor;
	}

	void onDispose(Runnable action) {
		this.onDispose = action;
	}

	@Override
	public void createControl(Composite parent) {
		super.createControl(parent);
		TreeViewer viewer = getTreeViewer();
		viewer.setUseHashlookup(true);
		viewer.setComparer(new IElementComparer() {
			@Override
			public boolean equals(Object a, Object b) {
				return a instanceof Node x && b instanceof Node y ? x.key().equals(y.key()) : Objects.equals(a, b);
			}

			@Override
			public int hashCode(Object element) {
				return element instanceof Node node ? node.key().hashCode() : Objects.hashCode(element);
			}
		});
		viewer.setContentProvider(new ITreeContentProvider() {
			@Override
			public Object[] getElements(Object input) {
				return ((List<?>) input).toArray();
			}

			@Override
			public Object[] getChildren(Object element) {
				return ((Node) element).children().toArray();
			}

			@Override
			public Object getParent(Object element) {
				return ((Node) element).parent();
			}

			@Override
			public boolean hasChildren(Object element) {
				List<DocumentSymbol> children = ((Node) element).symbol().getChildren();
				return children != null && !children.isEmpty();
			}
		});
		viewer.setLabelProvider(new LabelProvider() {
			@Override
			public String getText(Object element) {
				return ((Node) element).label();
			}

			@Override
			public Image getImage(Object element) {
				ISharedImages images = PlatformUI.getWorkbench().getSharedImages();
				SymbolKind kind = ((Node) element).symbol().getKind();
				return images.getImage(kind == SymbolKind.File ? ISharedImages.IMG_OBJ_FILE
						: kind == SymbolKind.Namespace ? ISharedImages.IMG_OBJ_FOLDER : ISharedImages.IMG_OBJ_ELEMENT);
			}
		});
		if (editor.getDocumentProvider() != null) {
			document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		}
		if (document != null) {
			document.addDocumentListener(listener);
		}
		if (editor.getSelectionProvider() instanceof IPostSelectionProvider caret) {
			caret.addPostSelectionChangedListener(caretListener);
		}
		refresh();
		viewer.expandToLevel(2);
	}

	@Override
	public TreeViewer getTreeViewer() {
		return super.getTreeViewer();
	}

	/** The top-level nodes shown (for a report file: the report). */
	public List<Node> roots() {
		return roots;
	}

	/** Recomputes the symbols of the document now and shows them, keeping the expanded nodes expanded. */
	public void refresh() {
		TreeViewer viewer = getTreeViewer();
		if (viewer == null || viewer.getControl().isDisposed() || document == null) {
			return;
		}
		roots = compute(document);
		Control control = viewer.getControl();
		control.setRedraw(false);
		try {
			Object[] expanded = viewer.getExpandedElements();
			viewer.setInput(roots);
			viewer.setExpandedElements(expanded);
			if (expanded.length == 0) {
				viewer.expandToLevel(2);
			}
		} finally {
			control.setRedraw(true);
		}
	}

	/** The outline of a document's text: the language's document symbols, as nodes. */
	public static List<Node> compute(IDocument document) {
		String text = document.get();
		try {
			IFile file = ReportUi.fileOf(document);
			// the sibling files are not needed for names and ranges: parse the text alone
			XtextResource resource = ReportUi.load(ReportUi.newResourceSet(), ReportUi.uriOf(file), text);
			Document ide = new Document(1, text);
			IDocumentSymbolService service = ReportUi.injector().getInstance(IDocumentSymbolService.class);
			DocumentSymbolParams params = new DocumentSymbolParams(new TextDocumentIdentifier(resource.getURI().toString()));
			List<Node> nodes = new ArrayList<>();
			int i = 0;
			for (DocumentSymbol symbol : service.getSymbols(ide, resource, params, CancelIndicator.NullImpl)) {
				nodes.add(new Node(symbol, symbol.getKind() + ":" + symbol.getName() + "#" + i++, null));
			}
			return nodes;
		} catch (RuntimeException e) {
			return List.of();
		}
	}

	@Override
	public void selectionChanged(SelectionChangedEvent event) {
		super.selectionChanged(event);
		if (!followingCaret && event.getSelection() instanceof IStructuredSelection selection
				&& selection.getFirstElement() instanceof Node node) {
			reveal(node);
		}
	}

	/** Selects the innermost node whose range holds an offset of the document, unless it is selected already. */
	void followCaret(int offset) {
		TreeViewer viewer = getTreeViewer();
		Node around = innermost(roots, offset);
		if (viewer == null || viewer.getControl().isDisposed() || around == null
				|| viewer.getStructuredSelection().getFirstElement() instanceof Node selected && selected.key().equals(around.key())) {
			return;
		}
		followingCaret = true;
		try {
			viewer.setSelection(new StructuredSelection(around), true);
		} finally {
			followingCaret = false;
		}
	}

	private Node innermost(List<Node> nodes, int offset) {
		for (Node node : nodes) {
			var range = node.symbol().getRange();
			if (range != null && offset(range.getStart()) <= offset && offset <= offset(range.getEnd())) {
				Node inner = innermost(node.children(), offset);
				return inner != null ? inner : node;
			}
		}
		return null;
	}

	/** Selects and reveals a node's name (its selection range) in the editor. */
	public void reveal(Node node) {
		if (document == null) {
			return;
		}
		var range = node.symbol().getSelectionRange() != null ? node.symbol().getSelectionRange() : node.symbol().getRange();
		if (range == null) {
			return;
		}
		int start = offset(range.getStart());
		int end = Math.max(start, offset(range.getEnd()));
		editor.selectAndReveal(start, end - start);
	}

	private int offset(Position position) {
		try {
			int line = Math.min(position.getLine(), document.getNumberOfLines() - 1);
			int lineOffset = document.getLineOffset(line);
			return Math.min(lineOffset + position.getCharacter(), lineOffset + document.getLineLength(line));
		} catch (BadLocationException e) {
			return 0;
		}
	}

	@Override
	public void dispose() {
		if (document != null) {
			document.removeDocumentListener(listener);
		}
		if (editor.getSelectionProvider() instanceof IPostSelectionProvider caret) {
			caret.removePostSelectionChangedListener(caretListener);
		}
		if (onDispose != null) {
			onDispose.run();
		}
		super.dispose();
	}
}
