package report.dsl.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The real reports of the repository's examples/ folder, packaged into this module's jar. */
public final class Examples {

	/** A full annual report: six parts, Tables A, B and C, and narrative bound to the tables. */
	public static final String FULL_REPORT = "003-liaocheng-kaifaqu-2023.report";

	/** The examples the generated batch is made from; a jar cannot list a folder, so they are named here. */
	public static final List<String> ALL = List.of("000-liaocheng-jiguanshiwu-2023.report",
			"001-yantai-jiguanshiwu-2023.report", "002-liaocheng-gongxin-2023.report", FULL_REPORT,
			"004-yeji-jiguanshiwu-2023.report");

	private Examples() {
	}

	public static String text(String fileName) {
		try (InputStream in = Examples.class.getClassLoader().getResourceAsStream("examples/" + fileName)) {
			if (in == null) {
				throw new IllegalStateException("examples/" + fileName + " is not on the classpath");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
