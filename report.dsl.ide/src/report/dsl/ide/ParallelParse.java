package report.dsl.ide;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.URIConverter;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * Parses many files of a build at once, one file per thread at a time, before Xtext's build (which loads, links and
 * checks them one after the other on one thread) takes them: the workspace's first build parses every file, and that
 * is a fifth of its work. Each file is parsed into its own resource outside the build's resource set, where no other
 * thread sees it; the parsed resources join the set afterwards on the build's thread, in the order of the files.
 * Parsing a file depends on nothing but its text, so the build links and checks the same trees as if it had parsed
 * them itself, and publishes the same diagnostics.
 */
public final class ParallelParse {

	/** Fewer files than this are parsed by the build itself: starting the threads would cost more. */
	private static final int FEWEST_FILES = 8;

	private final int threads;

	public ParallelParse(int threads) {
		this.threads = Math.max(1, threads);
	}

	/**
	 * Parses those of the files that are not in the resource set yet and adds them to it; returns the files added.
	 * A file that cannot be read is left to the build, which reports it as it would have.
	 */
	public Collection<URI> load(Collection<URI> files, XtextResourceSet resources, CancelIndicator cancel) {
		List<URI> unloaded = files.stream().filter(file -> resources.getResource(file, false) == null
				&& resources.getResourceFactoryRegistry().getFactory(file) != null).toList();
		if (threads == 1 || unloaded.size() < FEWEST_FILES) {
			return List.of();
		}
		URIConverter converter = resources.getURIConverter();
		Map<Object, Object> options = resources.getLoadOptions();
		ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
			Thread thread = new Thread(task, "report-parse");
			thread.setDaemon(true);
			return thread;
		});
		try {
			Map<Resource, Future<Boolean>> parsed = new LinkedHashMap<>();
			for (URI file : unloaded) {
				Resource resource = resources.getResourceFactoryRegistry().getFactory(file).createResource(file);
				parsed.put(resource, pool.submit(() -> !cancel.isCanceled() && parse(resource, converter, options)));
			}
			List<URI> added = new ArrayList<>();
			for (Map.Entry<Resource, Future<Boolean>> resource : parsed.entrySet()) {
				if (resource.getValue().get()) {
					resources.getResources().add(resource.getKey());
					added.add(resource.getKey().getURI());
				}
			}
			return added;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return List.of();
		} catch (ExecutionException e) {
			throw new IllegalStateException(e.getCause());
		} finally {
			pool.shutdownNow();
		}
	}

	private static boolean parse(Resource resource, URIConverter converter, Map<Object, Object> options) {
		try {
			InputStream content;
			synchronized (converter) {
				content = converter.createInputStream(resource.getURI(), options);
			}
			try (content) {
				resource.load(content, options);
			}
			return true;
		} catch (IOException | RuntimeException e) {
			return false;
		}
	}
}
