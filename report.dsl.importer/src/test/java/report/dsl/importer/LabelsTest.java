package report.dsl.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Labels' shortcut for text that normalising leaves alone gives what the full normalisation gives. */
class LabelsTest {

	@Test
	void shortcutAgreesWithFullNormalisationOnEverySeedLine() throws IOException {
		try (Stream<Path> seeds = Files.list(Path.of("src/test/resources/seeds"))) {
			for (Path seed : seeds.toList()) {
				for (String line : Files.readAllLines(seed, StandardCharsets.UTF_8)) {
					assertEquals(Labels.folded(line), Labels.normalise(line), seed + ": " + line);
				}
			}
		}
	}

	@Test
	void shortcutAgreesOnTheCharactersNormalisingChanges() {
		for (String text : List.of("三、 本年度", "**614**", "[bookmark: _Toc1]一、总则", "（一）", "１２３", "⼀", "a\u0301", "e\u00a0f", "收到\t申请",
				"A9", "申请7件。", "、。", "")) {
			assertEquals(Labels.folded(text), Labels.normalise(text), text);
		}
	}
}
