package report.dsl.resource;

import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.impl.DefaultResourceDescriptionManager;

/**
 * Which files an editor's builder checks again after a file changed. Xtext's default re-checks the files that
 * refer to a changed one only when the names it declares changed; but a report reads more than names from the files
 * it refers to: last year's figures (上年报告) and the rules of the report type it follows (遵循). So any change of
 * a file re-checks the files that refer to it, and still no other.
 */
public class ReportResourceDescriptionManager extends DefaultResourceDescriptionManager {

	@Override
	protected boolean hasChanges(IResourceDescription.Delta delta, IResourceDescription candidate) {
		return true;
	}
}
