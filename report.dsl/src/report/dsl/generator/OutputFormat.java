package report.dsl.generator;

import java.util.Locale;
import java.util.Optional;

/** The published outputs, by the file extension they are written with. */
public enum OutputFormat {
	MARKDOWN("md"), HTML("html"), JSON("json");

	private final String extension;

	OutputFormat(String extension) {
		this.extension = extension;
	}

	public String extension() {
		return extension;
	}

	public static Optional<OutputFormat> byExtension(String name) {
		String wanted = name.trim().toLowerCase(Locale.ROOT);
		for (OutputFormat format : values()) {
			if (format.extension.equals(wanted) || format.name().toLowerCase(Locale.ROOT).equals(wanted)) {
				return Optional.of(format);
			}
		}
		return Optional.empty();
	}
}
