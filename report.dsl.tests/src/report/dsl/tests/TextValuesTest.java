package report.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.eclipse.xtext.conversion.IValueConverterService;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;

import report.dsl.resource.SourceText;

/**
 * The text the parser reads, and the values of its text terminals: full-width forms read as ASCII only where the
 * language has use for them, and a quoted text's escapes and line breaks read as the author meant them.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(ReportInjectorProvider.class)
class TextValuesTest {

	@Inject
	private IValueConverterService values;

	@Test
	void aTextWithoutFullWidthFormsIsReadAsItIs() {
		String text = "报告 某局2023 遵循 政府信息公开年报2021 {\r\n\t说明 \"全年（含“申请”）[B.一]件\"\r\n}";
		assertSame(text, SourceText.of(text).parsed());
	}

	@Test
	void fullWidthFormsAreReadAsAsciiAtEitherEndAndInBoundValuesButNotInWordsOrComments() {
		String typed = "４：\"４[Ｂ．一]／\"/* ４ */\r//４\r\n\uFF00\uFF5F／（４";
		assertEquals("4:\"４[B.一]／\"/* ４ */\n//４\r\n\uFF00\uFF5F／（4", SourceText.of(typed).parsed());
	}

	@Test
	void quotedTextsReadTheirEscapesAndDropLineBreaksWithTheIndentationAroundThem() {
		String[][] cases = { { "STRING", "\"全年收到申请\"", "全年收到申请" }, { "STRING", "\"\"", "" },
				{ "STRING", "\"文号\\[2020\\]与\\\"引号\\\"和\\\\\"", "文号[2020]与\"引号\"和\\" },
				{ "TEXT_START", "\"全年收到 [", "全年收到 " }, { "TEXT_MIDDLE", "]件，\n\t\t  办结 [", "件，办结 " },
				{ "TEXT_END", "]件。  \r\n\u3000\"", "件。" }, { "TEXT_END", "]件\r办结\"", "件办结" } };
		for (String[] rule : cases) {
			assertEquals(rule[2], values.toValue(rule[1], rule[0], null), rule[1]);
		}
	}
}
