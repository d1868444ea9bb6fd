package report.dsl.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

import org.eclipse.emf.ecore.resource.Resource;

import com.google.inject.Inject;

import report.dsl.generator.HistoryGenerator;
import report.dsl.generator.OutputFormat;
import report.dsl.generator.ReportPublisher;
import report.dsl.generator.ReportText;
import report.dsl.model.ReportMetadata;
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

	/** A report not published, and why: its own file's errors, or those of a file its numbers depend on. */
	public record Withheld(Path file, String report, Path blockedBy) {
		public boolean ownErrors() {
			return blockedBy == null;
		}
	}

	/** What a build did: the check, the files written, the reports withheld, and outputs two reports would share. */
	public record Outcome(ReportBatch.Result check, List<Path> written, List<Withheld> withheld, List<String> collisions) {
	}

	@Inject
	private ReportBatch batch;

	@Inject
	private ReportPublisher publisher;

	@Inject
	private HistoryGenerator history;

	/**
	 * The report files under the inputs, each once, with where its outputs go: a directory's files by their path
	 * in it, as before; the files given by name by their path below the folder they share, so that
	 * `yrs/2023/本局.report` and `yrs/2024/本局.report` stay apart.
	 */
	public static List<Source> sources(List<Path> inputs) throws IOException {
		List<Path> named = inputs.stream().filter(Files::isRegularFile).toList();
		Path base = named.isEmpty() ? null : commonFolder(named);
		Set<Path> seen = new HashSet<>();
		List<Source> sources = new ArrayList<>();
		for (Path input : inputs) {
			if (Files.isDirectory(input)) {
				try (Stream<Path> walk = Files.walk(input)) {
					for (Path file : walk.filter(p -> p.getFileName().toString().endsWith(ReportBatch.EXTENSION) && Files.isRegularFile(p))
							.sorted().toList()) {
						if (seen.add(file.toRealPath())) {
							sources.add(new Source(file, input.relativize(file)));
						}
					}
				}
			} else if (Files.isRegularFile(input)) {
				if (seen.add(input.toRealPath())) {
					sources.add(new Source(input, base.relativize(input.toAbsolutePath().normalize())));
				}
			} else {
				throw new NoSuchFileException(input.toString());
			}
		}
		return sources;
	}

	/** The deepest folder that holds every one of the files. */
	private static Path commonFolder(List<Path> files) {
		Path common = files.get(0).toAbsolutePath().normalize().getParent();
		for (Path file : files) {
			while (!file.toAbsolutePath().normalize().startsWith(common)) {
				common = common.getParent();
			}
		}
		return common;
	}

	/**
	 * @param formats the extensions to write, among {@link ReportPublisher#extensions()}
	 * @param font the font file document outputs embed, when the user named one
	 */
	public Outcome build(List<Source> sources, Path outputDirectory, Set<String> formats, Optional<Path> font, boolean force,
			IntConsumer progress) throws IOException {
		ReportBatch.Result check = batch.check(sources.stream().map(Source::file).toList());
		Path root = outputDirectory.toAbsolutePath().normalize();
		Map<Path, Path> writtenFrom = new HashMap<>();
		List<Path> written = new ArrayList<>();
		List<Withheld> withheld = new ArrayList<>();
		List<String> collisions = new ArrayList<>();
		int done = 0;
		List<Report> published = new ArrayList<>();
		for (Source source : sources) {
			Resource resource = check.resources().get(source.file());
			if (resource == null || check.hasErrors(source.file()) && !force) {
				withheld.add(new Withheld(source.file(), null, null));
			} else if (!resource.getContents().isEmpty()) {
				List<Report> reports = ((ReportFile) resource.getContents().get(0)).getReports();
				for (Report report : reports) {
					Optional<Resource> blocking = force ? Optional.empty() : erroneousDependency(report, check);
					if (blocking.isPresent()) {
						withheld.add(new Withheld(source.file(), report.getName(), Path.of(blocking.get().getURI().toFileString())));
					} else if (report.getType() != null && !report.getType().eIsProxy()) {
						publish(source, report, reports.size() == 1, root, formats, font, writtenFrom, written, collisions);
						published.add(report);
					}
				}
			}
			progress.accept(++done);
		}
		publishHistories(published, root, formats, writtenFrom, written, collisions);
		return new Outcome(check, written, withheld, collisions);
	}

	/** Where a body's history over the years is published: 历年/发布机关.html, .json. */
	static final String HISTORY_FOLDER = "历年";

	/** A history page (and its data) for each body of which two or more years are published, linked by 上年报告. */
	private void publishHistories(List<Report> published, Path root, Set<String> formats, Map<Path, Path> writtenFrom,
			List<Path> written, List<String> collisions) throws IOException {
		for (List<Report> chain : HistoryGenerator.chains(published)) {
			Report latest = chain.get(chain.size() - 1);
			Path source = Path.of(latest.eResource().getURI().toFileString());
			String name = HISTORY_FOLDER + "/" + ReportText.clean(ReportMetadata.issuer(latest)).replaceAll("[\\\\/:*?\"<>|\\s]", "_");
			for (OutputFormat format : OutputFormat.values()) {
				Optional<String> text = formats.contains(format.extension()) ? history.render(chain, format) : Optional.empty();
				if (text.isEmpty()) {
					continue;
				}
				Path target = inside(root, name + "." + format.extension());
				Path earlier = writtenFrom.putIfAbsent(target, source);
				if (earlier != null) {
					collisions.add(root.relativize(target) + "：" + source + " 的历年数据与 " + earlier + " 的输出同名，未覆盖");
					continue;
				}
				AtomicFiles.write(target, text.get());
				written.add(target);
			}
		}
	}

	/**
	 * The first file with errors among those the report's numbers come from: the file of its report type and,
	 * through 上年报告, last year's report and what that depends on. The shipped types are always sound.
	 */
	private static Optional<Resource> erroneousDependency(Report report, ReportBatch.Result check) {
		Set<Report> seen = new HashSet<>();
		for (Report step = report; step != null && !step.eIsProxy() && seen.add(step); step = step.getPrevious()) {
			List<Resource> files = new ArrayList<>();
			if (step != report) {
				files.add(step.eResource());
			}
			if (step.getType() != null && !step.getType().eIsProxy() && step.getType().eResource().getURI().isFile()) {
				files.add(step.getType().eResource());
			}
			for (Resource file : files) {
				if (file != report.eResource() && check.hasErrors(file)) {
					return Optional.of(file);
				}
			}
		}
		return Optional.empty();
	}

	private void publish(Source source, Report report, boolean alone, Path root, Set<String> formats, Optional<Path> font,
			Map<Path, Path> writtenFrom, List<Path> written, List<String> collisions) throws IOException {
		String base = source.relative().toString();
		base = base.substring(0, base.length() - ReportBatch.EXTENSION.length());
		String name = alone ? base : base + "-" + report.getName();
		for (String format : publisher.extensions()) {
			if (formats.contains(format)) {
				Path target = inside(root, name + "." + format);
				Path earlier = writtenFrom.putIfAbsent(target, source.file());
				if (earlier != null) {
					collisions.add(root.relativize(target) + "：" + source.file() + " 的报告「" + report.getName() + "」与 "
							+ earlier + " 的输出同名，未覆盖");
					continue;
				}
				AtomicFiles.write(target, publisher.render(report, format, font));
				written.add(target);
			}
		}
	}

	/**
	 * The target path, refused when it would leave the output directory, whatever a name contains and wherever
	 * a symbolic link inside the output directory points: the nearest existing folder is compared by its real path.
	 * The output directory is made by the first file written into it, so that a build that publishes nothing leaves
	 * nothing behind.
	 */
	private static Path inside(Path root, String relative) throws IOException {
		Path target = root.resolve(relative).normalize();
		if (!target.startsWith(root) || target.equals(root)) {
			throw new IOException("拒绝写到输出目录之外：" + relative);
		}
		if (!Files.exists(root)) {
			return target; // nothing of the output directory exists yet, so no link inside it can lead out
		}
		Path realRoot = root.toRealPath();
		Path existing = target.getParent();
		while (!Files.exists(existing)) {
			existing = existing.getParent();
		}
		if (!existing.toRealPath().startsWith(realRoot)) {
			throw new IOException("拒绝写到输出目录之外：" + relative + "（" + root.relativize(existing) + " 是指向 "
					+ existing.toRealPath() + " 的链接）");
		}
		return target;
	}
}
