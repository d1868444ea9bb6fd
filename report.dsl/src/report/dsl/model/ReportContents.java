package report.dsl.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.eclipse.emf.common.util.TreeIterator;
import org.eclipse.emf.ecore.EObject;

import report.dsl.report.Figure;
import report.dsl.report.Report;
import report.dsl.report.TableData;
import report.dsl.report.Text;

/**
 * The tables a report gives (a table given twice twice) and the figures it states (数值), each in the order of the file,
 * found in one walk over the report: the rows of a table and the bindings of a paragraph hold neither, so the walk
 * skips them, which are most of a report.
 */
public record ReportContents(List<TableData> tables, List<Figure> figures) {

	public static ReportContents of(Report report) {
		List<TableData> tables = new ArrayList<>();
		List<Figure> figures = new ArrayList<>();
		for (TreeIterator<EObject> contents = report.eAllContents(); contents.hasNext();) {
			EObject object = contents.next();
			if (object instanceof TableData data) {
				tables.add(data);
				contents.prune();
			} else if (object instanceof Figure figure) {
				figures.add(figure);
				contents.prune();
			} else if (object instanceof Text) {
				contents.prune();
			}
		}
		return new ReportContents(Collections.unmodifiableList(tables), Collections.unmodifiableList(figures));
	}
}
