package report.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.emf.common.notify.Adapter;
import org.eclipse.emf.common.util.URI;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.xtext.ide.server.WorkspaceManager;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.testing.AbstractLanguageServerTest;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.StringInputStream;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.google.inject.Inject;
import com.google.inject.Injector;
import com.google.inject.Module;

import report.dsl.ide.ReportIdeSetup;
import report.dsl.report.Report;
import report.dsl.report.ReportFile;

/**
 * The language server edits an open document in place: an edit reparses the part of the tree around it and checks
 * again only the reports whose text changed, and the diagnostics are those of the whole text parsed and checked afresh.
 */
class EditInPlaceTest extends AbstractLanguageServerTest {

	private static final Pattern REPORT_NAME = Pattern.compile("(?m)^报告 (\\S+) 遵循");
	private static final Injector LANGUAGE = new ReportIdeSetup().createInjectorAndDoEMFRegistration();

	@Inject
	private WorkspaceManager workspace;

	private String uri;
	private String text;
	private int version = 1;

	EditInPlaceTest() {
		super("report");
	}

	@Override
	protected Module getServerModule() {
		return LanguageServerTest.serverModule(binder -> binder.requestInjection(this));
	}

	/** Three copies of example 003 under their own names in one document; the second has a balance error. */
	@BeforeEach
	void openADocumentOfThreeReports() throws Exception {
		initialize();
		String example = Files.readString(Path.of("..", "examples", "003-liaocheng-kaifaqu-2023.report"));
		StringBuilder reports = new StringBuilder();
		for (int i = 0; i < 3; i++) {
			Matcher name = REPORT_NAME.matcher(example);
			name.find();
			String report = name.replaceFirst(Matcher.quoteReplacement("报告 " + name.group(1) + "_" + i + " 遵循"));
			reports.append(i == 1 ? report.replaceFirst("(三\\.一:\\s+)14", "$113") : report).append('\n');
		}
		text = reports.toString();
		uri = writeFile("reports.report", text);
		open(uri, text);
	}

	@Test
	void everyEditGivesTheDiagnosticsOfTheTextCheckedAfresh() {
		assertFresh();
		replace(text.lastIndexOf("14", text.indexOf('\n', lastIndexOf("三.一:"))), 2, "15"); // an error in the third report
		assertFresh();
		replace(text.indexOf("{", text.indexOf("_1 遵循")) + 1, 0, "\n\t// 一行注释\n\n"); // moves the second and third down
		assertFresh();
		int brace = text.lastIndexOf("}", text.indexOf("_1 遵循"));
		replace(brace, 1, ""); // the first report left open: a syntax error
		assertFresh();
		replace(brace, 0, "}");
		assertFresh();
		int third = text.indexOf("_2 遵循");
		replace(third - 1, 1, "1"); // the third report takes the second's name
		assertFresh();
		replace(third - 1, 1, "2");
		replace(text.indexOf("年度 2023", third), "年度 2023".length(), "年度 2024"); // the third's dates no longer fit its year
		assertFresh();
	}

	@Test
	void anEditOfOneReportReparsesAndChecksThatReportOnly() throws Exception {
		List<Report> before = reports();
		List<List<Adapter>> checkedBefore = before.stream().map(r -> List.copyOf(r.eAdapters())).toList();
		replace(text.lastIndexOf("14", text.indexOf('\n', lastIndexOf("三.一:"))), 2, "15");
		List<Report> after = reports();
		for (int i = 0; i < 2; i++) {
			assertSame(before.get(i), after.get(i), "report " + i + " was parsed again");
			Assertions.assertEquals(checkedBefore.get(i), List.copyOf(after.get(i).eAdapters()), "report " + i + " was checked again");
		}
		assertNotEquals(checkedBefore.get(2), List.copyOf(after.get(2).eAdapters()), "the edited report keeps its old findings");
	}

	private int lastIndexOf(String fragment) {
		return text.lastIndexOf(fragment);
	}

	/** The edit as an editor sends it, a range and its new text, and the diagnostics it brings. */
	private void replace(int offset, int length, String replacement) {
		Range range = new Range(position(offset), position(offset + length));
		text = text.substring(0, offset) + replacement + text.substring(offset + length);
		languageServer.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, ++version),
				List.of(new TextDocumentContentChangeEvent(range, replacement))));
	}

	private Position position(int offset) {
		int line = (int) text.substring(0, offset).chars().filter(c -> c == '\n').count();
		return new Position(line, offset - (text.lastIndexOf('\n', offset - 1) + 1));
	}

	/** The document's reports as the server holds them, once it has built what was sent before. */
	private List<Report> reports() throws Exception {
		languageServer.documentSymbol(new DocumentSymbolParams(new TextDocumentIdentifier(uri))).get(); // a read waits for the build
		return workspace.doRead(URI.createURI(uri), (document, resource) -> List.copyOf(((ReportFile) resource.getContents().get(0)).getReports()));
	}

	/** The published diagnostics are those of the same text loaded into a new resource set and checked there. */
	private void assertFresh() {
		XtextResourceSet resources = LANGUAGE.getInstance(XtextResourceSet.class);
		XtextResource fresh = (XtextResource) resources.createResource(URI.createURI(uri));
		try {
			fresh.load(new StringInputStream(text), null);
		} catch (IOException e) {
			throw new AssertionError(e);
		}
		List<String> expected = LANGUAGE.getInstance(IResourceValidator.class).validate(fresh, CheckMode.ALL, CancelIndicator.NullImpl).stream()
				.map(issue -> issue.getCode() + " " + (issue.getLineNumber() - 1) + ":" + (issue.getColumn() - 1) + "-"
						+ (issue.getLineNumberEnd() - 1) + ":" + (issue.getColumnEnd() - 1) + " " + issue.getMessage())
				.toList();
		List<String> published = getDiagnostics().get(uri).stream()
				.map(d -> d.getCode().getLeft() + " " + d.getRange().getStart().getLine() + ":" + d.getRange().getStart().getCharacter() + "-"
						+ d.getRange().getEnd().getLine() + ":" + d.getRange().getEnd().getCharacter() + " " + d.getMessage().getLeft())
				.toList();
		Assertions.assertEquals(String.join("\n", expected), String.join("\n", published));
	}
}
