package report.dsl.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Published web pages: charset from the page, chrome left out, spans expanded, blank totals computed; image reports refused. */
class HtmlImportTest {

	private static final Path FIXTURES = Path.of("src/test/resources/html");

	private final ReportImporter importer = SeedImportTest.INJECTOR.getInstance(ReportImporter.class);

	@Test
	void aGbkPageIsReadWithoutItsChromeAndItsBlankTotalIsComputed() throws IOException {
		ReportImporter.Imported imported = importer.importHtml("gbk-page.html", Files.readAllBytes(FIXTURES.resolve("gbk-page.html")),
				Optional.empty());
		String text = imported.text();
		assertTrue(imported.complete());
		assertEquals("某某区统计局", imported.report().body());
		assertTrue(text.contains("发布日期 2024-01-25") && text.contains("发布网址 \"http://www.example.gov.cn/tjj/\""), text);
		assertTrue(text.matches("(?s).*行政规范性文件:\\s+1 0 5\\n.*行政许可:\\s+12\\n.*"), text);
		assertTrue(text.matches("(?s).*三\\.一:\\s+1 0 0 0 0 0 自动\\n.*"), text);
		assertTrue(text.contains("我局共收到信息公开申请[B.一 = 2]件"), text);
		assertFalse(text.contains("首页") || text.contains("版权所有") || text.contains("var nav"), text);
	}

	@Test
	void aReportWhoseTablesHaveHeadingsButNoNumbersIsNotReadAsZeros() throws IOException {
		ReportImporter.Imported imported = importer.importText("published-as-images.txt",
				Files.readString(FIXTURES.resolve("published-as-images.txt")), Optional.empty());
		assertFalse(imported.complete());
		assertTrue(imported.report().notes().stream().anyMatch(n -> n.line() == 7
				&& n.message().equals("表B只有标题没有数值（报告可能以图片发布），不能当作全为0读入")), imported.report().notes().toString());
	}
}
