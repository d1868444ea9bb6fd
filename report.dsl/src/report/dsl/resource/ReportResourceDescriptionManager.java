package report.dsl.resource;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.IReferenceDescription;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.IResourceDescriptions;
import org.eclipse.xtext.resource.impl.DefaultResourceDescriptionManager;

import report.dsl.report.ReportPackage.Literals;

/**
 * A report reads the numbers of the files it names (last year's report, the parts of a summary, its report type) and,
 * as a summary of a folder, of every report there: an edit of those, or a report added to or removed from the folder,
 * changes its checks even when no name changes, so the editors check it again.
 */
public class ReportResourceDescriptionManager extends DefaultResourceDescriptionManager {

	@Override
	public boolean isAffected(Collection<IResourceDescription.Delta> deltas, IResourceDescription candidate,
			IResourceDescriptions context) {
		if (super.isAffected(deltas, candidate, context)) {
			return true;
		}
		Set<URI> named = new HashSet<>();
		for (IReferenceDescription reference : candidate.getReferenceDescriptions()) {
			named.add(reference.getTargetEObjectUri().trimFragment());
		}
		Set<String> folders = new HashSet<>();
		for (IEObjectDescription report : candidate.getExportedObjectsByType(Literals.REPORT)) {
			URI folder = ReportResourceDescriptionStrategy.summaryFolder(report);
			if (folder != null) {
				folders.add(URI.decode(folder.toString()));
			}
		}
		return deltas.stream().anyMatch(delta -> delta.getNew() != null && named.contains(delta.getUri())
				|| delta.getUri().segmentCount() > 0 && folders.contains(URI.decode(delta.getUri().trimSegments(1).toString())));
	}
}
