package report.dsl.ide;

import java.io.IOException;
import java.io.InputStream;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.build.IncrementalBuilder;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.LazyStringInputStream;

import report.dsl.resource.ReportResource;

/**
 * Xtext's build of the editors' changes, which unloads every changed file and parses it again from its first
 * character. An open document that the editor changed is instead edited in place ({@link ReportResource#edit}): only
 * the part of the tree around the change is parsed again, and the rest of the file, its other reports, stays as it
 * was. Files changed on disk, deleted, or re-checked because a file they depend on changed are unloaded as before.
 */
public class EditReparsingBuilder extends IncrementalBuilder.InternalStatefulIncrementalBuilder {

	@Override
	protected void unloadResource(URI uri) {
		if (!editedInPlace(uri)) {
			super.unloadResource(uri);
		}
	}

	private boolean editedInPlace(URI uri) {
		XtextResourceSet resources = getRequest().getResourceSet();
		if (!(resources.getResource(uri, false) instanceof ReportResource resource) || !getRequest().getDirtyFiles().contains(uri)
				|| getRequest().getDeletedFiles().contains(uri)) {
			return false;
		}
		try (InputStream content = resources.getURIConverter().createInputStream(uri)) {
			return content instanceof LazyStringInputStream editorText && resource.edit(editorText.getString());
		} catch (IOException e) {
			return false;
		}
	}
}
