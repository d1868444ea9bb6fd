package report.dsl.resource;

import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.EObjectDescription;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.impl.DefaultResourceDescriptionStrategy;
import org.eclipse.xtext.util.IAcceptor;

import report.dsl.report.Report;
import report.dsl.scoping.SummaryParts;

/**
 * A summary report that adds up a folder (汇总 目录 "…") names no file: its entry in the index carries the folder, so
 * that an edit of any report there has the editors check the summary again.
 */
public class ReportResourceDescriptionStrategy extends DefaultResourceDescriptionStrategy {

	/** The user data key of a summary report's folder, as a URI. */
	public static final String SUMMARY_FOLDER = "summaryFolder";

	@Override
	public boolean createEObjectDescriptions(EObject object, IAcceptor<IEObjectDescription> acceptor) {
		if (object instanceof Report report && report.getSummary() != null && report.getSummary().getFolder() != null
				&& report.eResource() != null) {
			QualifiedName name = getQualifiedNameProvider().getFullyQualifiedName(report);
			if (name != null) {
				URI folder = SummaryParts.folder(report, report.getSummary().getFolder());
				acceptor.accept(EObjectDescription.create(name, report, Map.of(SUMMARY_FOLDER, folder.toString())));
				return true;
			}
		}
		return super.createEObjectDescriptions(object, acceptor);
	}

	/** The folder a summary report's entry names, if it adds up a folder. */
	public static URI summaryFolder(IEObjectDescription report) {
		String folder = report.getUserData(SUMMARY_FOLDER);
		return folder == null ? null : URI.createURI(folder);
	}
}
