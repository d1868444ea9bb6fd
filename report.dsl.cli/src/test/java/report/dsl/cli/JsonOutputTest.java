package report.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.inject.Injector;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import report.dsl.ReportStandaloneSetup;
import report.dsl.batch.ReportBatch;
import report.dsl.generator.OutputFormat;
import report.dsl.generator.ReportPublisher;
import report.dsl.generator.ReportText;
import report.dsl.report.ReportFile;

/**
 * The JSON output is written as it is walked; what it prints must be what Gson prints for the same document as a
 * tree (key order, escaping, indentation, numbers), whatever the author wrote: narrative, headings and descriptions
 * with characters that need escaping in some output (quotes, backslashes, markup, control characters, CJK, emoji).
 */
class JsonOutputTest {

	private static final Injector LANGUAGE = new ReportStandaloneSetup().createInjectorAndDoEMFRegistration();
	/** How the output was printed when it was built as a tree. */
	static final Gson TREE = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create();
	private static final Path EXAMPLE = Path.of("..", "examples", "000-liaocheng-jiguanshiwu-2023.report");
	private static final String PARAGRAPH = "\"2023年，市机关事务管理局坚持";

	@Property(seed = "20261201", tries = 60)
	void printsWhatGsonPrintsForTheSameTree(@ForAll("authorText") String narrative, @ForAll("authorText") String heading,
			@ForAll("authorText") String description) throws IOException {
		String text = Files.readString(EXAMPLE).replace(PARAGRAPH, "\"" + escaped(narrative) + PARAGRAPH.substring(1))
				.replace("小节 \"（一）主动公开\"", "小节 \"" + escaped(heading) + "\"")
				.replace("说明 \"局门户网站主动公开各类信息\"", "说明 \"" + escaped(description) + "\"");
		Path file = Files.createTempDirectory("json-output").resolve("report.report");
		Files.writeString(file, text, StandardCharsets.UTF_8);
		ReportBatch.Result checked = LANGUAGE.getInstance(ReportBatch.class).check(List.of(file));
		String json = LANGUAGE.getInstance(ReportPublisher.class)
				.render(((ReportFile) checked.resources().get(file).getContents().get(0)).getReports().get(0), OutputFormat.JSON);

		assertEquals(TREE.toJson(JsonParser.parseString(json)) + "\n", json);
		JsonObject firstPart = JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("parts").get(0).getAsJsonObject();
		String published = firstPart.getAsJsonArray("content").get(0).getAsJsonObject().get("text").getAsString();
		assertEquals(ReportText.clean(narrative), published.substring(0, published.length() - paragraphRest(text).length()));
	}

	/** The first paragraph after the salted prefix, as published (it has no bindings and no control characters). */
	private static String paragraphRest(String text) {
		int start = text.indexOf(PARAGRAPH.substring(1));
		return text.substring(start, text.indexOf('"', start));
	}

	@Provide
	Arbitrary<String> authorText() {
		Arbitrary<String> special = Arbitraries.of("<", ">", "&", "\"", "'", "\\", "&amp;", "</p>", "<script>", "]]>", "\u2028", "\u2029",
				"\u0000", "\u0001", "\u0007", "\u001f", "\u007f", "\u0085", "\u00a0", "\u200b", "\ufeff", "\u202e", "\t", "中文", "表B",
				"𠀀", "😀", "👩‍👩‍👧", "e\u0301", "€", "/", "*", "_", "|", "#", "`", "%", "{", "}", " ");
		// a line break in a string of a report ends its line (the blanks around it are dropped), a lone surrogate is no UTF-8
		Arbitrary<String> any = Arbitraries.oneOf(Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(3),
				Arbitraries.strings().all().ofMaxLength(2))
				.filter(s -> s.chars().noneMatch(c -> c == '\n' || c == '\r' || Character.isSurrogate((char) c)));
		return Arbitraries.oneOf(special, any).list().ofMinSize(1).ofMaxSize(8).map(parts -> String.join("", parts));
	}

	/** As a string of a report is written: a backslash before a quote, a backslash and a bracket (the binding marks). */
	private static String escaped(String text) {
		StringBuilder escaped = new StringBuilder();
		for (char c : text.toCharArray()) {
			if (c == '"' || c == '\\' || c == '[' || c == ']') {
				escaped.append('\\');
			}
			escaped.append(c);
		}
		return escaped.toString();
	}
}
