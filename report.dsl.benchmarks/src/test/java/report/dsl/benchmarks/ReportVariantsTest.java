package report.dsl.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Random;

import org.junit.jupiter.api.Test;

import report.dsl.ReportStandaloneSetup;
import report.dsl.batch.ReportBatch;

/** The batch benchmarks measure correct reports only if the generated variants are correct. */
class ReportVariantsTest {

	@Test
	void variantsOfEveryExampleBalance() throws IOException {
		ReportBatch reportBatch = new ReportStandaloneSetup().createInjectorAndDoEMFRegistration()
				.getInstance(ReportBatch.class);
		try (GeneratedBatch batch = GeneratedBatch.write(50, 1)) {
			ChunkedCheck.Tally tally = new ChunkedCheck(reportBatch, 20).check(batch.files());
			assertEquals(50, tally.reports());
			assertEquals(0, tally.errors(), () -> "first errors: " + tally.firstErrors());
		}
	}

	@Test
	void variantsGetOwnNameAndFigures() {
		String example = Examples.text(Examples.FULL_REPORT);
		String variant = ReportVariants.of(example, 7, new Random(7));
		assertTrue(variant.contains("报告 聊城经济技术开发区管理委员会2023_7 遵循"), variant);
		assertNotEquals(tableB(example), tableB(variant));
	}

	private static String tableB(String report) {
		int start = report.indexOf("表 B {");
		return report.substring(start, report.indexOf('}', start));
	}
}
