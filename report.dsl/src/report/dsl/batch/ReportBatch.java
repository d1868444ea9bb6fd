package report.dsl.batch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

import com.google.inject.Inject;
import com.google.inject.Provider;

import report.dsl.validation.IssueCodes;

/**
 * Checks report files outside an IDE: all files of one run are loaded into one resource set first,
 * so that a report's reference to last year's report resolves when both are given.
 */
public class ReportBatch {

	public static final String EXTENSION = ".report";

	public enum Severity {
		ERROR, WARNING, INFO
	}

	/** One diagnostic at a 1-based line and column of a file. */
	public record Diagnostic(Path file, int line, int column, int endLine, int endColumn, Severity severity,
			String code, String message, List<String> data) {
	}

	/** The files checked, their parsed resources, and what the checker found, ordered by file and position. */
	public record Result(Map<Path, Resource> resources, List<Diagnostic> diagnostics) {
		public long count(Severity severity) {
			return diagnostics.stream().filter(d -> d.severity() == severity).count();
		}

		public boolean hasErrors(Path file) {
			return diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR && d.file().equals(file));
		}
	}

	@Inject
	private Provider<XtextResourceSet> resourceSets;

	@Inject
	private IResourceValidator validator;

	/** The report files named, directories searched for *.report, in a stable order. */
	public static List<Path> collect(List<Path> inputs) throws IOException {
		return ReportBuild.sources(inputs).stream().map(ReportBuild.Source::file).toList();
	}

	/** Files read into one resource set, and the files that could not be read. */
	public record Loaded(Map<Path, Resource> resources, List<Diagnostic> problems) {
	}

	public Loaded load(List<Path> files) {
		XtextResourceSet resourceSet = resourceSets.get();
		Map<Path, Resource> resources = new LinkedHashMap<>();
		List<Diagnostic> problems = new ArrayList<>();
		for (Path file : files) {
			Resource resource = resourceSet.createResource(URI.createFileURI(file.toAbsolutePath().normalize().toString()));
			try (InputStream in = Files.newInputStream(file)) {
				resource.load(in, resourceSet.getLoadOptions());
				resources.put(file, resource);
			} catch (IOException e) {
				problems.add(new Diagnostic(file, 1, 1, 1, 1, Severity.ERROR, "report.io", "无法读取文件：" + e.getMessage(), List.of()));
			}
		}
		return new Loaded(resources, problems);
	}

	public Result check(List<Path> files) {
		Loaded loaded = load(files);
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
		return new Result(loaded.resources(), diagnostics);
	}

	/** The errors of reading a loaded file alone (not UTF-8, syntax), without linking or validation. */
	public List<Diagnostic> syntaxErrors(Path file, Resource resource) {
		return validator.validate(resource, CheckMode.FAST_ONLY, CancelIndicator.NullImpl).stream()
				.filter(issue -> issue.isSyntaxError() || IssueCodes.ENCODING.equals(issue.getCode()))
				.map(issue -> toDiagnostic(file, issue)).toList();
	}

	private static Diagnostic toDiagnostic(Path file, Issue issue) {
		Severity severity = switch (issue.getSeverity()) {
			case ERROR -> Severity.ERROR;
			case WARNING -> Severity.WARNING;
			default -> Severity.INFO;
		};
		int line = issue.getLineNumber() == null ? 1 : issue.getLineNumber();
		int column = issue.getColumn() == null ? 1 : issue.getColumn();
		int endLine = issue.getLineNumberEnd() == null ? line : issue.getLineNumberEnd();
		int endColumn = issue.getColumnEnd() == null ? column : issue.getColumnEnd();
		List<String> data = issue.getData() == null ? List.of() : List.of(issue.getData());
		return new Diagnostic(file, line, column, endLine, endColumn, severity, issue.getCode(), issue.getMessage(), data);
	}
}
