package report.dsl.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import com.google.inject.Injector;

import report.dsl.ReportStandaloneSetup;

/**
 * Work on chunks of files spread over a fixed number of threads, each thread with state of its own made from a language
 * injector of its own (Xtext's resource sets and the services that parse, link and validate are not shared between
 * threads), the outcomes handed on in the chunks' order. At most two chunks per thread are under way or waiting to be
 * handed on, so memory is bounded by the chunk size, not by the number of files.
 */
public final class ChunkedCheck<S> implements AutoCloseable {

	/** Work on one chunk with the state of the thread it runs on. */
	@FunctionalInterface
	public interface Work<P, S, T> {
		T apply(P part, S state) throws IOException;
	}

	private final int threads;
	private final ExecutorService pool;
	private final ThreadLocal<S> states;

	/**
	 * The first thread works with the given state; the others with state made from an injector each, made as the
	 * standalone setup does (EMF's registration was done by the first).
	 */
	public ChunkedCheck(int threads, S first, Function<Injector, S> others) {
		this.threads = Math.max(1, threads);
		AtomicBoolean given = new AtomicBoolean();
		states = ThreadLocal.withInitial(() -> given.compareAndSet(false, true) ? first
				: others.apply(new ReportStandaloneSetup().createInjector()));
		pool = Executors.newFixedThreadPool(this.threads, runnable -> {
			Thread thread = new Thread(runnable, "report-check");
			thread.setDaemon(true);
			return thread;
		});
	}

	public static <E> List<List<E>> partition(List<E> items, int size) {
		List<List<E>> parts = new ArrayList<>();
		for (int from = 0; from < items.size(); from += size) {
			parts.add(items.subList(from, Math.min(items.size(), from + size)));
		}
		return parts;
	}

	/** Applies the work to every part, and hands each outcome to inOrder in the parts' order. */
	public <P, T> void run(List<P> parts, Work<P, S, T> work, ReportBatch.InOrder<T> inOrder) throws IOException {
		Deque<Future<T>> underWay = new ArrayDeque<>();
		int next = 0;
		while (next < parts.size() || !underWay.isEmpty()) {
			while (next < parts.size() && underWay.size() < 2 * threads) {
				P part = parts.get(next++);
				underWay.add(pool.submit(() -> {
					try {
						return work.apply(part, states.get());
					} catch (IOException e) {
						throw new UncheckedIOException(e);
					}
				}));
			}
			inOrder.accept(outcome(underWay.poll()));
		}
	}

	private static <T> T outcome(Future<T> future) throws IOException {
		try {
			return future.get();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("检查被中断", e);
		} catch (ExecutionException e) {
			if (e.getCause() instanceof UncheckedIOException io) {
				throw io.getCause();
			}
			if (e.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (e.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(e.getCause());
		}
	}

	@Override
	public void close() {
		pool.shutdownNow();
	}
}
