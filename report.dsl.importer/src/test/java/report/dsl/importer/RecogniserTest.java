package report.dsl.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import report.dsl.batch.ReportBatch;
import report.dsl.evaluation.ReportEvaluator;
import report.dsl.evaluation.ReportValues;
import report.dsl.model.TableLayout;
import report.dsl.report.Column;
import report.dsl.report.Report;
import report.dsl.report.ReportFile;
import report.dsl.report.ReportType;
import report.dsl.report.Row;
import report.dsl.report.TableType;
import report.dsl.validation.IssueCodes;

/** The recogniser reads any report type from its declaration: the shipped 2019 format, and a user's own type. */
class RecogniserTest {

	private static final Path FIXTURES = Path.of("src/test/resources/recogniser");

	private final ReportImporter importer = SeedImportTest.INJECTOR.getInstance(ReportImporter.class);

	@Test
	void aReportInThe2019FormatIsDetectedByTableAsColumnsAndRead(@TempDir Path out) throws IOException {
		ReportImporter.Imported imported = importer.importText("format-2019.txt", Files.readString(FIXTURES.resolve("format-2019.txt")),
				Optional.empty());
		assertEquals("政府信息公开年报2019", imported.type().getName());
		assertEquals("某某县交通运输局", imported.report().body());
		assertEquals(2020, imported.report().year());
		assertTrue(imported.text().contains("发布日期 2021-01-20"), imported.text());
		XtextResourceSet resourceSet = SeedImportTest.INJECTOR.getInstance(XtextResourceSet.class);
		ReportValues values = values(SeedImportTest.load(resourceSet, "imported.report", imported.text()));
		assertEquals(new BigDecimal("15"), cell(values, "A", "规范性文件", "对外公开总数量"));
		assertEquals(new BigDecimal("1200"), cell(values, "A", "行政许可", "处理决定数量"));
		assertEquals(new BigDecimal("6"), cell(values, "A", "政府集中采购", "采购项目数量"));
		assertEquals(new BigDecimal("5"), cell(values, "B", "一", "总计"));
		assertEquals(new BigDecimal("1"), cell(values, "B", "三.四.1", "自然人"));
		assertEquals(new BigDecimal("5"), cell(values, "B", "三.七", "总计"));
		// 本年增/减 is declared 可为负: 减4 and （1） are changes with their sign, read as numbers, not flagged
		assertEquals(new BigDecimal("-4"), cell(values, "A", "行政许可", "本年增减"));
		assertEquals(new BigDecimal("-1"), cell(values, "A", "行政强制", "本年增减"));
		assertEquals(new BigDecimal("3"), cell(values, "A", "行政处罚", "本年增减"));
		List<String> notes = imported.report().notes().stream().map(Note::message).toList();
		assertTrue(notes.stream().anyMatch(m -> m.contains("「政府集中采购」行「采购总金额」列原文为「251000元」，不是数字")), notes.toString());
		assertEquals(1, notes.size(), notes.toString());
		// and the checker takes them: a signed column may hold negative numbers
		Path file = Files.writeString(out.resolve("imported.report"), imported.text());
		List<String> findings = SeedImportTest.INJECTOR.getInstance(ReportBatch.class).check(List.of(file)).diagnostics().stream()
				.map(d -> d.code() + " " + d.message()).toList();
		assertTrue(findings.stream().noneMatch(f -> f.startsWith(IssueCodes.NEGATIVE_VALUE)), findings.toString());
	}

	@Test
	void aSignedNumberInAColumnNotDeclaredSignedIsFlaggedNotGuessed() throws IOException {
		String text = Files.readString(FIXTURES.resolve("format-2019.txt")).replace("采购项目数量\t采购总金额\n政府集中采购\t6", "采购项目数量\t采购总金额\n政府集中采购\t减6");
		List<String> notes = importer.importText("format-2019.txt", text, Optional.empty()).report().notes().stream().map(Note::message).toList();
		assertTrue(notes.stream().anyMatch(m -> m.contains("「政府集中采购」行「采购项目数量」列原文为「减6」，不是数字")), notes.toString());
	}

	@Test
	void aLabelThatMatchesTwoRowsIsReadAfterTheRowBeforeAndSaidSo() throws IOException {
		XtextResourceSet resourceSet = SeedImportTest.INJECTOR.getInstance(XtextResourceSet.class);
		ReportType twins = type(resourceSet, "twin-labels-type.report");
		ReportImporter.Imported imported = importer.importGrid("twin-labels.txt",
				TextReader.read(Files.readString(FIXTURES.resolve("twin-labels.txt"))), Optional.empty(), List.of(twins));
		ReportValues values = values(SeedImportTest.load(resourceSet, "imported.report", imported.text()));
		assertEquals(0, new BigDecimal("10").compareTo(cell(values, "T", "甲.收入", "金额")));
		assertEquals(0, new BigDecimal("7").compareTo(cell(values, "T", "乙.收入", "金额")));
		assertEquals(0, new BigDecimal("3").compareTo(cell(values, "T", "乙.支出", "金额")));
		List<Note> twin = imported.report().notes().stream().filter(n -> n.message().startsWith("标签「收入」")).toList();
		assertEquals(2, twin.size(), imported.report().notes().toString());
		assertEquals("标签「收入」对得上表T的「甲.收入」、「乙.收入」行，读作「乙.收入」行（紧接在上一个读到的行之后），请核对", twin.get(1).message());
		assertEquals(9, twin.get(1).line());
		assertEquals(1, twin.get(1).column());
		// the generated file says so where the row is written
		assertTrue(imported.text().matches("(?s).*// [^\\n]*读作「乙.收入」行[^\\n]*\\n\\s*乙\\.收入:\\s+7\\n.*"), imported.text());
	}

	@Test
	void aUsersOwnTypeIsImportableThroughItsDeclarationAndAliases() throws IOException {
		XtextResourceSet resourceSet = SeedImportTest.INJECTOR.getInstance(XtextResourceSet.class);
		ReportType ledger = type(resourceSet, "ledger-type.report");
		ReportImporter.Imported imported = importer.importGrid("ledger.txt", TextReader.read(Files.readString(FIXTURES.resolve("ledger.txt"))),
				Optional.empty(), List.of(ledger));
		assertEquals(List.of(), imported.report().notes(), imported.text());
		assertEquals("某某协会", imported.report().body());
		ReportValues values = values(SeedImportTest.load(resourceSet, "imported.report", imported.text()));
		assertEquals(0, new BigDecimal("120.5").compareTo(cell(values, "T", "收入", "金额")));
		assertEquals(0, new BigDecimal("100").compareTo(cell(values, "T", "支出", "金额")));
		assertEquals(0, new BigDecimal("20.5").compareTo(cell(values, "T", "结余", "金额")));
	}

	/** The report type a fixture declares, loaded without errors. */
	private static ReportType type(XtextResourceSet resourceSet, String fixture) throws IOException {
		Resource types = resourceSet.createResource(org.eclipse.emf.common.util.URI.createURI("test:/" + fixture));
		types.load(Files.newInputStream(FIXTURES.resolve(fixture)), resourceSet.getLoadOptions());
		assertEquals(List.of(), types.getErrors());
		return ((ReportFile) types.getContents().get(0)).getTypes().get(0);
	}

	private static ReportValues values(Report report) {
		return SeedImportTest.INJECTOR.getInstance(ReportEvaluator.class).values(report);
	}

	private static BigDecimal cell(ReportValues values, String tableName, String rowKey, String columnName) {
		TableType table = values.report().getType().getTables().stream().filter(t -> t.getName().equals(tableName)).findFirst().orElseThrow();
		Row row = TableLayout.allRows(table).stream().filter(r -> TableLayout.keyText(r).equals(rowKey)).findFirst().orElseThrow();
		Column column = TableLayout.leafColumns(TableLayout.block(row)).stream().filter(c -> c.getName().equals(columnName)).findFirst()
				.orElseThrow();
		return values.table(table).value(row, column);
	}
}
