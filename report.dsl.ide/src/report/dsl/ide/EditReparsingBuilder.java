package report.dsl.ide;

import java.io.IOException;
import java.io.InputStream;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.build.BuildRequest;
import org.eclipse.xtext.build.IncrementalBuilder;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.LazyStringInputStream;

import com.google.inject.Inject;

import report.dsl.resource.ReportResource;

/**
 * Xtext's build of the editors' changes, which unloads every changed file and parses it again from its first
 * character. An open document that the editor changed is instead edited in place ({@link ReportResource#edit}): only
 * the part of the tree around the change is parsed again, and the rest of the file, its other reports, stays as it
 * was. Files changed on disk, deleted, or re-checked because a file they depend on changed are unloaded as before.
 * Many files not loaded yet, as in the workspace's first build, are parsed ahead on all cores ({@link ParallelParse}).
 */
public class EditReparsingBuilder extends IncrementalBuilder.InternalStatefulIncrementalBuilder {

	@Inject
	private ParallelParse parallelParse;

	/** The files this build parsed before Xtext's build began, which it must not unload as changed. */
	private Set<URI> parsedAhead = Set.of();

	/** Parses the changed files that are not loaded (the workspace's first build: all of them) on all cores first. */
	@Override
	public IncrementalBuilder.Result launch() {
		BuildRequest request = getRequest();
		List<URI> changed = request.getDirtyFiles().stream().filter(file -> !request.getDeletedFiles().contains(file)).toList();
		parsedAhead = new HashSet<>(parallelParse.load(changed, request.getResourceSet(), request.getCancelIndicator()));
		return super.launch();
	}

	@Override
	protected void unloadResource(URI uri) {
		if (!parsedAhead.remove(uri) && !editedInPlace(uri)) {
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
