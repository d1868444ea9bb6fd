package report.dsl.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Damaged Word, PDF and Excel files (the fixtures with bytes overwritten, or cut short) are read, or refused with an
 * UnreadableDocumentException: no other exception, so `report import` gives one message and no stack trace.
 */
class DocumentFuzzTest {

	private static final String SEED = "20261201";
	private static final List<String> FIXTURES = List.of("001.docx", "001.xlsx", "001.pdf", "kangxi.pdf", "scanned.pdf");

	@Property(seed = SEED, tries = 60, edgeCases = EdgeCasesMode.NONE)
	void aDamagedDocumentIsReadOrRefusedWithItsReason(@ForAll("damaged") Damaged file) {
		try {
			PublishedDocument.read(file.name(), file.bytes());
		} catch (UnreadableDocumentException e) {
			if (e.getMessage() == null || e.getMessage().isBlank() || e.getMessage().contains("\n")) {
				throw new AssertionError("not one sentence: " + e.getMessage());
			}
		}
	}

	record Damaged(String name, byte[] bytes) {
		@Override
		public String toString() {
			return name + " (" + bytes.length + " bytes)";
		}
	}

	@Provide
	Arbitrary<Damaged> damaged() {
		Arbitrary<String> fixture = Arbitraries.of(FIXTURES);
		Arbitrary<Double> where = Arbitraries.doubles().between(0, 1);
		Arbitrary<Integer> length = Arbitraries.integers().between(1, 64);
		Arbitrary<Boolean> cut = Arbitraries.of(true, false);
		return Combinators.combine(fixture, where, length, cut).as((name, at, n, truncate) -> {
			byte[] original = read(name);
			int from = (int) (at * (original.length - 1));
			if (truncate) {
				return new Damaged(name, Arrays.copyOf(original, from));
			}
			byte[] bytes = original.clone();
			for (int i = from; i < Math.min(bytes.length, from + n); i++) {
				bytes[i] = (byte) (bytes[i] ^ (0x5A + i));
			}
			return new Damaged(name, bytes);
		});
	}

	private static byte[] read(String fixture) {
		try {
			return Files.readAllBytes(OfficeImportTest.OFFICE.resolve(fixture));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
