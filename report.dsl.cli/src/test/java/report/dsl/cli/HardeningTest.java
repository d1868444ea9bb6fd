package report.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import report.dsl.cli.PublishingTest.Run;

/** The command line on input that used to crash it, fool it, or make it write where it must not. */
class HardeningTest {

	private static final Path EXAMPLES = Path.of("..", "examples");

	private static final String TYPE = """
			报告类型 收支表 "收支情况报告" {
				部分 一 "一、收支情况" 必需
				表 T "收支" 属于 一 单位 "万元" {
					列 金额 "金额" 小数
					行 收入 "收入"
					行 支出 "支出"
					行 结余 "结余"
				}
				规则 T1 错误 "结余等于收入减支出" 表 T 每列: 结余 = 收入 - 支出
			}
			""";

	private static final String REPORT = """
			报告 某局2024 遵循 收支表 {
				发布机关 "某局"
				年度 2024
				统计期限 2024-01-01 至 2024-12-31
				发布日期 2025-01-20
				部分 一 {
					"结余[T.结余]万元。"
					表 T {
						收入: 120.5
						支出: 98.25
					}
				}
			}
			""";

	@Test
	void anErrorInTheReportTypeWithholdsTheReportsThatFollowIt(@TempDir Path dir) throws IOException {
		Files.writeString(dir.resolve("type.report"), TYPE.replace("收入 - 支出", "收入 - 支岀"));
		Files.writeString(dir.resolve("report.report"), REPORT);
		Path out = dir.resolve("out");
		Run run = Run.of("build", dir.resolve("report.report").toString(), "-o", out.toString());
		assertEquals(1, run.exit(), run.out() + run.err());
		assertTrue(run.err().contains("report.report 的报告「某局2024」未生成：它的数值所依据的 " + dir.resolve("type.report")
				+ " 有错误"), run.err());
		assertEquals(List.of(), files(out));

		Files.writeString(dir.resolve("type.report"), TYPE);
		Run fixed = Run.of("build", dir.resolve("report.report").toString(), "-o", out.toString(), "--format", "md");
		assertEquals(0, fixed.exit(), fixed.out() + fixed.err());
		assertTrue(Files.readString(out.resolve("report.md")).contains("结余22.25万元"));
	}

	@Test
	void anErrorInLastYearsReportWithholdsThisYears(@TempDir Path dir) throws IOException {
		Files.writeString(dir.resolve("type.report"), TYPE);
		Files.writeString(dir.resolve("2023.report"), REPORT.replace("2024", "2023").replace("2025", "2024")
				.replace("收入: 120.5", "收入: 120.5 0"));
		Files.writeString(dir.resolve("2024.report"), REPORT.replace("年度 2024", "上年报告 某局2023\n\t年度 2024"));
		Run run = Run.of("build", dir.resolve("2024.report").toString(), "-o", dir.resolve("out").toString());
		assertEquals(1, run.exit(), run.out() + run.err());
		assertTrue(run.err().contains("所依据的 " + dir.resolve("2023.report") + " 有错误"), run.err());
	}

	@Test
	void anErrorInAPartOfASummaryWithholdsTheSummary(@TempDir Path dir) throws IOException {
		Files.writeString(dir.resolve("type.report"), TYPE.replace("\t规则 T1", "\t可加 表 T\n\t规则 T1"));
		Files.writeString(dir.resolve("甲.report"), REPORT.replace("某局2024", "甲局2024"));
		// a stated number that disagrees with its table: an error of the part that leaves the summed cells alone
		Files.writeString(dir.resolve("乙.report"), REPORT.replace("某局2024", "乙局2024").replace("[T.结余]", "[T.结余 = 1]"));
		Files.writeString(dir.resolve("县.report"), REPORT.replace("某局2024", "县2024").replace("年度 2024", "汇总 甲局2024、乙局2024\n\t年度 2024")
				.replaceAll("(?s)表 T \\{.*?\\}", "表 T 自动"));
		Path out = dir.resolve("out");
		Run run = Run.of("build", dir.resolve("县.report").toString(), "-o", out.toString(), "--format", "md");
		assertEquals(1, run.exit(), run.out() + run.err());
		assertTrue(run.err().contains("县.report 的报告「县2024」未生成：它的数值所依据的 " + dir.resolve("乙.report") + " 有错误"), run.err());
		assertEquals(List.of(), files(out));
	}

	@Test
	void checkResolvesLastYearsReportAndTheTypeFromTheFolderOfTheFileGiven(@TempDir Path dir) throws IOException {
		Files.writeString(dir.resolve("type.report"), TYPE);
		Files.writeString(dir.resolve("2023.report"), REPORT.replace("2024", "2023").replace("2025", "2024"));
		Files.writeString(dir.resolve("2024.report"), REPORT.replace("年度 2024", "上年报告 某局2023\n\t年度 2024"));
		Run run = Run.of("check", dir.resolve("2024.report").toString());
		assertEquals(0, run.exit(), run.out() + run.err());
		assertEquals("", run.out());
		assertTrue(run.err().contains("检查了1个文件：0个错误"), run.err());
	}

	@Test
	void twoReportsOfOneNameInAFileAreAnError(@TempDir Path dir) throws IOException {
		Files.writeString(dir.resolve("two.report"), TYPE + "\n" + REPORT + "\n" + REPORT.replace("120.5", "1"));
		Run run = Run.of("build", dir.toString(), "-o", dir.resolve("out").toString());
		assertEquals(1, run.exit());
		assertEquals(2, run.out().lines().filter(l -> l.endsWith("[report.duplicate-name]")).count(), run.out());
		assertEquals(List.of(), files(dir.resolve("out")));

		Run forced = Run.of("build", dir.toString(), "-o", dir.resolve("out").toString(), "--force", "--format", "md");
		assertEquals(1, forced.exit());
		assertTrue(forced.err().contains("的输出同名，未覆盖"), forced.err());
		assertTrue(forced.err().contains("生成了1个文件"), forced.err());
		assertEquals(List.of(dir.resolve("out/two-某局2024.md")), files(dir.resolve("out")));
	}

	@Test
	void outputsMirrorTheFoldersOfFilesOfOneName(@TempDir Path dir) throws IOException {
		for (String year : List.of("2023", "2024")) {
			Files.createDirectories(dir.resolve("yrs").resolve(year));
			Files.writeString(dir.resolve("yrs").resolve(year).resolve("本局.report"),
					TYPE.replace("收支表", "收支表" + year) + REPORT.replace("某局2024", "某局" + year).replace("遵循 收支表", "遵循 收支表" + year));
		}
		Path out = dir.resolve("out");
		Path file2023 = dir.resolve("yrs/2023/本局.report");
		Run run = Run.of("build", file2023.toString(), dir.resolve("yrs/2024/本局.report").toString(), file2023.toString(), "-o",
				out.toString(), "--format", "html,md");
		assertEquals(0, run.exit(), run.out() + run.err());
		assertEquals(List.of("2023/本局.html", "2023/本局.md", "2024/本局.html", "2024/本局.md"),
				files(out).stream().map(p -> out.relativize(p).toString()).toList());
		assertTrue(run.err().contains("生成了4个文件"), run.err());
	}

	@Test
	void aSymbolicLinkInsideTheOutputDirectoryDoesNotLeadOutsideIt(@TempDir Path dir) throws IOException {
		Path sources = Files.createDirectories(dir.resolve("src/sub"));
		Files.copy(EXAMPLES.resolve("001-yantai-jiguanshiwu-2023.report"), sources.resolve("a.report"));
		Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
		Path out = Files.createDirectories(dir.resolve("out"));
		Files.createSymbolicLink(out.resolve("sub"), elsewhere);
		Run run = Run.of("build", dir.resolve("src").toString(), "-o", out.toString());
		assertEquals(1, run.exit(), run.out() + run.err());
		assertTrue(run.err().contains("拒绝写到输出目录之外"), run.err());
		assertFalse(run.err().contains("内部错误"), run.err());
		assertEquals(List.of(), files(elsewhere));
	}

	@Test
	void formatWritesThroughASymbolicLink(@TempDir Path dir) throws IOException {
		Path target = dir.resolve("real.report");
		Files.writeString(target, Files.readString(EXAMPLES.resolve("002-liaocheng-gongxin-2023.report")).replaceAll("(?m)^\\t+", ""));
		Path link = Files.createSymbolicLink(dir.resolve("link.report"), target);
		assertEquals(0, Run.of("format", link.toString()).exit());
		assertTrue(Files.isSymbolicLink(link));
		assertEquals(Files.readString(EXAMPLES.resolve("002-liaocheng-gongxin-2023.report")), Files.readString(target));
	}

	@Test
	void aFileThatIsNotAReportIsAUsageError() {
		Run run = Run.of("check", Path.of("..", "README.md").toString());
		assertEquals(2, run.exit());
		assertEquals(1, run.err().lines().count(), run.err());
		assertTrue(run.err().contains("不是报告文件"), run.err());
		assertEquals("", run.out());
	}

	@Test
	void anOutputDirectoryThatIsAFileIsAUsageError(@TempDir Path dir) throws IOException {
		Path file = Files.writeString(dir.resolve("taken"), "");
		Run run = Run.of("build", EXAMPLES.toString(), "-o", file.toString());
		assertEquals(2, run.exit());
		assertEquals("report: 输出目录「" + file + "」是一个已有的文件，请换一个目录", run.err().strip());
	}

	@Test
	void aFigureWithoutAValueBuiltWithForceIsPublishedWhole(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("figure.report");
		Files.writeString(file, Files.readString(EXAMPLES.resolve("000-liaocheng-jiguanshiwu-2023.report"))
				.replaceFirst("(数值 \\S+ = )\\d+", "$1"));
		Run run = Run.of("build", file.toString(), "-o", dir.resolve("out").toString(), "--force");
		assertEquals(1, run.exit());
		assertFalse(run.err().contains("内部错误"), run.err());
		assertEquals(3, files(dir.resolve("out")).size());
	}

	@Test
	void theHtmlKeepsATablesNoteBesideItsRowHeader(@TempDir Path dir) throws IOException {
		Files.writeString(dir.resolve("type.report"), TYPE.replace("单位 \"万元\"", "单位 \"万元\" 注 \"数据未经审计\"")
				.replace("列 金额", "行标题 \"项目\"\n\t\t列 金额"));
		Files.writeString(dir.resolve("report.report"), REPORT);
		Path out = dir.resolve("out");
		Run run = Run.of("build", dir.toString(), "-o", out.toString(), "--format", "html");
		assertEquals(0, run.exit(), run.out() + run.err());
		String html = Files.readString(out.resolve("report.html"));
		assertTrue(html.contains("数据未经审计") && html.contains("项目"), html);
	}

	private static List<Path> files(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(dir)) {
			return files.filter(Files::isRegularFile).sorted().toList();
		}
	}
}
