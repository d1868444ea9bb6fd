package report.dsl.ide;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.ide.server.BuildManager.Buildable;
import org.eclipse.xtext.ide.server.WorkspaceManager;

import com.google.inject.Singleton;

/** Keeps each open document as a {@link ReportDocument}, so that positions in it count the language's line ends. */
@Singleton
public class ReportWorkspaceManager extends WorkspaceManager {

	@Override
	public Buildable didOpen(URI uri, Integer version, String contents) {
		Buildable build = super.didOpen(uri, version, contents);
		getOpenDocuments().put(uri, new ReportDocument(version, contents));
		return build;
	}
}
