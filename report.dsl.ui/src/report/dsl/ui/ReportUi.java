package report.dsl.ui;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.Region;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;
import org.eclipse.xtext.resource.IResourceFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.Modules2;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.name.Names;

import report.dsl.ReportRuntimeModule;
import report.dsl.batch.ReportFormatting;
import report.dsl.generator.ReportPublisher;
import report.dsl.ide.IssueData;
import report.dsl.ide.ReportIdeModule;
import report.dsl.ide.ReportIdeSetup;

/** The language, in-process: one injector per workbench, parsing and checking editor documents. */
public final class ReportUi {

	public static final String PLUGIN_ID = "report.dsl.ui";
	public static final String CONTENT_TYPE = "report.dsl.ui.report";
	public static final String EDITOR_ID = "org.eclipse.ui.genericeditor.GenericEditor";
	public static final String EXTENSION = "report";

	private static Injector injector;

	private ReportUi() {
	}

	public static synchronized Injector injector() {
		if (injector == null) {
			injector = new ReportIdeSetup() {
				@Override
				public Injector createInjector() {
					// the document outputs (docx, xlsx, pdf) are jars on this bundle's class path, invisible to the language bundle's
					return Guice.createInjector(Modules2.mixin(new ReportRuntimeModule(), new ReportIdeModule(),
							binder -> binder.bind(ClassLoader.class).annotatedWith(Names.named(ReportPublisher.DOCUMENT_OUTPUTS))
									.toInstance(ReportUi.class.getClassLoader())));
				}
			}.createInjectorAndDoEMFRegistration();
		}
		return injector;
	}

	/** The workspace file a document is open from, if any. */
	public static IFile fileOf(IDocument document) {
		if (document == null) {
			return null;
		}
		ITextFileBuffer buffer = FileBuffers.getTextFileBufferManager().getTextFileBuffer(document);
		if (buffer == null) {
			return null;
		}
		IPath location = buffer.getLocation();
		if (location == null) {
			return null;
		}
		IResource resource = ResourcesPlugin.getWorkspace().getRoot().findMember(location);
		return resource instanceof IFile file ? file : null;
	}

	/** Whether an editor shows a report file (the generic editor serves other content types too). */
	public static boolean isReport(ITextEditor editor) {
		IEditorInput input = editor.getEditorInput();
		if (input == null) {
			return false;
		}
		IFile file = input.getAdapter(IFile.class);
		if (file != null) {
			return ReportUi.EXTENSION.equals(file.getFileExtension());
		}
		String name = input.getName();
		return name != null && name.endsWith("." + ReportUi.EXTENSION);
	}

	public static URI uriOf(IFile file) {
		return file == null ? URI.createURI("inmemory:/document." + EXTENSION)
				: URI.createPlatformResourceURI(file.getFullPath().toString(), true);
	}

	public static XtextResourceSet newResourceSet() {
		XtextResourceSet set = injector().getInstance(XtextResourceSet.class);
		// the report type library is a resource of the language bundle: resolve classpath: URIs there
		set.setClasspathURIContext(report.dsl.scoping.ReportTypeLibrary.class.getClassLoader());
		return set;
	}

	/** Parses text into a fresh resource set, together with the sibling report files of the file (for cross-year checks). */
	public static XtextResource parse(String text, IFile file) {
		XtextResourceSet set = newResourceSet();
		XtextResource resource = load(set, uriOf(file), text);
		if (file != null) {
			loadSiblings(set, file);
		}
		return resource;
	}

	public static XtextResource parse(IDocument document) {
		return parse(document.get(), fileOf(document));
	}

	static void loadSiblings(XtextResourceSet set, IFile file) {
		IContainer parent = file.getParent();
		try {
			for (IResource member : parent.members()) {
				if (member instanceof IFile sibling && !sibling.equals(file) && EXTENSION.equals(sibling.getFileExtension())
						&& set.getResource(uriOf(sibling), false) == null) {
					load(set, uriOf(sibling), read(sibling));
				}
			}
		} catch (CoreException e) {
			// siblings are a bonus: without them a cross-year check has nothing to compare with
		}
	}

	/** A file's bytes: the language decodes them as it decodes every file it loads (UTF-8 or one error saying not). */
	static byte[] read(IFile file) throws CoreException {
		try (InputStream in = file.getContents(true)) {
			return in.readAllBytes();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static XtextResource load(XtextResourceSet set, URI uri, String text) {
		return load(set, uri, text.getBytes(StandardCharsets.UTF_8));
	}

	static XtextResource load(XtextResourceSet set, URI uri, byte[] bytes) {
		XtextResource resource = (XtextResource) injector().getInstance(IResourceFactory.class).createResource(uri);
		set.getResources().add(resource);
		try {
			resource.load(new ByteArrayInputStream(bytes), Map.of());
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return resource;
	}

	public static List<Issue> validate(Resource resource) {
		return injector().getInstance(IResourceValidator.class).validate(resource, CheckMode.ALL, CancelIndicator.NullImpl);
	}

	/** The formatted text of a document, or nothing when it has syntax errors. */
	public static Optional<String> format(String text, IFile file) {
		XtextResource resource = parse(text, file);
		return injector().getInstance(ReportFormatting.class).format(resource);
	}

	/** Formats a document in place; true when it changed. */
	public static boolean format(IDocument document) throws BadLocationException {
		Optional<String> formatted = format(document.get(), fileOf(document));
		if (formatted.isPresent() && !formatted.get().equals(document.get())) {
			document.replace(0, document.getLength(), formatted.get());
			return true;
		}
		return false;
	}

	// ------------------------------------------------------------------ quick fixes

	/** A quick fix: a title and the edits to apply to the document. */
	public record Fix(String title, List<TextEdit> edits, String code) {

		public void apply(IDocument document) throws BadLocationException {
			Document ide = new Document(1, document.get());
			List<IRegion> regions = new ArrayList<>();
			for (TextEdit edit : edits) {
				regions.add(region(ide, edit.getRange()));
			}
			// apply from the end so that earlier offsets stay valid
			for (int i = edits.size() - 1; i >= 0; i--) {
				IRegion region = regions.get(i);
				document.replace(region.getOffset(), region.getLength(), edits.get(i).getNewText());
			}
		}
	}

	/** An LSP range of the services as offsets of the text they were given. */
	public static IRegion region(Document text, Range range) {
		int start = text.getOffSet(range.getStart());
		return new Region(start, text.getOffSet(range.getEnd()) - start);
	}

	/** The quick fixes of the language's code actions for the issues that touch [offset, offset + length]. */
	public static List<Fix> quickFixes(IDocument document, int offset, int length) {
		String text = document.get();
		IFile file = fileOf(document);
		XtextResource resource = parse(text, file);
		Document ide = new Document(1, text);
		List<Diagnostic> diagnostics = new ArrayList<>();
		for (Issue issue : validate(resource)) {
			if (issue.getOffset() == null || issue.getCode() == null) {
				continue;
			}
			int start = issue.getOffset();
			int end = start + (issue.getLength() == null ? 0 : issue.getLength());
			if (end < offset || start > offset + length) {
				continue;
			}
			diagnostics.add(toDiagnostic(issue, ide));
		}
		List<Fix> fixes = new ArrayList<>();
		if (diagnostics.isEmpty()) {
			return fixes;
		}
		String uri = resource.getURI().toString();
		ICodeActionService2.Options options = new ICodeActionService2.Options();
		options.setDocument(ide);
		options.setResource(resource);
		options.setURI(uri);
		options.setCancelIndicator(CancelIndicator.NullImpl);
		options.setCodeActionParams(new CodeActionParams(new TextDocumentIdentifier(uri),
				new Range(ide.getPosition(offset), ide.getPosition(offset + length)), new CodeActionContext(diagnostics)));
		for (Either<Command, CodeAction> action : injector().getInstance(ICodeActionService2.class).getCodeActions(options)) {
			if (action.isRight() && action.getRight().getEdit() != null && action.getRight().getEdit().getChanges() != null) {
				List<TextEdit> edits = new ArrayList<>();
				action.getRight().getEdit().getChanges().values().forEach(edits::addAll);
				List<Diagnostic> fixed = action.getRight().getDiagnostics();
				String code = fixed == null || fixed.isEmpty() || fixed.get(0).getCode() == null ? null
						: fixed.get(0).getCode().getLeft();
				fixes.add(new Fix(action.getRight().getTitle(), edits, code));
			}
		}
		return fixes;
	}

	static Diagnostic toDiagnostic(Issue issue, Document ide) {
		int start = issue.getOffset();
		int end = start + (issue.getLength() == null ? 0 : issue.getLength());
		Diagnostic diagnostic = new Diagnostic(new Range(ide.getPosition(start), ide.getPosition(Math.min(end, ide.getContents().length()))),
				issue.getMessage());
		diagnostic.setSeverity(issue.getSeverity() == Severity.ERROR ? DiagnosticSeverity.Error
				: issue.getSeverity() == Severity.WARNING ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information);
		diagnostic.setCode(issue.getCode());
		// the same data as the language server sends: the code actions build their edits from its region
		diagnostic.setData(IssueData.from(issue));
		return diagnostic;
	}
}
