package report.dsl.ui.tests;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.texteditor.ITextEditor;

import report.dsl.ui.ReportAnnotation;

/** Helpers of the UI tests: example files, workspace projects, waiting for the reconciler, screenshots. */
final class UiSupport {

	static final String EXAMPLE = "000-liaocheng-jiguanshiwu-2023.report";

	private UiSupport() {
	}

	static String example(String name) throws IOException {
		String folder = System.getProperty("report.examples", "../examples");
		return Files.readString(Path.of(folder, name), StandardCharsets.UTF_8);
	}

	static IProject project(String name) throws CoreException {
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
		if (!project.exists()) {
			project.create(null);
		}
		project.open(null);
		return project;
	}

	static IFile file(IProject project, String name, String content) throws CoreException {
		IFile file = project.getFile(name);
		ByteArrayInputStream in = new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
		if (file.exists()) {
			file.setContents(in, true, false, null);
		} else {
			file.create(in, true, null);
		}
		file.setCharset("UTF-8", null);
		return file;
	}

	/** Gives the workbench window the whole (virtual) screen, so screenshots show it all. */
	static void fillScreen() {
		Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
		shell.setBounds(Display.getCurrent().getPrimaryMonitor().getBounds());
		spin(200);
	}

	static IWorkbenchPage page() {
		return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
	}

	static IDocument document(IEditorPart editor) {
		ITextEditor text = (ITextEditor) editor;
		return text.getDocumentProvider().getDocument(text.getEditorInput());
	}

	static IAnnotationModel annotations(IEditorPart editor) {
		ITextEditor text = (ITextEditor) editor;
		return text.getDocumentProvider().getAnnotationModel(text.getEditorInput());
	}

	static List<ReportAnnotation> reportAnnotations(IEditorPart editor) {
		List<ReportAnnotation> found = new ArrayList<>();
		IAnnotationModel model = annotations(editor);
		if (model == null) {
			return found;
		}
		for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
			if (it.next() instanceof ReportAnnotation a && !a.isMarkedDeleted()) {
				found.add(a);
			}
		}
		return found;
	}

	/** Processes UI events until the condition holds or the time is up; returns whether it holds. */
	static boolean waitUntil(BooleanSupplier condition, long millis) {
		Display display = Display.getCurrent();
		long end = System.currentTimeMillis() + millis;
		while (System.currentTimeMillis() < end) {
			if (condition.getAsBoolean()) {
				return true;
			}
			if (!display.readAndDispatch()) {
				display.timerExec(20, () -> { });
				display.sleep();
			}
		}
		return condition.getAsBoolean();
	}

	static void spin(long millis) {
		waitUntil(() -> false, millis);
	}

	/** The offset of the n-th number (0-based) on the line of a row of a table body, e.g. row "四:" in Table B. */
	static int cell(String text, String rowLabelRegex, int column) {
		Matcher m = Pattern.compile("(?m)^\\s*" + rowLabelRegex + "\\s*[:：]((?:\\s+\\d+)+)").matcher(text);
		if (!m.find()) {
			throw new AssertionError("no row " + rowLabelRegex);
		}
		Matcher n = Pattern.compile("\\d+").matcher(m.group(1));
		for (int i = 0; i <= column; i++) {
			if (!n.find()) {
				throw new AssertionError("no column " + column);
			}
		}
		return m.start(1) + n.start();
	}

	/** Saves a PNG of the active workbench window, as the screen shows it. */
	static Path screenshot(String name) throws IOException {
		spin(300);
		Display display = Display.getCurrent();
		Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
		shell.redraw();
		shell.update();
		Rectangle bounds = shell.getBounds();
		Image image = new Image(display, bounds.width, bounds.height);
		GC gc = new GC(display);
		try {
			gc.copyArea(image, bounds.x, bounds.y);
		} finally {
			gc.dispose();
		}
		Path folder = Path.of(System.getProperty("report.screenshots", "target/screenshots"));
		Files.createDirectories(folder);
		Path file = folder.resolve(name);
		ImageLoader loader = new ImageLoader();
		loader.data = new ImageData[] { image.getImageData() };
		loader.save(file.toString(), SWT.IMAGE_PNG);
		image.dispose();
		return file;
	}
}
