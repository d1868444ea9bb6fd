package report.dsl.ui.tests;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
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
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
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
		return screenshot(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), name);
	}

	/** Saves a PNG of a window (the workbench's, a dialog's), as the screen shows it. */
	static Path screenshot(Shell shell, String name) throws IOException {
		spin(300);
		Display display = Display.getCurrent();
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

	/** What a test does with a dialog a command opens, while the command waits for it to close. */
	interface DialogDriver {
		void drive(Shell dialog) throws Exception;
	}

	/**
	 * Runs the action (which opens a modal dialog, the first visible shell that passes the test, and returns when it closes) with the driver working the
	 * dialog from inside the dialog's event loop, as a user would; a failure of the driver closes the dialog and is
	 * thrown here.
	 */
	static void withDialog(Predicate<Shell> which, DialogDriver driver, Runnable action) throws Exception {
		Display display = Display.getCurrent();
		Exception[] failed = { null };
		long end = System.currentTimeMillis() + 30_000;
		Runnable[] poll = { null };
		poll[0] = () -> {
			Shell dialog = Arrays.stream(display.getShells()).filter(s -> !s.isDisposed() && s.isVisible() && which.test(s))
					.findFirst().orElse(null);
			if (dialog == null) {
				if (System.currentTimeMillis() < end) {
					display.timerExec(100, poll[0]);
				}
				return;
			}
			try {
				driver.drive(dialog);
			} catch (Exception | AssertionError e) {
				failed[0] = e instanceof Exception exception ? exception : new Exception(e);
				if (!dialog.isDisposed()) {
					dialog.close();
				}
			}
		};
		display.timerExec(100, poll[0]);
		action.run();
		if (failed[0] != null) {
			throw failed[0];
		}
	}

	/** The widget of a window whose Widget.getData() is the key (how the dialogs mark their fields for tests). */
	static <T extends Control> T widget(Composite root, Object key, Class<T> type) {
		for (Control child : root.getChildren()) {
			if (type.isInstance(child) && key.equals(child.getData())) {
				return type.cast(child);
			}
			if (child instanceof Composite composite) {
				T found = widget(composite, key, type);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	/** Presses a button as a click does: its selection listeners run; a disabled button cannot be pressed. */
	static void press(Button button) {
		if (!button.isEnabled()) {
			throw new AssertionError("the button " + button.getText() + " is disabled");
		}
		button.notifyListeners(SWT.Selection, new Event());
	}

	/** Types text into a field as a user does: the text changes, then the last key is released (what validates it). */
	static void type(Text field, String text) {
		field.setFocus();
		field.setText(text);
		Event released = new Event();
		released.character = text.isEmpty() ? 0 : text.charAt(text.length() - 1);
		field.notifyListeners(SWT.KeyUp, released);
	}

	/** The OK (or other) button of a JFace dialog, which keeps the button's id as its data. */
	static Button button(Shell dialog, int id) {
		Button button = widget(dialog, Integer.valueOf(id), Button.class);
		if (button == null) {
			throw new AssertionError("no button " + id + " in " + dialog.getText());
		}
		return button;
	}
}
