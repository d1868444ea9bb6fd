package report.dsl.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import org.eclipse.emf.ecore.util.EcoreUtil;

import com.google.inject.Inject;

import report.dsl.batch.ReportBatch.Diagnostic;
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
	private ReportDependencies dependencies;

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
	 * Builds on as many threads as there are processors.
	 *
	 * @param formats the extensions to write, among {@link ReportPublisher#extensions()}
	 * @param font the font file document outputs embed, when the user named one
	 */
	public Outcome build(List<Source> sources, Path outputDirectory, Set<String> formats, Optional<Path> font, boolean force,
			IntConsumer progress) throws IOException {
		return build(sources, outputDirectory, formats, font, force, Runtime.getRuntime().availableProcessors(), progress);
	}

	/**
	 * Checks the sources on the given number of threads (see {@link ReportBatch#check(List, int, ReportBatch.ChunkTask,
	 * ReportBatch.InOrder)}) and publishes every report that has no errors and depends on none: each chunk's outputs
	 * are rendered on the thread that checked it and written in the sources' order, so that what is written, withheld
	 * and refused as a collision is the same whatever the number of threads. Then the history of each body of which
	 * two or more years were published.
	 */
	public Outcome build(List<Source> sources, Path outputDirectory, Set<String> formats, Optional<Path> font, boolean force,
			int threads, IntConsumer progress) throws IOException {
		Map<Path, Source> byFile = new HashMap<>();
		sources.forEach(source -> byFile.put(source.file(), source));
		Outputs outputs = new Outputs(outputDirectory.toAbsolutePath().normalize());
		List<Diagnostic> diagnostics = new ArrayList<>();
		List<Withheld> withheld = new ArrayList<>();
		List<Published> published = new ArrayList<>();
		int[] done = { 0 };
		List<Path> files = sources.stream().map(Source::file).toList();
		batch.check(files, threads, (chunk, language) -> {
			ReportPublisher publisher = language.getInstance(ReportPublisher.class);
			List<Planned> planned = new ArrayList<>();
			for (Path file : chunk.files()) {
				planned.add(plan(byFile.get(file), chunk, formats, font, force, publisher));
			}
			return new ChunkOutcome(chunk.diagnostics(), planned);
		}, chunk -> {
			diagnostics.addAll(chunk.diagnostics());
			for (Planned file : chunk.files()) {
				withheld.addAll(file.withheld());
				published.addAll(file.published());
				for (Rendered output : file.outputs()) {
					outputs.write(output);
				}
				progress.accept(++done[0]);
			}
		});
		publishHistories(files, published, formats, threads, outputs);
		return new Outcome(ReportBatch.Result.of(files, diagnostics), outputs.written, withheld, outputs.collisions);
	}

	/** What a chunk's check decided for its files. */
	private record ChunkOutcome(List<Diagnostic> diagnostics, List<Planned> files) {
	}

	/** What a file's check decided: its reports withheld, each output of the others, rendered, and those published. */
	private record Planned(List<Withheld> withheld, List<Rendered> outputs, List<Published> published) {
	}

	/**
	 * One output of a source file, where it goes relative to the output directory, and what it is (报告「…」) for a
	 * collision's message.
	 */
	private record Rendered(Path file, String what, String target, byte[] content) {
	}

	/** A published report by its URI, which stays the same in every resource set, and that of its 上年报告, if any. */
	private record Published(Path file, String uri, String previous) {
	}

	private Planned plan(Source source, ReportBatch.Result check, Set<String> formats, Optional<Path> font, boolean force,
			ReportPublisher publisher) {
		List<Withheld> withheld = new ArrayList<>();
		List<Rendered> outputs = new ArrayList<>();
		List<Published> published = new ArrayList<>();
		Resource resource = check.resources().get(source.file());
		if (resource == null || check.hasErrors(source.file()) && !force) {
			withheld.add(new Withheld(source.file(), null, null));
		} else if (!resource.getContents().isEmpty()) {
			List<Report> reports = ((ReportFile) resource.getContents().get(0)).getReports();
			for (Report report : reports) {
				Optional<Resource> blocking = force ? Optional.empty() : dependencies.erroneous(report, check::hasErrors);
				if (blocking.isPresent()) {
					withheld.add(new Withheld(source.file(), report.getName(), Path.of(blocking.get().getURI().toFileString())));
				} else if (report.getType() != null && !report.getType().eIsProxy()) {
					String base = source.relative().toString();
					base = base.substring(0, base.length() - ReportBatch.EXTENSION.length());
					String name = reports.size() == 1 ? base : base + "-" + report.getName();
					for (String format : publisher.extensions()) {
						if (formats.contains(format)) {
							outputs.add(new Rendered(source.file(), "报告「" + report.getName() + "」", name + "." + format,
									publisher.render(report, format, font)));
						}
					}
					Report previous = report.getPrevious();
					published.add(new Published(source.file(), EcoreUtil.getURI(report).toString(),
							previous == null || previous.eIsProxy() ? null : EcoreUtil.getURI(previous).toString()));
				}
			}
		}
		return new Planned(withheld, outputs, published);
	}

	/** Where a body's history over the years is published: 历年/发布机关.html, .json. */
	static final String HISTORY_FOLDER = "历年";

	/**
	 * A history page (and its data) for each body of which two or more years are published, linked by 上年报告: the
	 * chain back from each published report that is no other published report's 上年报告, in the sources' order. The
	 * files are checked again for it, as they were the first time (a summary's parts come from the files checked with
	 * it), since the first check keeps no chunk's reports; a build with no such chain checks once.
	 */
	private void publishHistories(List<Path> files, List<Published> published, Set<String> formats, int threads,
			Outputs outputs) throws IOException {
		List<OutputFormat> historyFormats = List.of(OutputFormat.values()).stream().filter(f -> formats.contains(f.extension())).toList();
		Set<String> previous = new HashSet<>();
		published.forEach(report -> previous.add(report.previous()));
		List<Published> latest = published.stream().filter(report -> report.previous() != null && !previous.contains(report.uri())).toList();
		if (latest.isEmpty() || historyFormats.isEmpty()) {
			return;
		}
		Set<String> heads = new HashSet<>();
		Set<Path> headFiles = new HashSet<>();
		latest.forEach(report -> {
			heads.add(report.uri());
			headFiles.add(report.file());
		});
		batch.check(files, threads, (chunk, language) -> {
			HistoryGenerator history = language.getInstance(HistoryGenerator.class);
			List<Rendered> pages = new ArrayList<>();
			for (Path file : chunk.files()) {
				Resource resource = chunk.resources().get(file);
				if (resource == null || !headFiles.contains(file)) {
					continue;
				}
				for (Report head : resource.getContents().isEmpty() ? List.<Report>of() : ((ReportFile) resource.getContents().get(0)).getReports()) {
					if (!heads.contains(EcoreUtil.getURI(head).toString())) {
						continue;
					}
					for (List<Report> chain : HistoryGenerator.chains(List.of(head))) {
						String name = HISTORY_FOLDER + "/" + ReportText.clean(ReportMetadata.issuer(head)).replaceAll("[\\\\/:*?\"<>|\\s]", "_");
						for (OutputFormat format : historyFormats) {
							history.render(chain, format).ifPresent(text -> pages.add(new Rendered(file, "历年数据",
									name + "." + format.extension(), text.getBytes(StandardCharsets.UTF_8))));
						}
					}
				}
			}
			return pages;
		}, pages -> {
			for (Rendered page : pages) {
				outputs.write(page);
			}
		});
	}

	/**
	 * The files a build wrote under its output directory, in order, and the outputs refused because another had the
	 * same name; each file is written beside its target and moved into place.
	 */
	private static final class Outputs {
		private final Path root;
		private final Map<Path, Path> writtenFrom = new HashMap<>();
		private final List<Path> written = new ArrayList<>();
		private final List<String> collisions = new ArrayList<>();
		/**
		 * The folders this build wrote into, each found inside the output directory by its real path when first
		 * written: a build's tens of thousands of files share few folders, which are not resolved again for each.
		 */
		private final Set<Path> safeFolders = new HashSet<>();

		Outputs(Path root) {
			this.root = root;
		}

		void write(Rendered output) throws IOException {
			Path target = inside(output.target());
			Path earlier = writtenFrom.putIfAbsent(target, output.file());
			if (earlier != null) {
				collisions.add(root.relativize(target) + "：" + output.file() + " 的" + output.what() + "与 " + earlier
						+ " 的输出同名，未覆盖");
				return;
			}
			AtomicFiles.write(target, output.content());
			written.add(target);
			safeFolders.add(target.getParent());
		}

		/**
		 * The target path, refused when it would leave the output directory, whatever a name contains and wherever
		 * a symbolic link inside the output directory points: the nearest existing folder is compared by its real path.
		 * The output directory is made by the first file written into it, so that a build that publishes nothing leaves
		 * nothing behind.
		 */
		private Path inside(String relative) throws IOException {
			Path target = root.resolve(relative).normalize();
			if (!target.startsWith(root) || target.equals(root)) {
				throw new IOException("拒绝写到输出目录之外：" + relative);
			}
			if (safeFolders.contains(target.getParent())) {
				return target;
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
}
