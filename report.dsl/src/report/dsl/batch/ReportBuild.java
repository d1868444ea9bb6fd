package report.dsl.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

import org.eclipse.emf.ecore.resource.Resource;

import com.google.inject.Inject;

import report.dsl.generator.OutputFormat;
import report.dsl.generator.ReportPublisher;
import report.dsl.report.Report;
import report.dsl.report.ReportFile;

/**
 * Checks report files and writes their publications: one file per report and format under the
 * output directory, mirroring the input tree. A report with errors is not published unless forced;
 * every file is written beside its target and moved into place, so no reader sees half a file.
 */
public class ReportBuild {

	/** A report file and where its outputs go, relative to the output directory. */
	public record Source(Path file, Path relative) {
	}

	/** What a build did: the check, the files written, and the report files left unpublished for their errors. */
	public record Outcome(ReportBatch.Result check, List<Path> written, List<Path> withheld) {
	}

	@Inject
	private ReportBatch batch;

	@Inject
	private ReportPublisher publisher;

	/** The report files under the inputs, each with its path relative to the input it was found under. */
	public static List<Source> sources(List<Path> inputs) throws IOException {
		List<Source> sources = new ArrayList<>();
		for (Path input : inputs) {
			if (Files.isDirectory(input)) {
				try (Stream<Path> walk = Files.walk(input)) {
					walk.filter(p -> p.getFileName().toString().endsWith(ReportBatch.EXTENSION) && Files.isRegularFile(p))
							.sorted().forEach(p -> sources.add(new Source(p, input.relativize(p))));
				}
			} else if (Files.isRegularFile(input)) {
				sources.add(new Source(input, input.getFileName()));
			} else {
				throw new NoSuchFileException(input.toString());
			}
		}
		return sources;
	}

	public Outcome build(List<Source> sources, Path outputDirectory, Set<OutputFormat> formats, boolean force,
			IntConsumer progress) throws IOException {
		ReportBatch.Result check = batch.check(sources.stream().map(Source::file).toList());
		Path root = outputDirectory.toAbsolutePath().normalize();
		List<Path> written = new ArrayList<>();
		List<Path> withheld = new ArrayList<>();
		int done = 0;
		for (Source source : sources) {
			Resource resource = check.resources().get(source.file());
			if (resource == null || check.hasErrors(source.file()) && !force) {
				withheld.add(source.file());
			} else {
				written.addAll(publish(source, resource, root, formats));
			}
			progress.accept(++done);
		}
		return new Outcome(check, written, withheld);
	}

	private List<Path> publish(Source source, Resource resource, Path root, Set<OutputFormat> formats) throws IOException {
		List<Path> written = new ArrayList<>();
		if (resource.getContents().isEmpty()) {
			return written;
		}
		List<Report> reports = ((ReportFile) resource.getContents().get(0)).getReports();
		String base = source.relative().toString();
		base = base.substring(0, base.length() - ReportBatch.EXTENSION.length());
		for (Report report : reports) {
			if (report.getType() == null || report.getType().eIsProxy()) {
				continue;
			}
			String name = reports.size() == 1 ? base : base + "-" + report.getName();
			for (OutputFormat format : OutputFormat.values()) {
				if (formats.contains(format)) {
					Path target = inside(root, name + "." + format.extension());
					AtomicFiles.write(target, publisher.render(report, format));
					written.add(target);
				}
			}
		}
		return written;
	}

	/** The target path, refused when it would leave the output directory, whatever a name contains. */
	private static Path inside(Path root, String relative) throws IOException {
		Path target = root.resolve(relative).normalize();
		if (!target.startsWith(root) || target.equals(root)) {
			throw new IOException("拒绝写到输出目录之外：" + relative);
		}
		return target;
	}
}
