package report.dsl.ui;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.eclipse.jface.text.DefaultInformationControl;
import org.eclipse.jface.text.TextPresentation;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.graphics.Drawable;
import org.eclipse.swt.widgets.Display;

/**
 * Shows the language's markdown hovers (bold headings, paragraphs, bullet lists of rule outcomes) in the platform's
 * native hover control: commonmark parses the markdown, and its nodes become text with bold and italic ranges.
 */
public final class MarkdownHoverPresenter
		implements DefaultInformationControl.IInformationPresenter, DefaultInformationControl.IInformationPresenterExtension {

	private static final Parser PARSER = Parser.builder().build();

	@Override
	@Deprecated
	public String updatePresentation(Display display, String markdown, TextPresentation presentation, int maxWidth, int maxHeight) {
		return updatePresentation((Drawable) display, markdown, presentation, maxWidth, maxHeight);
	}

	@Override
	public String updatePresentation(Drawable drawable, String markdown, TextPresentation presentation, int maxWidth, int maxHeight) {
		Renderer renderer = new Renderer(presentation);
		PARSER.parse(markdown).accept(renderer);
		return renderer.text.toString().stripTrailing();
	}

	private static final class Renderer extends AbstractVisitor {

		private final StringBuilder text = new StringBuilder();
		private final TextPresentation presentation;

		Renderer(TextPresentation presentation) {
			this.presentation = presentation;
		}

		@Override
		public void visit(Text node) {
			text.append(node.getLiteral());
		}

		@Override
		public void visit(Code node) {
			text.append(node.getLiteral());
		}

		@Override
		public void visit(SoftLineBreak node) {
			text.append('\n');
		}

		@Override
		public void visit(HardLineBreak node) {
			text.append('\n');
		}

		@Override
		public void visit(StrongEmphasis node) {
			styled(node, SWT.BOLD);
		}

		@Override
		public void visit(Emphasis node) {
			styled(node, SWT.ITALIC);
		}

		@Override
		public void visit(Paragraph node) {
			block(node);
		}

		@Override
		public void visit(BulletList node) {
			block(node);
		}

		@Override
		public void visit(OrderedList node) {
			block(node);
		}

		@Override
		public void visit(ListItem node) {
			if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
				text.append('\n');
			}
			text.append("• ");
			for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
				if (child instanceof Paragraph paragraph) {
					visitChildren(paragraph); // a list item's paragraph stays on the bullet's line
				} else {
					child.accept(this);
				}
			}
		}

		/** A paragraph or a list: set apart from what comes before by an empty line, unless inside a list item. */
		private void block(Node node) {
			if (!text.isEmpty() && !(node.getParent() instanceof ListItem)) {
				text.append(text.charAt(text.length() - 1) == '\n' ? "\n" : "\n\n");
			}
			visitChildren(node);
		}

		private void styled(Node node, int fontStyle) {
			int start = text.length();
			visitChildren(node);
			if (presentation != null && text.length() > start) {
				presentation.mergeStyleRange(new StyleRange(start, text.length() - start, null, null, fontStyle));
			}
		}
	}
}
