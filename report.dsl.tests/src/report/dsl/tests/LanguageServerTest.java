package report.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Diagnostic;
import report.dsl.ide.ReportServerModule;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SemanticTokensLegend;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.xtext.resource.IResourceServiceProvider;
import org.eclipse.xtext.resource.impl.ResourceServiceProviderRegistryImpl;
import org.eclipse.xtext.testing.AbstractLanguageServerTest;
import org.eclipse.xtext.util.Modules2;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.google.inject.Module;

import report.dsl.ide.ReportIdeSetup;
import report.dsl.validation.IssueCodes;

/** The language server as an editor sees it: diagnostics while typing, hover, quick fixes, outline, and the rest. */
class LanguageServerTest extends AbstractLanguageServerTest {

	private static final Path EXAMPLE = Path.of("..", "examples", "000-liaocheng-jiguanshiwu-2023.report");

	private String text;
	private String uri;
	private String current;
	private ServerCapabilities capabilities;

	LanguageServerTest() {
		super("report");
	}

	@Override
	protected Module getServerModule() {
		return serverModule(binder -> {
		});
	}

	/** The language's own server; OSGi hides the ServiceLoader registration of the language, so register it directly. */
	static Module serverModule(Module more) {
		return Modules2.mixin(new ReportServerModule(), binder -> {
			ResourceServiceProviderRegistryImpl registry = new ResourceServiceProviderRegistryImpl();
			registry.getExtensionToFactoryMap().put("report",
					new ReportIdeSetup().createInjectorAndDoEMFRegistration().getInstance(IResourceServiceProvider.class));
			binder.bind(IResourceServiceProvider.Registry.class).toInstance(registry);
		}, more);
	}

	@BeforeEach
	void openAReportWithABalanceError() throws Exception {
		capabilities = initialize().getCapabilities();
		text = Files.readString(EXAMPLE).replaceFirst("四:(\\s+)1 0 0 0 0 0 1", "四:$10 0 0 0 0 0 1");
		uri = writeFile("report.report", text);
		show(text);
	}

	@Test
	void diagnosticsArriveAtTheCellWithTheRulesCode() {
		List<Diagnostic> diagnostics = getDiagnostics().get(uri);
		Assertions.assertEquals(List.of("B1", "B3"), diagnostics.stream().map(d -> d.getCode().getLeft()).toList());
		Diagnostic b1 = diagnostics.get(0);
		Assertions.assertEquals(at("四:"), b1.getRange().getStart().getLine());
		Assertions.assertEquals("0", slice(b1.getRange().getStart(), b1.getRange().getEnd()));
	}

	@Test
	void aDocumentWithCarriageReturnLineEndsGetsTheSameDiagnostics() {
		List<Diagnostic> lf = getDiagnostics().get(uri);
		show(text.replace("\n", "\r"));
		Assertions.assertEquals(lf.stream().map(d -> d.getCode().getLeft() + " " + d.getRange()).toList(),
				getDiagnostics().get(uri).stream().map(d -> d.getCode().getLeft() + " " + d.getRange()).toList());
	}

	@Test
	void inADocumentWithCarriageReturnLineEndsQuickFixesAndEditsLandOnTheirLine() throws Exception {
		show(text.replace("\n", "\r"));
		Diagnostic b1 = getDiagnostics().get(uri).get(0);
		Assertions.assertEquals(at("四:"), b1.getRange().getStart().getLine());
		Assertions.assertEquals(List.of(b1.getRange()),
				codeActions(b1).get(0).getEdit().getChanges().get(uri).stream().map(TextEdit::getRange).toList());
		languageServer.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, 2),
				List.of(new TextDocumentContentChangeEvent(b1.getRange(), "1"))));
		Assertions.assertEquals(List.of(), getDiagnostics().get(uri));
	}

	@Test
	void hoverOnACellShowsItsValueAndTheRulesItTakesPartIn() throws Exception {
		Diagnostic b1 = getDiagnostics().get(uri).get(0);
		var hover = languageServer.hover(new HoverParams(new TextDocumentIdentifier(uri), b1.getRange().getStart())).get();
		String contents = hover.getContents().getRight().getValue();
		assertTrue(contents.startsWith("**表B「四」行 ×「自然人」列** = 0"), contents);
		assertTrue(contents.contains("✗ 规则B1（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）：3 ≠ 2"), contents);
	}

	@Test
	void aFigureAgainstTableAIsCheckedWhileTypingAndItsHoverShowsTheOutcome() throws Exception {
		show(balanced().replaceFirst("(\t数值 门户网站公开信息[^\n]*\n)", "$1\t数值 主动公开规范性文件 = 0 件\n"));
		Diagnostic a13 = getDiagnostics().get(uri).get(0);
		Assertions.assertEquals("A13", a13.getCode().getLeft());
		Assertions.assertEquals(position("数值 主动公开规范性文件", 0).getLine(), a13.getRange().getStart().getLine());
		Assertions.assertEquals(position("主动公开规范性文件 = 0", 12), a13.getRange().getStart());
		String message = a13.getMessage().getLeft();
		assertTrue(message.contains("主动公开规范性文件（0） = 0，应不小于 A.行政规范性文件:本年制发件数（1） = 1，少 1"), message);
		// an inequality that fails names no value to write: no quick fix
		Assertions.assertEquals(List.of(), codeActions(a13));
		String figureHover = languageServer.hover(new HoverParams(new TextDocumentIdentifier(uri), position("数值 主动公开规范性文件", 4)))
				.get().getContents().getRight().getValue();
		assertTrue(figureHover.contains("✗ 规则A13（主动公开的规范性文件不少于本年制发的行政规范性文件）：0 ≥ 1 不成立"), figureHover);
		String cellHover = languageServer.hover(new HoverParams(new TextDocumentIdentifier(uri), position("行政规范性文件: 1", 9)))
				.get().getContents().getRight().getValue();
		assertTrue(cellHover.startsWith("**表A「行政规范性文件」行 ×「本年制发件数」列** = 1"), cellHover);
		assertTrue(cellHover.contains("✗ 规则A13"), cellHover);
		show(current.replace("数值 主动公开规范性文件 = 0 件", "数值 主动公开规范性文件 = 1 件"));
		Assertions.assertEquals(List.of(), getDiagnostics().get(uri));
		String holds = languageServer.hover(new HoverParams(new TextDocumentIdentifier(uri), position("数值 主动公开规范性文件", 4)))
				.get().getContents().getRight().getValue();
		assertTrue(holds.contains("✓ 规则A13（主动公开的规范性文件不少于本年制发的行政规范性文件）：1 ≥ 1"), holds);
	}

	@Test
	void hoverOnACellShowsTheInequalitiesItTakesPartIn() throws Exception {
		show(balanced());
		String hover = languageServer.hover(new HoverParams(new TextDocumentIdentifier(uri), position("三.一:", 5))).get().getContents()
				.getRight().getValue();
		assertTrue(hover.contains("✓ 规则B12（每项办理结果不超过受理的申请数（本年新收加上年结转））："), hover);
	}

	@Test
	void completionInARuleOffersTheTablesRowsOtherTablesCellsAndDeclaredFigures() throws Exception {
		String type = """
				报告类型 限额表 {
					部分 一 "一、限额情况" 必需
					表 T "支出" 属于 一 { 列 金额 "金额" 行 甲 "甲" 行 乙 "乙" }
					表 U "限额" 属于 一 { 列 金额 "金额" 行 上限 "上限" }
					数值 预算 "年度预算" 单位 "万元"
					规则 R1 错误 "每项不超过上限" 表 T 每列: 甲 ≤ 乙
				}
				""";
		show(type);
		List<String> labels = completion(position("甲 ≤ 乙", 4));
		assertTrue(labels.containsAll(List.of("甲", "乙", "U.上限", "预算")), labels::toString);
		show(type.replace("甲 ≤ 乙", "甲 ≤ U.上限:金额"));
		List<String> columns = completion(position("U.上限:", 5));
		assertTrue(columns.contains("金额"), columns::toString);
	}

	@Test
	void hoverOnABindingShowsWhatItResolvesTo() throws Exception {
		var hover = languageServer.hover(new HoverParams(new TextDocumentIdentifier(uri), position("[B.一]", 2))).get();
		Assertions.assertEquals("**3**　表B 一（总计）", hover.getContents().getRight().getValue());
	}

	@Test
	void theQuickFixSetsTheCellToTheValueThatBalancesIt() throws Exception {
		Diagnostic b1 = getDiagnostics().get(uri).get(0);
		List<CodeAction> actions = codeActions(b1);
		Assertions.assertEquals("改为 1（使规则B1成立）", actions.get(0).getTitle());
		String fixed = apply(actions.get(0).getEdit().getChanges().get(uri));
		show(fixed);
		Assertions.assertEquals(List.of(), getDiagnostics().get(uri));
	}

	@Test
	void theQuickFixEditsTheMarkedCellWhateverRangeTheClientEchoes() throws Exception {
		Diagnostic b1 = getDiagnostics().get(uri).get(0);
		Range echoed = b1.getRange();
		// Neovim 0.7 sends the range back in byte columns: three bytes for every Chinese character before the cell
		int bytesBefore = currentText().lines().toList().get(echoed.getStart().getLine()).substring(0, echoed.getStart().getCharacter())
				.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
		b1.setRange(new Range(new Position(echoed.getStart().getLine(), bytesBefore),
				new Position(echoed.getEnd().getLine(), bytesBefore + 1)));
		String fixed = apply(codeActions(b1).get(0).getEdit().getChanges().get(uri));
		Assertions.assertEquals(text.replaceFirst("四:(\\s+)0 0 0 0 0 0 1", "四:$11 0 0 0 0 0 1"), fixed);
	}

	@Test
	void theQuickFixForAStatedNumberWritesWhatTheBindingShows() throws Exception {
		String stated = text.replaceFirst("四:(\\s+)0 0 0 0 0 0 1", "四:$11 0 0 0 0 0 1").replace("[B.一]件", "[B.一 = 2]件");
		show(stated);
		Diagnostic mismatch = getDiagnostics().get(uri).get(0);
		Assertions.assertEquals(IssueCodes.STATED_MISMATCH, mismatch.getCode().getLeft());
		CodeAction fix = codeActions(mismatch).get(0);
		Assertions.assertEquals("改为 3（与绑定的数值一致）", fix.getTitle());
		assertTrue(apply(fix.getEdit().getChanges().get(uri)).contains("[B.一 = 3]件"));
	}

	@Test
	void theQuickFixForATypedNumberBindsIt() throws Exception {
		String typed = text.replaceFirst("四:(\\s+)0 0 0 0 0 0 1", "四:$11 0 0 0 0 0 1").replace("[门户网站公开信息]", "614");
		show(typed);
		Diagnostic literal = getDiagnostics().get(uri).get(0);
		Assertions.assertEquals(IssueCodes.LITERAL_NUMBER, literal.getCode().getLeft());
		CodeAction fix = codeActions(literal).get(0);
		Assertions.assertEquals("改写为绑定 [门户网站公开信息]", fix.getTitle());
		Assertions.assertEquals(text.replaceFirst("四:(\\s+)0 0 0 0 0 0 1", "四:$11 0 0 0 0 0 1"), apply(fix.getEdit().getChanges().get(uri)));
	}

	@Test
	void theQuickFixForATypedNumberThatDisagreesBindsItToTheCellItsWordingRestates() throws Exception {
		String balanced = text.replaceFirst("四:(\\s+)0 0 0 0 0 0 1", "四:$11 0 0 0 0 0 1");
		CodeAction fix = firstFix(balanced.replace("共收到信息公开申请[B.一]件", "共收到信息公开申请7件"), IssueCodes.PHRASE_MISMATCH);
		Assertions.assertEquals("改写为绑定 [B.一]（这句话所说的数值）", fix.getTitle());
		Assertions.assertEquals(balanced, apply(fix.getEdit().getChanges().get(uri)));
	}

	@Test
	void theQuickFixForAChangeInTheWrongDirectionWritesTheRightWord() throws Exception {
		String balanced = text.replaceFirst("四:(\\s+)0 0 0 0 0 0 1", "四:$11 0 0 0 0 0 1");
		// a change against a cell of this year: 一 (3) is larger than 四 (1)
		CodeAction fix = firstFix(balanced.replace("共收到信息公开申请[B.一]件", "共收到信息公开申请[B.一]件，较已办结的下降[B.一 较 B.四]%"),
				IssueCodes.CHANGE_DIRECTION);
		Assertions.assertEquals("改为「增长」", fix.getTitle());
		assertTrue(apply(fix.getEdit().getChanges().get(uri)).contains("较已办结的增长[B.一 较 B.四]%"));
	}

	/** The document shown, its first diagnostic is of the code, and the first quick fix offered for it. */
	@Test
	void theQuickFixWritesTheSumOfTheSummarysParts() throws Exception {
		String part = balanced().replace("报告 聊城市机关事务管理局2023", "报告 部门甲2023").replace("行政规范性文件: 1 1 1", "行政规范性文件: 1 1 4");
		open(writeFile("part.report", part), part);
		String summary = balanced().replace("发布机关 \"聊城市机关事务管理局\"", "发布机关 \"聊城市机关事务管理局\"\n\t汇总 部门甲2023");
		String fixed = fixOnly(summary, IssueCodes.AGGREGATE_MISMATCH, "改为 4（各部分之和）");
		assertTrue(fixed.contains("行政规范性文件: 1 1 4"), fixed);
	}

	@Test
	void aSummaryIsCheckedAgainWhenAPartItNamesChanges() throws Exception {
		assertCheckedAgainWhenItsPartChanges("part.report", "汇总 部门甲2023");
	}

	@Test
	void aSummaryOfAFolderIsCheckedAgainWhenAReportThereChanges() throws Exception {
		Files.createDirectories(root.toPath().resolve("departments"));
		assertCheckedAgainWhenItsPartChanges("departments/part.report", "汇总 目录 \"departments\"");
	}

	/** A summary that adds up the part at the path is clean; the part's number changes: the summary's cell no longer adds up. */
	private void assertCheckedAgainWhenItsPartChanges(String partPath, String summary) throws Exception {
		String part = balanced().replace("报告 聊城市机关事务管理局2023", "报告 部门甲2023");
		String partUri = writeFile(partPath, part);
		open(partUri, part);
		show(balanced().replace("发布机关 \"聊城市机关事务管理局\"", "发布机关 \"聊城市机关事务管理局\"\n\t" + summary));
		Assertions.assertEquals(List.of(), getDiagnostics().get(uri));
		languageServer.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(partUri, 2),
				List.of(new TextDocumentContentChangeEvent(part.replace("行政规范性文件: 1 1 1", "行政规范性文件: 1 1 4")))));
		Assertions.assertEquals(List.of(IssueCodes.AGGREGATE_MISMATCH),
				getDiagnostics().get(uri).stream().map(d -> d.getCode().getLeft()).toList());
	}

	@Test
	void hoverOnASummarysCellShowsItsPartsAndTheirSum() throws Exception {
		String first = balanced().replace("报告 聊城市机关事务管理局2023", "报告 部门甲2023").replace("发布机关 \"聊城市机关事务管理局\"", "发布机关 \"甲局\"")
				.replace("行政规范性文件: 1 1 1", "行政规范性文件: 1 1 3");
		open(writeFile("first.report", first), first);
		String second = balanced().replace("报告 聊城市机关事务管理局2023", "报告 部门乙2023").replace("发布机关 \"聊城市机关事务管理局\"", "发布机关 \"乙局\"")
				.replace("行政规范性文件: 1 1 1", "行政规范性文件: 1 1 4");
		open(writeFile("second.report", second), second);
		show(balanced().replace("发布机关 \"聊城市机关事务管理局\"", "发布机关 \"聊城市机关事务管理局\"\n\t汇总 部门甲2023、部门乙2023")
				.replace("行政规范性文件: 1 1 1", "行政规范性文件: 1 1 6"));
		String hover = languageServer.hover(new HoverParams(new TextDocumentIdentifier(uri), position("行政规范性文件: 1 1 6", 13))).get()
				.getContents().getRight().getValue();
		assertTrue(hover.contains("✗ 各部分之和：甲局（3） + 乙局（4） = 7，与本格相差 1"), hover);
		show(currentText().replace("行政规范性文件: 1 1 6", "行政规范性文件: 1 1 7"));
		hover = languageServer.hover(new HoverParams(new TextDocumentIdentifier(uri), position("行政规范性文件: 1 1 7", 13))).get()
				.getContents().getRight().getValue();
		assertTrue(hover.contains("✓ 各部分之和：甲局（3） + 乙局（4） = 7"), hover);
	}

	private CodeAction firstFix(String document, String code) throws Exception {
		show(document);
		Diagnostic first = getDiagnostics().get(uri).get(0);
		Assertions.assertEquals(code, first.getCode().getLeft());
		return codeActions(first).get(0);
	}

	@Test
	void theQuickFixForAMissingPartAddsItInItsPlace() throws Exception {
		String balanced = text.replaceFirst("四:(\\s+)0 0 0 0 0 0 1", "四:$11 0 0 0 0 0 1");
		int start = balanced.indexOf("\t部分 五 {");
		int end = balanced.indexOf("\t部分 六 {");
		show(balanced.substring(0, start) + balanced.substring(end));
		Diagnostic missing = getDiagnostics().get(uri).get(0);
		Assertions.assertEquals(IssueCodes.MISSING_PART, missing.getCode().getLeft());
		CodeAction fix = codeActions(missing).get(0);
		Assertions.assertEquals("添加部分「五」", fix.getTitle());
		String fixed = apply(fix.getEdit().getChanges().get(uri));
		assertTrue(fixed.contains("\t部分 五 {\n\t\t\"\"\n\t}\n\t部分 六 {"), fixed);
		show(fixed);
		Assertions.assertEquals(List.of(), getDiagnostics().get(uri));
	}

	@Test
	void theOutlineShowsPartsTablesAndFigures() throws Exception {
		List<DocumentSymbol> symbols = languageServer.documentSymbol(new DocumentSymbolParams(new TextDocumentIdentifier(uri))).get()
				.stream().map(e -> e.getRight()).toList();
		DocumentSymbol report = symbols.get(0);
		Assertions.assertEquals("聊城市机关事务管理局2023", report.getName());
		List<String> children = report.getChildren().stream().map(DocumentSymbol::getName).toList();
		assertTrue(children.containsAll(List.of("一、总体情况", "三、收到和处理政府信息公开申请情况", "门户网站公开信息")), children::toString);
		DocumentSymbol partThree = report.getChildren().stream().filter(s -> s.getName().startsWith("三、")).findFirst().orElseThrow();
		Assertions.assertEquals("表B 收到和处理政府信息公开申请情况", partThree.getChildren().get(0).getName());
	}

	@Test
	void completionInsideABindingOffersRowsAndFigures() throws Exception {
		String typing = text.replace("共收到信息公开申请[B.一]件", "共收到信息公开申请[]件");
		show(typing);
		Position cursor = position("共收到信息公开申请[", "共收到信息公开申请[".length());
		List<String> labels = completion(cursor);
		assertTrue(labels.containsAll(List.of("B.一", "B.三.七", "门户网站公开信息", "上年")), labels::toString);
	}

	@Test
	void completionOfARowKeyInATable() throws Exception {
		Position start = new Position(at("四:"), text.lines().toList().get(at("四:")).indexOf("四"));
		List<String> labels = completion(start);
		assertTrue(labels.containsAll(List.of("三.三.1", "三.七", "四")), labels::toString);
	}

	@Test
	void aFigureGoesToItsDeclarationAndFindsItsUses() throws Exception {
		Position use = position("[门户网站公开信息]", 3);
		List<? extends Location> definition = languageServer.definition(new DefinitionParams(new TextDocumentIdentifier(uri), use)).get()
				.getLeft();
		Assertions.assertEquals(at("数值 门户网站公开信息"), definition.get(0).getRange().getStart().getLine());
		List<? extends Location> references = languageServer.references(new ReferenceParams(new TextDocumentIdentifier(uri), use,
				new ReferenceContext(false))).get();
		Assertions.assertEquals(1, references.size());
	}

	@Test
	void aBoundCellGoesToWhereItsNumberIsWrittenAndFindsItsLineAndItsReaders() throws Exception {
		Position use = position("[B.一]", 2);
		List<? extends Location> definition = languageServer.definition(new DefinitionParams(new TextDocumentIdentifier(uri), use)).get()
				.getLeft();
		Assertions.assertEquals(1, definition.size(), definition::toString);
		Assertions.assertEquals(uri, definition.get(0).getUri());
		Range total = definition.get(0).getRange();
		Assertions.assertEquals(at("一:"), total.getStart().getLine());
		Assertions.assertEquals(text.lines().toList().get(at("一:")).lastIndexOf('3'), total.getStart().getCharacter());
		Assertions.assertEquals("3", slice(total.getStart(), total.getEnd()));

		List<? extends Location> references = languageServer.references(new ReferenceParams(new TextDocumentIdentifier(uri), use,
				new ReferenceContext(false))).get();
		Assertions.assertEquals(List.of(at("一:"), at("[B.一]")), references.stream().map(l -> l.getRange().getStart().getLine()).toList());
	}

	@Test
	void aStrayLineBeforeTheReportLeavesNothingToNavigateAndNoFailure() throws Exception {
		show("x\n" + text);
		List<String> lines = current.lines().toList();
		for (int line = 0; line < lines.size(); line++) {
			for (int character = 0; character <= lines.get(line).length(); character += 4) {
				Position position = new Position(line, character);
				languageServer.definition(new DefinitionParams(new TextDocumentIdentifier(uri), position)).get();
				languageServer.references(new ReferenceParams(new TextDocumentIdentifier(uri), position, new ReferenceContext(true))).get();
			}
		}
	}

	@Test
	void completionAfterAColumnSeparatorOffersColumnsOnly() throws Exception {
		show(text.replace("共收到信息公开申请[B.一]件", "共收到信息公开申请[C.件数:]件"));
		List<String> labels = completion(position("[C.件数:", "[C.件数:".length()));
		assertTrue(labels.contains("行政复议.总计"), labels::toString);
		assertFalse(labels.contains(":"), labels::toString);
	}

	@Test
	void theShippedReportTypeIsNeverOfferedAsALocation() throws Exception {
		Position rowKey = new Position(at("四:"), text.lines().toList().get(at("四:")).indexOf("四"));
		Assertions.assertEquals(List.of(), languageServer.definition(new DefinitionParams(new TextDocumentIdentifier(uri), rowKey)).get().getLeft());
		Position type = position("政府信息公开年报2021", 1);
		Assertions.assertEquals(List.of(), languageServer.definition(new DefinitionParams(new TextDocumentIdentifier(uri), type)).get().getLeft());
	}

	@Test
	void lastYearsValueGoesToLastYearsReport() throws Exception {
		String lastYear = text.replace("报告 聊城市机关事务管理局2023", "报告 聊城市机关事务管理局2022").replaceFirst("一:(\\s+)3 0 0 0 0 0 3", "一:$15 0 0 0 0 0 5");
		String lastYearUri = writeFile("last-year.report", lastYear);
		open(lastYearUri, lastYear);
		show(text.replace("年度 2023", "年度 2023\n\t上年报告 聊城市机关事务管理局2022").replace("[B.一]件", "[B.一]件（上年[上年 B.一]件）"));
		List<? extends Location> definition = languageServer.definition(
				new DefinitionParams(new TextDocumentIdentifier(uri), position("[上年 B.一]", 5))).get().getLeft();
		Assertions.assertEquals(lastYearUri, definition.get(0).getUri());
		Assertions.assertEquals(at("一:"), definition.get(0).getRange().getStart().getLine());

		List<? extends Location> readers = languageServer.references(new ReferenceParams(new TextDocumentIdentifier(lastYearUri),
				new Position(at("一:"), text.lines().toList().get(at("一:")).indexOf("一")), new ReferenceContext(false))).get();
		assertTrue(readers.stream().anyMatch(l -> l.getUri().equals(uri)), readers::toString);
	}

	@Test
	void renamingAFigureRenamesItsUses() throws Exception {
		Position use = position("[门户网站公开信息]", 3);
		var edit = languageServer.rename(new RenameParams(new TextDocumentIdentifier(uri), use, "网站信息")).get();
		List<TextEdit> edits = edit.getChanges() != null ? edit.getChanges().get(uri)
				: edit.getDocumentChanges().get(0).getLeft().getEdits().stream().map(e -> e.getLeft()).toList();
		String renamed = apply(edits);
		assertFalse(renamed.contains("门户网站公开信息"));
		assertTrue(renamed.contains("数值 网站信息 = 614 条") && renamed.contains("[网站信息]条"));
	}

	@Test
	void renamingToAKeywordOrWhiteSpaceIsRefusedAsInvalidParameters() throws Exception {
		Position use = position("[门户网站公开信息]", 3);
		for (String notAName : List.of("部分", "\n")) {
			Exception failure = null;
			try {
				languageServer.rename(new RenameParams(new TextDocumentIdentifier(uri), use, notAName)).get();
			} catch (java.util.concurrent.ExecutionException e) {
				failure = e;
			}
			Assertions.assertNotNull(failure, notAName + " is not a name");
			Exception refused = failure;
			var refusal = com.google.common.base.Throwables.getCausalChain(refused).stream()
					.filter(org.eclipse.lsp4j.jsonrpc.ResponseErrorException.class::isInstance)
					.map(e -> ((org.eclipse.lsp4j.jsonrpc.ResponseErrorException) e).getResponseError()).findFirst()
					.orElseThrow(() -> new AssertionError(refused));
			Assertions.assertEquals(org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode.InvalidParams.getValue(), refusal.getCode());
			Assertions.assertEquals("「" + notAName + "」不能用作名称", refusal.getMessage());
		}
	}

	@Test
	void hoverOnACellOfAnUnknownRowShowsNothing() throws Exception {
		show(text.replaceFirst("四:(\\s+)0 0", "九:$10 0"));
		var hover = languageServer.hover(new HoverParams(new TextDocumentIdentifier(uri), position("九:", 6))).get();
		Assertions.assertTrue(hover == null || hover.getContents().getRight().getValue().isEmpty(), () -> String.valueOf(hover));
	}

	@Test
	void formattingLeavesADocumentWithSyntaxErrorsOrNoTextAsItIs() throws Exception {
		DocumentFormattingParams params = new DocumentFormattingParams(new TextDocumentIdentifier(uri), new FormattingOptions(4, false));
		show(text.replaceFirst("一:(\\s+)3 0", "一: 3 0").replace("部分 五 {", "部分 五 {{"));
		Assertions.assertEquals(List.of(), languageServer.formatting(params).get());
		show("");
		Assertions.assertEquals(List.of(), languageServer.formatting(params).get());
	}

	@Test
	void theOutlineShowsAFigureWithoutAValue() throws Exception {
		show(text.replace("数值 门户网站公开信息 = 614 条", "数值 门户网站公开信息 = 条"));
		List<DocumentSymbol> symbols = languageServer.documentSymbol(new DocumentSymbolParams(new TextDocumentIdentifier(uri))).get()
				.stream().map(e -> e.getRight()).toList();
		assertTrue(symbols.get(0).getChildren().stream().anyMatch(s -> s.getName().equals("门户网站公开信息")), symbols::toString);
	}

	@Test
	void formattingAlignsTheGrid() throws Exception {
		String ragged = text.replaceFirst("一:(\\s+)3 0", "一: 3 0");
		show(ragged);
		DocumentFormattingParams params = new DocumentFormattingParams(new TextDocumentIdentifier(uri), new FormattingOptions(4, false));
		Assertions.assertEquals(text, apply(languageServer.formatting(params).get()));
	}

	@Test
	void partsAndTablesFold() throws Exception {
		var ranges = languageServer.foldingRange(new FoldingRangeRequestParams(new TextDocumentIdentifier(uri))).get();
		assertTrue(ranges.stream().anyMatch(r -> r.getStartLine() == at("部分 三 {")), ranges::toString);
	}

	@Test
	void namesAreColouredByWhatTheyResolveTo() throws Exception {
		SemanticTokensLegend legend = capabilities.getSemanticTokensProvider().getLegend();
		List<Integer> data = languageServer.semanticTokensFull(new SemanticTokensParams(new TextDocumentIdentifier(uri))).get().getData();
		Map<String, String> tokens = new HashMap<>();
		int line = 0;
		int character = 0;
		for (int i = 0; i < data.size(); i += 5) {
			line += data.get(i);
			character = data.get(i) == 0 ? character + data.get(i + 1) : data.get(i + 1);
			String type = legend.getTokenTypes().get(data.get(i + 3));
			List<String> modifiers = new ArrayList<>();
			for (int bit = 0; bit < legend.getTokenModifiers().size(); bit++) {
				if ((data.get(i + 4) & 1 << bit) != 0) {
					modifiers.add(legend.getTokenModifiers().get(bit));
				}
			}
			String token = current.lines().toList().get(line).substring(character, character + data.get(i + 2));
			tokens.merge(token, String.join(" ", type, String.join(" ", modifiers)).strip(), (a, b) -> a + " | " + b);
		}
		Assertions.assertEquals("variable declaration | variable | variable", tokens.get("新闻发布会"));
		Assertions.assertEquals("type defaultLibrary", tokens.get("政府信息公开年报2021"));
		Assertions.assertEquals("namespace declaration", tokens.get("聊城市机关事务管理局2023"));
		Assertions.assertEquals("property defaultLibrary", tokens.get("B.一"));
		Assertions.assertEquals("enumMember defaultLibrary", tokens.get("本年废止件数"));
		assertTrue(tokens.get("B").startsWith("class defaultLibrary"), tokens::toString);
	}

	private List<String> completion(Position position) throws Exception {
		var result = languageServer.completion(new CompletionParams(new TextDocumentIdentifier(uri), position)).get();
		List<CompletionItem> items = result.isLeft() ? result.getLeft() : result.getRight().getItems();
		return items.stream().map(CompletionItem::getLabel).collect(Collectors.toList());
	}

	@Test
	void theQuickFixForAStraySeparatorRemovesIt() throws Exception {
		fixOnly(balanced().replaceFirst("四:(\\s+)1 0", "四:$11 | 0"), IssueCodes.STRAY_IN_ROW, "删除「|」");
	}

	@Test
	void theQuickFixForBracketsThatAreTextEscapesThem() throws Exception {
		String fixed = fixOnly(balanced().replace("共收到信息公开申请[B.一]件", "依据鲁政办字[2020]179号，共收到信息公开申请[B.一]件"),
				IssueCodes.BRACKETED_TEXT, "改写为「\\[2020\\]」（正文里的方括号）");
		assertTrue(fixed.contains("依据鲁政办字\\[2020\\]179号"), fixed);
	}

	@Test
	void theQuickFixForAFullWidthCharacterWithoutUseDeletesIt() throws Exception {
		fixOnly(balanced().replaceFirst("年度 2023", "年度 2023（"), IssueCodes.INPUT_FORM, "删除「（」");
	}

	/** The example without its balance error. */
	private String balanced() {
		return text.replaceFirst("四:(\\s+)0 0 0 0 0 0 1", "四:$11 0 0 0 0 0 1");
	}

	/** Shows the text, whose one diagnostic has the code and one quick fix of the title; applies it: the text is then clean. */
	private String fixOnly(String shown, String code, String title) throws Exception {
		show(shown);
		List<Diagnostic> diagnostics = getDiagnostics().get(uri);
		Assertions.assertEquals(List.of(code), diagnostics.stream().map(d -> d.getCode().getLeft()).toList());
		List<CodeAction> actions = codeActions(diagnostics.get(0));
		Assertions.assertEquals(List.of(title), actions.stream().map(CodeAction::getTitle).toList());
		String fixed = apply(actions.get(0).getEdit().getChanges().get(uri));
		show(fixed);
		Assertions.assertEquals(List.of(), getDiagnostics().get(uri));
		return fixed;
	}

	private List<CodeAction> codeActions(Diagnostic diagnostic) throws Exception {
		CodeActionParams params = new CodeActionParams(new TextDocumentIdentifier(uri), diagnostic.getRange(),
				new CodeActionContext(List.of(diagnostic)));
		return languageServer.codeAction(params).get().stream().map(e -> e.getRight()).toList();
	}

	/** The document's current text with the edits applied, last first. */
	private String apply(List<? extends TextEdit> edits) {
		String current = currentText();
		List<TextEdit> ordered = edits.stream().sorted((a, b) -> Integer.compare(offset(current, b.getRange().getStart()),
				offset(current, a.getRange().getStart()))).collect(Collectors.toList());
		StringBuilder result = new StringBuilder(current);
		for (TextEdit edit : ordered) {
			result.replace(offset(current, edit.getRange().getStart()), offset(current, edit.getRange().getEnd()), edit.getNewText());
		}
		return result.toString();
	}

	private String currentText() {
		return current;
	}

	/** Opens the text as the editor's document, replacing what it showed. */
	private void show(String contents) {
		current = contents;
		open(uri, contents);
	}

	private static int offset(String text, Position position) {
		int offset = 0;
		for (int line = 0; line < position.getLine(); line++) {
			offset = text.indexOf('\n', offset) + 1;
		}
		return offset + position.getCharacter();
	}

	private String slice(Position start, Position end) {
		return text.substring(offset(text, start), offset(text, end));
	}

	private int at(String fragment) {
		int offset = text.indexOf(fragment);
		return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count();
	}

	private Position position(String fragment, int column) {
		String current = currentText();
		int offset = current.indexOf(fragment) + column;
		int line = (int) current.substring(0, offset).chars().filter(c -> c == '\n').count();
		return new Position(line, offset - current.lastIndexOf('\n', offset - 1) - 1);
	}
}
