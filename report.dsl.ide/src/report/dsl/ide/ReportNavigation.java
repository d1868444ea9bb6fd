package report.dsl.ide;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.lsp4j.Location;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.findReferences.IReferenceFinder.IResourceAccess;
import org.eclipse.xtext.ide.server.DocumentExtensions;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolService;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.IResourceDescriptions;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

import com.google.inject.Inject;

import report.dsl.evaluation.ReportEvaluator;
import report.dsl.report.Report;
import report.dsl.report.ReportPackage;
import report.dsl.report.Row;
import report.dsl.report.RowData;
import report.dsl.report.ValueRef;
import report.dsl.scoping.ReportTypeLibrary;

/**
 * Go to definition and find references for cells. A bound value's definition is where its number is written — the
 * cell as entered, the row's line, or the table for a computed total, in last year's report for 上年 — rather than
 * the row's declaration in the report type. A row's references inside a report are its line and the bindings that
 * read it, including 上年 bindings of the following year's report. Declarations in the shipped report types live
 * inside the language's jar, which no editor can open, so they are never offered as locations.
 */
public class ReportNavigation extends DocumentSymbolService {

	@Inject
	private EObjectAtOffsetHelper elementAtOffset;

	@Inject
	private ReportEvaluator evaluator;

	@Inject
	private DocumentExtensions documents;

	@Override
	public List<? extends Location> getDefinitions(XtextResource resource, int offset, IResourceAccess resourceAccess,
			CancelIndicator cancelIndicator) {
		if (resource.getContents().isEmpty()) {
			return List.of(); // the parser recovered no model: there is no name to go to
		}
		EObject at = elementAtOffset.resolveContainedElementAt(resource, offset);
		Report report = EcoreUtil2.getContainerOfType(at, Report.class);
		if (at instanceof ValueRef ref && report != null) {
			var source = evaluator.values(report).source(ref);
			if (source.isPresent()) {
				return List.of(documents.newLocation(source.get()));
			}
		}
		if (ReportTypeLibrary.declares(elementAtOffset.resolveElementAt(resource, offset))) {
			return List.of();
		}
		return super.getDefinitions(resource, offset, resourceAccess, cancelIndicator);
	}

	@Override
	public List<? extends Location> getReferences(XtextResource resource, int offset, IResourceAccess resourceAccess,
			IResourceDescriptions indexData, CancelIndicator cancelIndicator) {
		if (resource.getContents().isEmpty()) {
			return List.of();
		}
		Report report = EcoreUtil2.getContainerOfType(elementAtOffset.resolveContainedElementAt(resource, offset), Report.class);
		EObject element = elementAtOffset.resolveElementAt(resource, offset);
		if (report != null && element instanceof Row row && !row.eIsProxy()) {
			return usesOfRow(row, report);
		}
		if (ReportTypeLibrary.declares(element)) {
			return List.of();
		}
		return super.getReferences(resource, offset, resourceAccess, indexData, cancelIndicator);
	}

	/** The row's line in a report, the report's bindings that read it, and the 上年 bindings of the reports after it. */
	private List<Location> usesOfRow(Row row, Report report) {
		List<Location> uses = new ArrayList<>();
		for (RowData line : EcoreUtil2.eAllOfType(report, RowData.class)) {
			if (line.getRow() == row) {
				uses.add(documents.newLocation(line, ReportPackage.Literals.ROW_DATA__ROW, -1));
			}
		}
		for (Report reader : reportsOf(report)) {
			boolean readsLastYear = reader != report;
			for (ValueRef ref : EcoreUtil2.eAllOfType(reader, ValueRef.class)) {
				if (ref.getTarget() == row && ref.isPreviousYear() == readsLastYear) {
					uses.add(documents.newLocation(ref, ReportPackage.Literals.VALUE_REF__TARGET, -1));
				}
			}
		}
		return uses;
	}

	/** The report itself and the reports of its resource set that name it as last year's. */
	private static List<Report> reportsOf(Report report) {
		List<Report> reports = new ArrayList<>(List.of(report));
		if (report.eResource() == null || report.eResource().getResourceSet() == null) {
			return reports;
		}
		for (Resource resource : List.copyOf(report.eResource().getResourceSet().getResources())) {
			if (resource.isLoaded() && !resource.getContents().isEmpty() && !ReportTypeLibrary.isLibrary(resource.getURI())) {
				for (Report next : EcoreUtil2.eAllOfType(resource.getContents().get(0), Report.class)) {
					if (next.getPrevious() == report) {
						reports.add(next);
					}
				}
			}
		}
		return reports;
	}
}
