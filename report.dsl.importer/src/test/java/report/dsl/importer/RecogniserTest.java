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

import report.dsl.evaluation.ReportEvaluator;
import report.dsl.evaluation.ReportValues;
import report.dsl.model.TableLayout;
import report.dsl.report.Column;
import report.dsl.report.Report;
import report.dsl.report.ReportFile;
import report.dsl.report.ReportType;
import report.dsl.report.Row;
import report.dsl.report.TableType;

/** The recogniser reads any report type from its declaration: the shipped 2019 format, and a user's own type. */
class RecogniserTest {

	private static final Path FIXTURES = Path.of("src/test/resources/recogniser");

	private final ReportImporter importer = SeedImportTest.INJECTOR.getInstance(ReportImporter.class);

	@Test
	void aReportInThe2019FormatIsDetectedByTableAsColumnsAndRead() throws IOException {
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
		List<String> notes = imported.report().notes().stream().map(Note::message).toList();
		assertTrue(notes.stream().anyMatch(m -> m.contains("「行政许可」行「本年增减」列原文为「减4」，不是数字")), notes.toString());
		assertTrue(notes.stream().anyMatch(m -> m.contains("「政府集中采购」行「采购总金额」列原文为「251000元」，不是数字")), notes.toString());
		assertEquals(2, notes.size(), notes.toString());
	}

	@Test
	void aUsersOwnTypeIsImportableThroughItsDeclarationAndAliases() throws IOException {
		XtextResourceSet resourceSet = SeedImportTest.INJECTOR.getInstance(XtextResourceSet.class);
		Resource types = resourceSet.createResource(org.eclipse.emf.common.util.URI.createURI("test:/ledger-type.report"));
		types.load(Files.newInputStream(FIXTURES.resolve("ledger-type.report")), resourceSet.getLoadOptions());
		assertEquals(List.of(), types.getErrors());
		ReportType ledger = ((ReportFile) types.getContents().get(0)).getTypes().get(0);
		ReportImporter.Imported imported = importer.importGrid("ledger.txt", TextReader.read(Files.readString(FIXTURES.resolve("ledger.txt"))),
				Optional.empty(), List.of(ledger), resourceSet);
		assertEquals(List.of(), imported.report().notes(), imported.text());
		assertEquals("某某协会", imported.report().body());
		ReportValues values = values(SeedImportTest.load(resourceSet, "imported.report", imported.text()));
		assertEquals(0, new BigDecimal("120.5").compareTo(cell(values, "T", "收入", "金额")));
		assertEquals(0, new BigDecimal("100").compareTo(cell(values, "T", "支出", "金额")));
		assertEquals(0, new BigDecimal("20.5").compareTo(cell(values, "T", "结余", "金额")));
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
