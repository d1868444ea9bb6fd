package report.dsl.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.reconciler.DirtyRegion;
import org.eclipse.jface.text.reconciler.IReconcilingStrategy;
import org.eclipse.jface.text.reconciler.IReconcilingStrategyExtension;
import org.eclipse.jface.text.reconciler.MonoReconciler;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.IAnnotationModelExtension;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.validation.Issue;

/**
 * Parses and checks the document after every edit: shows the issues as error/warning annotations and colours the
 * names by what they resolve to.
 */
public class ReportReconciler extends MonoReconciler {

	/** How many times any report editor was checked (lets tests wait for a run). */
	public static final AtomicInteger RUNS = new AtomicInteger();

	public ReportReconciler() {
		this(new Strategy());
	}

	private ReportReconciler(Strategy strategy) {
		super(strategy, false);
		setDelay(300);
	}

	@Override
	public void install(ITextViewer viewer) {
		Strategy strategy = (Strategy) getReconcilingStrategy(IDocument.DEFAULT_CONTENT_TYPE);
		strategy.viewer = viewer;
		strategy.highlighter = new SemanticHighlighter(viewer);
		super.install(viewer);
	}

	@Override
	public void uninstall() {
		super.uninstall();
		Strategy strategy = (Strategy) getReconcilingStrategy(IDocument.DEFAULT_CONTENT_TYPE);
		strategy.highlighter.dispose();
	}

	static final class Strategy implements IReconcilingStrategy, IReconcilingStrategyExtension {

		ITextViewer viewer;
		SemanticHighlighter highlighter;
		private IDocument document;

		@Override
		public void setDocument(IDocument document) {
			this.document = document;
		}

		@Override
		public void reconcile(DirtyRegion dirtyRegion, IRegion subRegion) {
			check();
		}

		@Override
		public void reconcile(IRegion partition) {
			check();
		}

		@Override
		public void setProgressMonitor(org.eclipse.core.runtime.IProgressMonitor monitor) {
		}

		@Override
		public void initialReconcile() {
			check();
		}

		private void check() {
			IDocument doc = document;
			if (doc == null || !(viewer instanceof ISourceViewer sourceViewer)) {
				return;
			}
			IAnnotationModel model = sourceViewer.getAnnotationModel();
			if (model == null) {
				return;
			}
			String text = doc.get();
			List<Issue> issues;
			List<SemanticHighlighter.Highlight> highlights;
			try {
				XtextResource resource = ReportUi.parse(text, ReportUi.fileOf(doc));
				issues = ReportUi.validate(resource);
				highlights = SemanticHighlighter.compute(resource);
			} catch (RuntimeException e) {
				issues = List.of();
				highlights = List.of();
			}
			if (!text.equals(doc.get())) {
				return; // edited meanwhile: the next run shows the issues
			}
			Map<Annotation, Position> added = new HashMap<>();
			for (Issue issue : issues) {
				if (issue.getOffset() == null) {
					continue;
				}
				ReportAnnotation annotation = new ReportAnnotation(issue);
				int offset = Math.min(annotation.getOffset(), text.length());
				int length = Math.min(annotation.getLength(), text.length() - offset);
				added.put(annotation, new Position(offset, length));
			}
			List<Annotation> removed = new ArrayList<>();
			for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
				Annotation annotation = it.next();
				if (annotation instanceof ReportAnnotation) {
					removed.add(annotation);
				}
			}
			if (model instanceof IAnnotationModelExtension extension) {
				extension.replaceAnnotations(removed.toArray(new Annotation[0]), added);
			} else {
				removed.forEach(model::removeAnnotation);
				added.forEach(model::addAnnotation);
			}
			highlighter.show(text, highlights);
			RUNS.incrementAndGet();
		}
	}
}
