package report.dsl.ui;

import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.Path;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.common.util.WrappedException;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.hyperlink.AbstractHyperlinkDetector;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.eclipse.lsp4j.Location;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.xtext.CrossReference;
import org.eclipse.xtext.findReferences.IReferenceFinder;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolService;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.concurrent.IUnitOfWork;

/**
 * Ctrl+click on a name: the language server's definitions (a bound value goes to where its number is written,
 * a figure to its declaration, 上年报告 to last year's report), in this editor or in the file that holds them.
 */
public class ReportHyperlinkDetector extends AbstractHyperlinkDetector {

	@Override
	public IHyperlink[] detectHyperlinks(ITextViewer viewer, IRegion region, boolean canShowMultipleHyperlinks) {
		ITextEditor editor = getAdapter(ITextEditor.class);
		if (editor == null || !ReportUi.isReport(editor)) {
			return null;
		}
		List<Definition> definitions = definitions(viewer, region.getOffset());
		return definitions.isEmpty() ? null : definitions.toArray(IHyperlink[]::new);
	}

	/** A definition as a hyperlink from the name under the mouse, in the viewer's own document or in another file. */
	public record Definition(IRegion getHyperlinkRegion, Location location, ITextViewer viewer, String documentUri) implements IHyperlink {

		@Override
		public String getTypeLabel() {
			return null;
		}

		@Override
		public String getHyperlinkText() {
			return "Go to definition";
		}

		@Override
		public void open() {
			if (location.getUri().equals(documentUri)) {
				IRegion target = ReportUi.region(new Document(1, viewer.getDocument().get()), location.getRange());
				viewer.setSelectedRange(target.getOffset(), target.getLength());
				viewer.revealRange(target.getOffset(), target.getLength());
				return;
			}
			URI uri = URI.createURI(location.getUri());
			if (!uri.isPlatformResource()) {
				return;
			}
			IFile file = ResourcesPlugin.getWorkspace().getRoot().getFile(new Path(uri.toPlatformString(true)));
			try {
				IEditorPart editor = IDE.openEditor(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage(), file);
				if (editor instanceof ITextEditor text) {
					IDocument shown = text.getDocumentProvider().getDocument(text.getEditorInput());
					IRegion target = ReportUi.region(new Document(1, shown.get()), location.getRange());
					text.selectAndReveal(target.getOffset(), target.getLength());
				}
			} catch (PartInitException e) {
				PlatformUI.getWorkbench().getDisplay().beep();
			}
		}
	}

	/** The definitions of the name at an offset of a report editor's document, each linked from that whole name. */
	public static List<Definition> definitions(ITextViewer viewer, int offset) {
		XtextResource resource = ReportUi.parse(viewer.getDocument());
		INode name = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset);
		while (name != null && !(name.getGrammarElement() instanceof CrossReference)) {
			name = name.getParent();
		}
		if (name == null) {
			return List.of();
		}
		IRegion region = new Region(name.getOffset(), name.getLength());
		String documentUri = resource.getURI().toString();
		List<? extends Location> locations = ReportUi.injector().getInstance(DocumentSymbolService.class).getDefinitions(resource, offset,
				new ResourceSetAccess(resource.getResourceSet()), CancelIndicator.NullImpl);
		return locations.stream().map(location -> new Definition(region, location, viewer, documentUri)).toList();
	}

	/** Reads other files through the resource set the editor's text was parsed into (with its sibling reports). */
	private record ResourceSetAccess(ResourceSet resourceSet) implements IReferenceFinder.IResourceAccess {

		@Override
		public <R> R readOnly(URI targetURI, IUnitOfWork<R, ResourceSet> work) {
			try {
				return work.exec(resourceSet);
			} catch (Exception e) {
				throw new WrappedException(e);
			}
		}
	}
}
