package report.dsl.tests;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.formatter.FormatterTestHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;

/** The formatter lays reports out one declaration per line and aligns table rows into a grid. */
@ExtendWith(InjectionExtension.class)
@InjectWith(ReportInjectorProvider.class)
class FormatterTest {

	@Inject
	private FormatterTestHelper formatter;

	@Test
	void alignsTableRowsIntoColumns() {
		assertFormatted("""
				报告 测试局2023 遵循 政府信息公开年报2021 {
				发布机关 "测试局"  年度 2023
				统计期限 2023-01-01   至 2023-12-31 发布日期 2024-01-18
				数值 网站信息=614 条
				部分 三 {  表 B {
				一: 63 0 0 0 0 0 63
				三.三.7:2 0 0 0 0 0 2
				三.七 : 66 0 0 0 0 0 66
				四: 自动 0 0 0 0 0 0 } }
				部分 四 { 表 C {   } }
				}
				""", """
				报告 测试局2023 遵循 政府信息公开年报2021 {
					发布机关 "测试局"
					年度 2023
					统计期限 2023-01-01 至 2023-12-31
					发布日期 2024-01-18
					数值 网站信息 = 614 条
					部分 三 {
						表 B {
							一:        63 0 0 0 0 0 63
							三.三.7:    2 0 0 0 0 0  2
							三.七:     66 0 0 0 0 0 66
							四:      自动 0 0 0 0 0  0
						}
					}
					部分 四 {
						表 C { }
					}
				}
				""");
	}

	@Test
	void keepsOneBlankLineBetweenGroupsAndIndentsParagraphs() {
		assertFormatted("""
				报告 测试局2023 遵循 政府信息公开年报2021 {
				发布机关 "测试局"
				年度 2023 统计期限 2023-01-01 至 2023-12-31 发布日期 2024-01-18

				部分 一 {
				"第一段。"


				小节 "（一）主动公开" { "第二段[B.一]件。" }
				}
				}
				""", """
				报告 测试局2023 遵循 政府信息公开年报2021 {
					发布机关 "测试局"
					年度 2023
					统计期限 2023-01-01 至 2023-12-31
					发布日期 2024-01-18

					部分 一 {
						"第一段。"

						小节 "（一）主动公开" {
							"第二段[B.一]件。"
						}
					}
				}
				""");
	}

	@Test
	void laysOutADeclaredFigureAndTheDeadlineOnTheirOwnLines() {
		assertFormatted("""
				报告类型 收支表 "收支" { 部分 一 "一、收支" 表 T "收支" 属于 一 { 列 金额 "金额" 行 收入 "收入" }
				数值 预算 "预算" 单位 "万元" 规则 R 警告 "x": T.收入:金额 ≤ 预算 发布期限 次年 01-31 }
				""", """
				报告类型 收支表 "收支" {
					部分 一 "一、收支"
					表 T "收支" 属于 一 {
						列 金额 "金额"
						行 收入 "收入"
					}
					数值 预算 "预算" 单位 "万元"
					规则 R 警告 "x": T.收入:金额 ≤ 预算
					发布期限 次年 01-31
				}
				""");
	}

	@Test
	void laysOutAChartOnItsOwnLine() {
		assertFormatted("""
				报告类型 收支表 "收支" { 部分 一 "一、收支" 表 T "收支" 属于 一 { 列 金额 "金额" 行 收入 "收入" 行 支出 "支出" 行 合计 "合计" }
				图表   "收支"表 T :收入 ,支出、收入 占   合计 }
				""", """
				报告类型 收支表 "收支" {
					部分 一 "一、收支"
					表 T "收支" 属于 一 {
						列 金额 "金额"
						行 收入 "收入"
						行 支出 "支出"
						行 合计 "合计"
					}
					图表 "收支" 表 T: 收入, 支出、 收入 占 合计
				}
				""");
	}

	@Test
	void aCommentFollowedByBlankLinesFormatsOnceAndForAll() {
		String formatted = """
				报告 测试局2023 遵循 政府信息公开年报2021 {
					// 注释
					发布机关 "测试局"
					年度 2023
					统计期限 2023-01-01 至 2023-12-31
					发布日期 2024-01-18
				}
				""";
		assertFormatted(formatted.replace("// 注释\n", "// 注释\n\n\n"), formatted);
		assertFormatted(formatted.replace("// 注释\n", "// 注释\n\n"), formatted);
		assertFormatted(formatted, formatted);
	}

	private void assertFormatted(String input, String expected) {
		formatter.assertFormatted(request -> {
			request.setToBeFormatted(input);
			request.setExpectation(expected);
			request.setUseSerializer(false);
			request.setAllowSyntaxErrors(true);
		});
	}
}
