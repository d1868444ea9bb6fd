package report.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;
import com.google.inject.Provider;

import report.dsl.model.TableLayout;
import report.dsl.report.Block;
import report.dsl.report.ReportFile;
import report.dsl.report.ReportType;
import report.dsl.report.Rule;
import report.dsl.report.TableType;
import report.dsl.scoping.ReportTypeLibrary;

/** The 2021 national format ships inside the language, written in the language, with every row, column and rule. */
@ExtendWith(InjectionExtension.class)
@InjectWith(ReportInjectorProvider.class)
class LibraryTest {

	@Inject
	private Provider<ResourceSet> resourceSets;

	@Inject
	private ReportTypeLibrary library;

	@Inject
	private IResourceValidator validator;

	@Test
	void theShippedFormatIsItselfValid() {
		Resource resource = library.load(resourceSets.get()).get(0);
		assertEquals(List.of(), resource.getErrors());
		assertEquals(List.of(), validator.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl));
	}

	@Test
	void theShippedFormatHasTheTablesOfTheDomainReference() {
		ReportType format = ((ReportFile) library.load(resourceSets.get()).get(0).getContents().get(0)).getTypes().get(0);
		assertEquals("政府信息公开年报2021", format.getName());
		assertEquals(List.of("一", "二", "三", "四", "五", "六"), format.getParts().stream().map(p -> p.getName()).toList());
		TableType a = format.getTables().get(0);
		TableType b = format.getTables().get(1);
		TableType c = format.getTables().get(2);
		assertEquals(4, a.getBlocks().size());
		assertEquals(6, a.getBlocks().stream().mapToInt(block -> TableLayout.leafRows(block).size()).sum());
		assertEquals(15, TableLayout.leafColumns(c.getBlocks().get(0)).size());
		Block tableB = b.getBlocks().get(0);
		assertEquals(25, TableLayout.leafRows(tableB).size());
		assertEquals(7, TableLayout.leafColumns(tableB).size());
		assertEquals(175, leafCells(b));
		assertEquals(List.of("B1", "B2", "B3", "C4", "B8", "A9", "A11", "B12", "A13"), format.getRules().stream().map(Rule::getCode).toList());
		assertEquals("次年 01-31", format.getDeadline().getYear().getLiteral() + " " + format.getDeadline().getMonthDay());
	}

	@Test
	void theShipped2019FormatIsValidAndDiffersInTableAAndTableBsOtherHandling() {
		Resource resource = library.load(resourceSets.get()).get(1);
		assertEquals(List.of(), resource.getErrors());
		assertEquals(List.of(), validator.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl));
		ReportType format = ((ReportFile) resource.getContents().get(0)).getTypes().get(0);
		assertEquals("政府信息公开年报2019", format.getName());
		TableType a = format.getTables().get(0);
		assertEquals(List.of("第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项", "第二十条第（九）项"),
				a.getBlocks().stream().map(Block::getHeading).toList());
		assertEquals(List.of("本年新制作数量", "本年新公开数量", "对外公开总数量"),
				TableLayout.leafColumns(a.getBlocks().get(0)).stream().map(c -> c.getName()).toList());
		Block tableB = format.getTables().get(1).getBlocks().get(0);
		assertEquals(23, TableLayout.leafRows(tableB).size());
		assertEquals(List.of("B1", "B2", "B3", "C4", "B8"), format.getRules().stream().map(Rule::getCode).toList());
		assertEquals("次年 01-31", format.getDeadline().getYear().getLiteral() + " " + format.getDeadline().getMonthDay());
	}

	private static int leafCells(TableType table) {
		return table.getBlocks().stream()
				.mapToInt(block -> TableLayout.leafRows(block).size() * TableLayout.leafColumns(block).size()).sum();
	}
}
