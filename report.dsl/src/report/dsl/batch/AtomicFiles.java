package report.dsl.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.UUID;

/** Writes a file so that readers see the old content or the new, never a part: write beside it, then move over it. */
public final class AtomicFiles {

	private AtomicFiles() {
	}

	public static void write(Path target, String text) throws IOException {
		write(target, text.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The folders are made only when writing finds them missing, and the temporary file is removed only when it was not
	 * moved: a build writes tens of thousands of files into folders that mostly exist, and each system call saved
	 * counts there.
	 */
	public static void write(Path target, byte[] content) throws IOException {
		Path parent = target.toAbsolutePath().getParent();
		Path temporary = parent.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
		boolean moved = false;
		try {
			try {
				create(temporary, content);
			} catch (NoSuchFileException e) {
				Files.createDirectories(parent);
				create(temporary, content);
			}
			keepPermissions(target, temporary);
			Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			moved = true;
		} finally {
			if (!moved) {
				Files.deleteIfExists(temporary);
			}
		}
	}

	/** Created like any new file (the umask decides), unlike Files.createTempFile's owner-only mode. */
	private static void create(Path temporary, byte[] content) throws IOException {
		Files.write(temporary, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
	}

	private static void keepPermissions(Path original, Path replacement) throws IOException {
		PosixFileAttributeView view = Files.getFileAttributeView(original, PosixFileAttributeView.class);
		if (view != null && Files.exists(original)) {
			Files.setPosixFilePermissions(replacement, view.readAttributes().permissions());
		}
	}
}
