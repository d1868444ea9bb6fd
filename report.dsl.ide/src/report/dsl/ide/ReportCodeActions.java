package report.dsl.ide;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.ILanguageServerAccess;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;

import report.dsl.validation.IssueCodes;

/**
 * Quick fixes keyed on the checker's issue codes and built from the issue data: set a cell to the value
 * that balances its rule, write a summary's cell as the sum of its parts, write the number a binding shows, bind a typed number (to the cell its wording restates), renumber a heading,
 * add a missing part, write the ASCII form of a full-width character, drop a stray separator, escape
 * brackets that are text.
 */
public class ReportCodeActions implements ICodeActionService2 {

	private static final Pattern HEADING_NUMBER = Pattern.compile("^(\"\\s*)([一二三四五六七八九十]+|[0-9０-９]+)\\s*[、.．]\\s*");

	@Override
	public List<Either<Command, CodeAction>> getCodeActions(Options options) {
		List<Either<Command, CodeAction>> actions = new ArrayList<>();
		Document document = document(options);
		for (Diagnostic diagnostic : options.getCodeActionParams().getContext().getDiagnostics()) {
			String code = diagnostic.getCode() == null ? null : diagnostic.getCode().getLeft();
			IssueData issue = IssueData.of(diagnostic.getData());
			if (code == null || issue == null || issue.offset() < 0 || issue.offset() + issue.length() > document.getContents().length()) {
				continue;
			}
			// the region the checker marked, in this document: clients echo ranges in their own units (Neovim 0.7: bytes)
			diagnostic.setRange(new Range(document.getPosition(issue.offset()), document.getPosition(issue.offset() + issue.length())));
			List<String> data = issue.values();
			String uri = options.getCodeActionParams().getTextDocument().getUri();
			switch (code) {
				case IssueCodes.STATED_MISMATCH -> {
					if (!data.isEmpty()) {
						actions.add(fix("改为 " + data.get(0) + "（与绑定的数值一致）", diagnostic, uri, diagnostic.getRange(), data.get(0)));
					}
				}
				case IssueCodes.LITERAL_NUMBER -> {
					for (String reference : data) {
						actions.add(fix("改写为绑定 [" + reference + "]", diagnostic, uri, diagnostic.getRange(), "[" + reference + "]"));
					}
				}
				case IssueCodes.PHRASE_MISMATCH -> {
					if (!data.isEmpty()) {
						actions.add(fix("改写为绑定 [" + data.get(0) + "]（这句话所说的数值）", diagnostic, uri, diagnostic.getRange(),
								"[" + data.get(0) + "]"));
					}
				}
				case IssueCodes.AGGREGATE_MISMATCH -> {
					if (!data.isEmpty()) {
						actions.add(fix("改为 " + data.get(0) + "（各部分之和）", diagnostic, uri, diagnostic.getRange(), data.get(0)));
					}
				}
				case IssueCodes.CHANGE_DIRECTION -> {
					if (!data.isEmpty()) {
						actions.add(fix("改为「" + data.get(0) + "」", diagnostic, uri, diagnostic.getRange(), data.get(0)));
					}
				}
				case IssueCodes.HEADING_NUMBER -> {
					String heading = text(document, diagnostic.getRange());
					Matcher matcher = HEADING_NUMBER.matcher(heading);
					if (!data.isEmpty() && matcher.find()) {
						actions.add(fix("标题编号改为「" + data.get(0) + "」", diagnostic, uri, diagnostic.getRange(),
								matcher.group(1) + data.get(0) + heading.substring(matcher.end())));
					}
				}
				case IssueCodes.MISSING_PART -> {
					// data: the part's key and the offset where the report type's order puts it
					if (data.size() == 2 && data.get(1).matches("\\d{1,9}") && Integer.parseInt(data.get(1)) <= document.getContents().length()) {
						Position at = document.getPosition(Integer.parseInt(data.get(1)));
						String before = document.getContents().substring(document.getOffSet(new Position(at.getLine(), 0)),
								Integer.parseInt(data.get(1)));
						String part = "部分 " + data.get(0) + " {\n\t\t\"\"\n\t}\n";
						String text = before.isBlank() && !before.isEmpty() ? part + before : "\t" + part;
						actions.add(fix("添加部分「" + data.get(0) + "」", diagnostic, uri, new Range(at, at), text));
					}
				}
				case IssueCodes.INPUT_FORM, IssueCodes.STRAY_IN_ROW -> {
					if (!data.isEmpty()) {
						String shown = data.get(0).isBlank() ? "删除「" + text(document, diagnostic.getRange()) + "」" : "改为「" + data.get(0) + "」";
						actions.add(fix(shown, diagnostic, uri, diagnostic.getRange(), data.get(0)));
					}
				}
				case IssueCodes.BRACKETED_TEXT -> {
					// the diagnostic marks the number; the brackets around it become literal
					int start = document.getOffSet(diagnostic.getRange().getStart()) - 1;
					int end = document.getOffSet(diagnostic.getRange().getEnd()) + 1;
					String contents = document.getContents();
					if (!data.isEmpty() && start >= 0 && end <= contents.length() && contents.charAt(start) == '['
							&& contents.charAt(end - 1) == ']') {
						actions.add(fix("改写为「" + data.get(0) + "」（正文里的方括号）", diagnostic, uri,
								new Range(document.getPosition(start), document.getPosition(end)), data.get(0)));
					}
				}
				default -> {
					// a balance rule of the report type: data is [rule code, value that balances the marked cell]
					if (data.size() == 2 && data.get(0).equals(code)) {
						actions.add(fix("改为 " + data.get(1) + "（使规则" + code + "成立）", diagnostic, uri, diagnostic.getRange(),
								data.get(1)));
					}
				}
			}
		}
		return actions;
	}

	/** Xtext 2.42 passes the document only through the server's read access. */
	private static Document document(Options options) {
		return options.getDocument() != null ? options.getDocument()
				: options.getLanguageServerAccess().doSyncRead(options.getURI(), ILanguageServerAccess.Context::getDocument);
	}

	private static Either<Command, CodeAction> fix(String title, Diagnostic diagnostic, String uri, Range range, String newText) {
		CodeAction action = new CodeAction(title);
		action.setKind(CodeActionKind.QuickFix);
		action.setDiagnostics(List.of(diagnostic));
		action.setIsPreferred(Boolean.TRUE);
		action.setEdit(new WorkspaceEdit(Map.of(uri, List.of(new TextEdit(range, newText)))));
		return Either.forRight(action);
	}

	private static String text(Document document, Range range) {
		return document.getContents().substring(document.getOffSet(range.getStart()), document.getOffSet(range.getEnd()));
	}
}
