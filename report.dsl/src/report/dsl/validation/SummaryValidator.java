package report.dsl.validation;

import java.math.BigDecimal;
import java.util.Optional;

import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.validation.Check;

import com.google.inject.Inject;

import report.dsl.evaluation.Numbers;
import report.dsl.evaluation.ReportEvaluator;
import report.dsl.evaluation.ReportValues;
import report.dsl.evaluation.TableValues;
import report.dsl.model.Additivity;
import report.dsl.model.TableLayout;
import report.dsl.report.CellValue;
import report.dsl.report.Report;
import report.dsl.report.ReportPackage.Literals;
import report.dsl.report.RowData;
import report.dsl.report.Summary;
import report.dsl.report.TableData;
import report.dsl.scoping.SummaryParts;

/**
 * Rule 11, a summary table equals the sum of its parts: a report that declares the reports it adds up (汇总) has
 * each additive cell (the report type's 可加) checked against its parts' cells, or computed from them (表 B 自动).
 */
public class SummaryValidator extends ConcernValidator {

	@Inject
	private ReportEvaluator evaluator;

	@Check
	public void checkParts(Summary summary) {
		Report report = (Report) summary.eContainer();
		if (report.getType() == null || report.getType().eIsProxy()) {
			return;
		}
		ReportValues values = evaluator.values(report);
		if (summary.getFolder() == null) {
			for (int i = 0; i < summary.getParts().size(); i++) {
				Report part = summary.getParts().get(i);
				if (part != null && !part.eIsProxy()) {
					int index = i;
					values.partProblem(part).ifPresent(problem -> error(problem, summary, Literals.SUMMARY__PARTS, index,
							IssueCodes.SUMMARY_PART));
				}
			}
			return;
		}
		SummaryParts.Found found = evaluator.summaryParts(report);
		for (Report part : found.reports()) {
			values.partProblem(part).ifPresent(problem -> error("目录「" + summary.getFolder() + "」中：" + problem, summary,
					Literals.SUMMARY__FOLDER, IssueCodes.SUMMARY_PART));
		}
		if (found.reports().isEmpty() && found.unchecked().isEmpty()) {
			error("目录「" + summary.getFolder() + "」中没有报告：请写明本报告所在目录下汇总的各报告所在的目录", summary,
					Literals.SUMMARY__FOLDER, IssueCodes.SUMMARY_FOLDER);
		}
		if (!found.unchecked().isEmpty()) {
			warning("目录「" + summary.getFolder() + "」中的" + String.join("、", found.unchecked())
					+ "没有一起检查，其数字不在汇总之中：请把这个目录一起检查", summary, Literals.SUMMARY__FOLDER,
					IssueCodes.SUMMARY_FOLDER);
		}
	}

	/** 自动 for a whole table sums it from the parts: only a summary's table, and only one whose every cell adds up. */
	@Check
	public void checkSummedTable(TableData data) {
		if (!data.isSummed() || data.getTable() == null || data.getTable().eIsProxy()) {
			return;
		}
		Report report = EcoreUtil2.getContainerOfType(data, Report.class);
		if (report.getSummary() == null) {
			error("表" + data.getTable().getName() + "写作「自动」，但本报告不是汇总报告：请用「汇总」写明汇总哪些报告，或逐行填写此表", data,
					Literals.TABLE_DATA__SUMMED, IssueCodes.AUTO_NOT_COMPUTABLE);
		} else if (!Additivity.isWhollyAdditive(data.getTable())) {
			error("表" + data.getTable().getName() + "并非每格都可加（报告类型的「可加」），不能整表写「自动」：请逐行填写", data,
					Literals.TABLE_DATA__SUMMED, IssueCodes.AUTO_NOT_COMPUTABLE);
		}
	}

	@Check
	public void checkAggregates(Report report) {
		if (report.getSummary() == null || report.getType() == null || report.getType().eIsProxy() || damaged(report)) {
			return;
		}
		ReportValues values = evaluator.values(report);
		if (values.parts().isEmpty()) {
			return;
		}
		for (TableData data : values.contents().tables()) {
			if (data.getTable() == null || data.getTable().eIsProxy() || data.isSummed()) {
				continue;
			}
			TableValues table = values.table(data.getTable());
			if (table.data() != data || table.hasUnplacedRows()) {
				continue; // a table given twice is reported as such; a row whose values cannot be placed holds the check back
			}
			for (Additivity.Cell cell : Additivity.cells(data.getTable())) {
				if (!table.isComputed(cell.row(), cell.column())) {
					check(values, table, cell);
				}
			}
		}
	}

	private void check(ReportValues values, TableValues table, Additivity.Cell cell) {
		BigDecimal written = table.value(cell.row(), cell.column());
		BigDecimal sum = values.partsSum(cell.row(), cell.column());
		if (written.compareTo(sum) == 0) {
			return;
		}
		String operands = values.partsTerms(cell.row(), cell.column());
		String message = "汇总数与各部分之和不符：表" + table.table().getName() + "「" + TableLayout.keyText(cell.row()) + "」行「"
				+ TableLayout.shortKey(cell.column()) + "」列为 " + Numbers.plain(written) + "，而 " + operands + " = "
				+ Numbers.plain(sum) + "，相差 " + Numbers.plain(written.subtract(sum).abs());
		Optional<CellValue> entered = table.enteredCell(cell.row(), cell.column());
		if (entered.isPresent()) {
			error(message, entered.get(), null, IssueCodes.AGGREGATE_MISMATCH, Numbers.plain(sum));
			return;
		}
		Optional<RowData> line = table.line(cell.row());
		if (line.isPresent()) {
			error(message, line.get(), Literals.ROW_DATA__ROW, IssueCodes.AGGREGATE_MISMATCH);
		} else {
			error(message, table.data(), Literals.TABLE_DATA__TABLE, IssueCodes.AGGREGATE_MISMATCH);
		}
	}
}
