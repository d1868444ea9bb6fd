package report.dsl.batch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

import com.google.inject.Inject;
import com.google.inject.Injector;
import com.google.inject.Provider;

import report.dsl.resource.SourceText;
import report.dsl.scoping.BatchIndex;
import report.dsl.scoping.ReportTypeLibrary;
import report.dsl.validation.IssueCodes;

/**
 * Checks report files outside an IDE: all files of one run are loaded into one resource set first,
 * so that a report's reference to last year's report resolves when both are given.
 */
public class ReportBatch {

	public static final String EXTENSION = ".report";

	/** How many files share a resource set in a large batch: bounds the memory a batch takes per thread. */
	public static final int CHUNK = 100;

	public enum Severity {
		ERROR, WARNING, INFO
	}

	/** One diagnostic at a 1-based line and column of a file. */
	public record Diagnostic(Path file, int line, int column, int endLine, int endColumn, Severity severity,
			String code, String message, List<String> data) {
	}

	/**
	 * The files checked, their parsed resources, and what the checker found, ordered by file and position;
	 * and whether a file that the checked ones depend on (given or not) has errors.
	 */
	public static final class Result {
		private final List<Path> files;
		private final Map<Path, Resource> resources;
		private final List<Diagnostic> diagnostics;
		private final Set<Path> filesWithErrors = new HashSet<>();
		private final Map<Resource, Boolean> erroneous = new HashMap<>();
		private final Predicate<Resource> validatesWithErrors;

		Result(List<Path> files, Map<Path, Resource> resources, List<Diagnostic> diagnostics,
				Predicate<Resource> validatesWithErrors) {
			this.files = files;
			this.resources = resources;
			this.diagnostics = diagnostics;
			this.validatesWithErrors = validatesWithErrors;
			diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).forEach(d -> filesWithErrors.add(d.file()));
			resources.forEach((file, resource) -> erroneous.put(resource, hasErrors(file)));
		}

		/** What was found in the files, their resources no longer loaded: the outcome of a batch checked in chunks. */
		static Result of(List<Path> files, List<Diagnostic> diagnostics) {
			return new Result(files, Map.of(), diagnostics, resource -> false);
		}

		/** The files checked, in their order. */
		public List<Path> files() {
			return files;
		}

		public Map<Path, Resource> resources() {
			return resources;
		}

		public List<Diagnostic> diagnostics() {
			return diagnostics;
		}

		public long count(Severity severity) {
			return diagnostics.stream().filter(d -> d.severity() == severity).count();
		}

		public boolean hasErrors(Path file) {
			return filesWithErrors.contains(file);
		}

		/** Whether a loaded file has errors; one loaded only for linking is validated when first asked. */
		public boolean hasErrors(Resource resource) {
			return erroneous.computeIfAbsent(resource, validatesWithErrors::test);
		}
	}

	@Inject
	private Provider<XtextResourceSet> resourceSets;

	@Inject
	private IResourceValidator validator;

	@Inject
	private IResourceDescription.Manager descriptions;

	@Inject
	private ReportTypeLibrary library;

	@Inject
	private NameScan names;

	@Inject
	private Injector language;

	/** What is done with each chunk's check while its files are loaded, on the thread that checked it. */
	@FunctionalInterface
	public interface ChunkTask<T> {
		T apply(Result chunk, Injector language) throws IOException;
	}

	/** What is done with each chunk's outcome, in the files' order, on the calling thread. */
	@FunctionalInterface
	public interface InOrder<T> {
		void accept(T outcome) throws IOException;
	}

	/** The report files named, directories searched for *.report, in a stable order. */
	public static List<Path> collect(List<Path> inputs) throws IOException {
		return ReportBuild.sources(inputs).stream().map(ReportBuild.Source::file).toList();
	}

	/** Files read into one resource set, and the files that could not be read. */
	public record Loaded(Map<Path, Resource> resources, List<Diagnostic> problems) {
	}

	public Loaded load(List<Path> files) {
		return load(files, List.of());
	}

	/** The files, and others read into the same resource set for linking only: their problems are not reported. */
	private Loaded load(List<Path> files, List<Path> context) {
		return load(resourceSets.get(), files, context);
	}

	private static Loaded load(XtextResourceSet resourceSet, List<Path> files, List<Path> context) {
		Map<Path, Resource> resources = new LinkedHashMap<>();
		List<Diagnostic> problems = new ArrayList<>();
		for (Path file : files) {
			try {
				resources.put(file, read(resourceSet, file));
			} catch (IOException e) {
				problems.add(new Diagnostic(file, 1, 1, 1, 1, Severity.ERROR, "report.io", "无法读取文件：" + e.getMessage(), List.of()));
			}
		}
		for (Path file : context) {
			try {
				read(resourceSet, file);
			} catch (IOException e) {
				// unreadable: nothing resolves to it, as if it were absent
			}
		}
		return new Loaded(resources, problems);
	}

	private static Resource read(XtextResourceSet resourceSet, Path file) throws IOException {
		Resource resource = resourceSet.createResource(uri(file));
		if (resource == null) {
			throw new IOException("不是报告文件（.report）");
		}
		try (InputStream in = Files.newInputStream(file)) {
			resource.load(in, resourceSet.getLoadOptions());
			return resource;
		} catch (IOException e) {
			resourceSet.getResources().remove(resource);
			throw e;
		}
	}

	private static URI uri(Path file) {
		return URI.createFileURI(file.toAbsolutePath().normalize().toString());
	}

	/**
	 * The other report files of the folders of the given ones: a report's 上年报告 and report type resolve
	 * from its folder even when only the report is given (as a pre-commit hook passes the changed files).
	 */
	private static List<Path> neighbours(List<Path> files) {
		Set<Path> given = new HashSet<>();
		files.forEach(file -> given.add(file.toAbsolutePath().normalize()));
		Set<Path> neighbours = new TreeSet<>();
		for (Path folder : given.stream().map(Path::getParent).distinct().toList()) {
			try (Stream<Path> listing = Files.list(folder)) {
				listing.filter(p -> p.getFileName().toString().endsWith(EXTENSION) && Files.isRegularFile(p))
						.map(p -> p.toAbsolutePath().normalize()).filter(p -> !given.contains(p)).forEach(neighbours::add);
			} catch (IOException e) {
				// a folder that cannot be listed contributes nothing to link against
			}
		}
		return List.copyOf(neighbours);
	}

	/** Checks the files, linked against the other report files of their folders too. */
	public Result check(List<Path> files) {
		return check(files, neighbours(files));
	}

	/**
	 * Checks the files as {@link #check(List)} does, for folders of any size: when they and their neighbours fill
	 * more than one chunk, every file is read once to index its reports and report types, then the files are checked
	 * chunk by chunk on the given number of threads, each chunk in its own resource set that loads what its reports
	 * follow and continue (their 上年报告) through the index. Each chunk's check is handed to the task while its files are
	 * loaded, and the task's outcomes to inOrder in the files' order, whatever the number of threads: the diagnostics
	 * are those, and in the order, of checking all files together.
	 */
	public <T> void check(List<Path> files, int threads, ChunkTask<T> task, InOrder<T> inOrder) throws IOException {
		List<Path> context = neighbours(files);
		if (files.size() + context.size() <= CHUNK) {
			inOrder.accept(task.apply(check(files, context), language));
			return;
		}
		try (ChunkedCheck<Worker> chunks = new ChunkedCheck<>(threads, new Worker(language), Worker::new)) {
			List<IResourceDescription> indexed = new ArrayList<>(library.load(resourceSets.get()).stream()
					.map(resource -> BatchIndex.linkable(descriptions.getResourceDescription(resource))).toList());
			List<Path> all = new ArrayList<>(files);
			all.addAll(context);
			chunks.run(ChunkedCheck.partition(all, CHUNK), (part, worker) -> worker.language.getInstance(ReportBatch.class).describe(part),
					indexed::addAll);
			BatchIndex index = new BatchIndex(indexed);
			chunks.run(ChunkedCheck.partition(files, CHUNK),
					(part, worker) -> task.apply(worker.language.getInstance(ReportBatch.class).check(part, index, worker), worker.language),
					inOrder);
		}
	}

	/** The diagnostics of the files as {@link #check(List)} finds them, checked on the given number of threads. */
	public Result check(List<Path> files, int threads) throws IOException {
		List<Diagnostic> diagnostics = new ArrayList<>();
		check(files, threads, (chunk, language) -> chunk.diagnostics(), diagnostics::addAll);
		return Result.of(files, diagnostics);
	}

	/**
	 * What the files export to others: scanned from their tokens, or, when only a parse can tell, read in one resource
	 * set and dropped with it; unreadable files have nothing.
	 */
	private List<IResourceDescription> describe(List<Path> files) {
		XtextResourceSet resourceSet = resourceSets.get();
		List<IResourceDescription> described = new ArrayList<>(files.size());
		for (Path file : files) {
			try {
				Optional<IResourceDescription> scanned = names.scan(uri(file), SourceText.decode(Files.readAllBytes(file)).parsed());
				described.add(scanned.isPresent() ? scanned.get()
						: BatchIndex.linkable(descriptions.getResourceDescription(read(resourceSet, file))));
			} catch (IOException e) {
				// reported when the file is checked; others find nothing in it, as if it were absent
			}
		}
		return described;
	}

	/** A thread of a large batch: its language, and the shipped types its last chunk loaded, for its next chunk. */
	private static final class Worker {
		private final Injector language;
		private List<Resource> library = List.of();

		Worker(Injector language) {
			this.language = language;
		}
	}

	/**
	 * A chunk of files checked in a resource set that finds all other files through the index, and the shipped types
	 * in the state the thread's previous chunk left them.
	 */
	private Result check(List<Path> files, BatchIndex index, Worker worker) {
		XtextResourceSet resourceSet = resourceSets.get();
		index.createShallowCopyWith(resourceSet);
		worker.library = library.moveInto(resourceSet, worker.library);
		return validate(files, load(resourceSet, files, List.of()));
	}

	/**
	 * Checks the files linked against each other only: for callers that check a large folder chunk by chunk
	 * and bound memory by the chunk (a report then resolves last year's report only within its chunk).
	 */
	public Result checkAlone(List<Path> files) {
		return check(files, List.of());
	}

	private Result check(List<Path> files, List<Path> context) {
		return validate(files, load(files, context));
	}

	private Result validate(List<Path> files, Loaded loaded) {
		List<Diagnostic> diagnostics = new ArrayList<>(loaded.problems());
		loaded.resources().forEach((file, resource) -> {
			for (Issue issue : validator.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl)) {
				diagnostics.add(toDiagnostic(file, issue));
			}
		});
		Map<Path, Integer> order = new HashMap<>();
		for (Path file : files) {
			order.putIfAbsent(file, order.size());
		}
		diagnostics.sort(Comparator.comparing((Diagnostic d) -> order.getOrDefault(d.file(), -1)).thenComparingInt(Diagnostic::line)
				.thenComparingInt(Diagnostic::column));
		return new Result(files, loaded.resources(), diagnostics, resource -> validator.validate(resource, CheckMode.ALL,
				CancelIndicator.NullImpl).stream().anyMatch(issue -> toSeverity(issue) == Severity.ERROR));
	}

	/** The errors of reading a loaded file alone (not UTF-8, syntax), without linking or validation. */
	public List<Diagnostic> syntaxErrors(Path file, Resource resource) {
		return validator.validate(resource, CheckMode.FAST_ONLY, CancelIndicator.NullImpl).stream()
				.filter(issue -> issue.isSyntaxError() || IssueCodes.ENCODING.equals(issue.getCode()))
				.map(issue -> toDiagnostic(file, issue)).toList();
	}

	private static Severity toSeverity(Issue issue) {
		return switch (issue.getSeverity()) {
			case ERROR -> Severity.ERROR;
			case WARNING -> Severity.WARNING;
			default -> Severity.INFO;
		};
	}

	private static Diagnostic toDiagnostic(Path file, Issue issue) {
		Severity severity = toSeverity(issue);
		int line = issue.getLineNumber() == null ? 1 : issue.getLineNumber();
		int column = issue.getColumn() == null ? 1 : issue.getColumn();
		int endLine = issue.getLineNumberEnd() == null ? line : issue.getLineNumberEnd();
		int endColumn = issue.getColumnEnd() == null ? column : issue.getColumnEnd();
		List<String> data = issue.getData() == null ? List.of() : List.of(issue.getData());
		return new Diagnostic(file, line, column, endLine, endColumn, severity, issue.getCode(), issue.getMessage(), data);
	}
}
