package report.dsl.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/** Report files written to a temporary folder: variants of the five examples in turn, deleted on close. */
public final class GeneratedBatch implements AutoCloseable {

	private final Path folder;
	private final List<Path> files;

	private GeneratedBatch(Path folder, List<Path> files) {
		this.folder = folder;
		this.files = List.copyOf(files);
	}

	/** The same seed gives the same files, so that runs compare. */
	public static GeneratedBatch write(int count, long seed) throws IOException {
		Path folder = Files.createTempDirectory("report-batch-");
		List<String> texts = Examples.ALL.stream().map(Examples::text).toList();
		Random random = new Random(seed);
		List<Path> files = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			int example = i % texts.size();
			Path file = folder.resolve(String.format("%05d-%s", i, Examples.ALL.get(example)));
			Files.writeString(file, ReportVariants.of(texts.get(example), i, random), StandardCharsets.UTF_8);
			files.add(file);
		}
		return new GeneratedBatch(folder, files);
	}

	public List<Path> files() {
		return files;
	}

	@Override
	public void close() {
		try (Stream<Path> walk = Files.walk(folder)) {
			for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
