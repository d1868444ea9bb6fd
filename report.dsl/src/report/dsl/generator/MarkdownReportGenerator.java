package report.dsl.generator;

import java.math.BigDecimal;
import java.util.List;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Document;
import org.commonmark.node.Emphasis;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.renderer.markdown.MarkdownRenderer;
import org.eclipse.xtext.util.IResourceScopeCache;

import com.google.inject.Inject;

import report.dsl.evaluation.Numbers;
import report.dsl.evaluation.ReportEvaluator;
import report.dsl.evaluation.ReportValues;
import report.dsl.report.Block;
import report.dsl.report.Content;
import report.dsl.report.Paragraph;
import report.dsl.report.Part;
import report.dsl.report.Report;
import report.dsl.report.SubSection;
import report.dsl.report.TableData;
import report.dsl.report.TableType;

/**
 * GitHub-flavoured Markdown that reads well in a git web view. Built as a CommonMark tree and
 * rendered by commonmark-java, which escapes whatever the author wrote; merged cells of the printed
 * tables become hierarchical labels ("三、本年度办理结果 › （三）不予公开 › 1.属于国家秘密"); under a summary's summed
 * table, its breakdown by part.
 */
public class MarkdownReportGenerator {

	private static final String PATH_SEPARATOR = " › ";
	private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());

	@Inject
	private ReportEvaluator evaluator;

	@Inject
	private IResourceScopeCache cache;

	public String generate(Report report) {
		ReportValues values = evaluator.values(report);
		Document document = new Document();
		document.appendChild(heading(1, ReportText.title(report)));
		if (report.getPreamble() != null) {
			document.appendChild(paragraph(Narrative.plain(report.getPreamble(), report, evaluator)));
		}
		for (Part part : report.getParts()) {
			document.appendChild(heading(2, ReportText.heading(part)));
			contents(document, part.getContents(), report, values, 3);
		}
		document.appendChild(paragraph(ReportText.clean(report.getBody()) + "　" + ReportText.date(report.getIssued())));
		if (report.getUrl() != null) {
			document.appendChild(emphasised("本报告电子版：" + ReportText.clean(report.getUrl())));
		}
		if (report.getContact() != null) {
			document.appendChild(emphasised("联系方式：" + ReportText.clean(report.getContact())));
		}
		return MarkdownRenderer.builder().extensions(EXTENSIONS).build().render(document);
	}

	private void contents(Node parent, List<Content> contents, Report report, ReportValues values, int level) {
		for (Content content : contents) {
			if (content instanceof Paragraph paragraph) {
				parent.appendChild(paragraph(Narrative.plain(paragraph.getText(), report, evaluator)));
			} else if (content instanceof SubSection sub) {
				parent.appendChild(heading(Math.min(level, 6), ReportText.clean(sub.getHeading())));
				contents(parent, sub.getContents(), report, values, level + 1);
			} else if (content instanceof TableData data && data.getTable() != null && !data.getTable().eIsProxy()) {
				table(parent, data.getTable(), values);
				Breakdown.of(data.getTable(), values).ifPresent(breakdown -> breakdown(parent, breakdown));
			}
		}
	}

	private void table(Node parent, TableType table, ReportValues values) {
		String caption = ReportText.clean(table.getCaption())
				+ (table.getUnit() == null ? "" : "（单位：" + ReportText.clean(table.getUnit()) + "）");
		org.commonmark.node.Paragraph title = new org.commonmark.node.Paragraph();
		StrongEmphasis strong = new StrongEmphasis();
		strong.appendChild(new org.commonmark.node.Text(caption));
		title.appendChild(strong);
		parent.appendChild(title);
		if (table.getNote() != null) {
			parent.appendChild(paragraph(ReportText.clean(table.getNote())));
		}
		for (TableGrid grid : TableGrid.of(table, values, cache)) {
			Block block = grid.block();
			if (block.getHeading() != null) {
				parent.appendChild(emphasised(ReportText.clean(block.getHeading())));
			}
			TableBlock markdown = new TableBlock();
			TableHead head = new TableHead();
			TableRow headRow = new TableRow();
			headRow.appendChild(cell(block.getRowHeader() == null ? "项目" : ReportText.clean(block.getRowHeader()), true,
					TableCell.Alignment.LEFT));
			// a group over every column (申请人情况) distinguishes none of them: leave it out of the labels
			int shared = sharedGroups(grid.leafColumns().stream().map(TableGrid::path).toList());
			for (var column : grid.leafColumns()) {
				List<String> path = TableGrid.path(column);
				headRow.appendChild(cell(String.join(PATH_SEPARATOR, path.subList(shared, path.size())), true,
						TableCell.Alignment.RIGHT));
			}
			head.appendChild(headRow);
			markdown.appendChild(head);
			TableBody body = new TableBody();
			for (TableGrid.BodyRow row : grid.body()) {
				TableRow tr = new TableRow();
				tr.appendChild(cell(String.join(PATH_SEPARATOR, row.path()), false, TableCell.Alignment.LEFT));
				for (TableGrid.ValueCell value : row.values()) {
					tr.appendChild(cell(Numbers.plain(value.value()), false, TableCell.Alignment.RIGHT));
				}
				body.appendChild(tr);
			}
			markdown.appendChild(body);
			parent.appendChild(markdown);
		}
	}

	/** Under a summed table of a summary report: its main figures by part, and their totals. */
	private static void breakdown(Node parent, Breakdown breakdown) {
		parent.appendChild(emphasised(breakdown.caption()));
		TableBlock markdown = new TableBlock();
		TableHead head = new TableHead();
		TableRow headRow = new TableRow();
		headRow.appendChild(cell("报告", true, TableCell.Alignment.LEFT));
		breakdown.labels().forEach(label -> headRow.appendChild(cell(label, true, TableCell.Alignment.RIGHT)));
		head.appendChild(headRow);
		markdown.appendChild(head);
		TableBody body = new TableBody();
		for (Breakdown.Line line : breakdown.lines()) {
			body.appendChild(numbers(line.part(), line.values()));
		}
		body.appendChild(numbers("合计", breakdown.totals()));
		markdown.appendChild(body);
		parent.appendChild(markdown);
	}

	private static TableRow numbers(String label, List<BigDecimal> values) {
		TableRow row = new TableRow();
		row.appendChild(cell(label, false, TableCell.Alignment.LEFT));
		values.forEach(value -> row.appendChild(cell(Numbers.plain(value), false, TableCell.Alignment.RIGHT)));
		return row;
	}

	private static int sharedGroups(List<List<String>> paths) {
		if (paths.isEmpty()) {
			return 0; // a block the parser recovered without columns
		}
		for (int shared = 0;; shared++) {
			for (List<String> path : paths) {
				if (path.size() <= shared + 1 || !path.get(shared).equals(paths.get(0).get(shared))) {
					return shared;
				}
			}
		}
	}

	private static TableCell cell(String text, boolean header, TableCell.Alignment alignment) {
		TableCell cell = new TableCell();
		cell.setHeader(header);
		cell.setAlignment(alignment);
		cell.appendChild(new org.commonmark.node.Text(text));
		return cell;
	}

	private static Heading heading(int level, String text) {
		Heading heading = new Heading();
		heading.setLevel(level);
		heading.appendChild(new org.commonmark.node.Text(text));
		return heading;
	}

	private static org.commonmark.node.Paragraph paragraph(String text) {
		org.commonmark.node.Paragraph paragraph = new org.commonmark.node.Paragraph();
		paragraph.appendChild(new org.commonmark.node.Text(text.replace('\n', ' ')));
		return paragraph;
	}

	private static org.commonmark.node.Paragraph emphasised(String text) {
		org.commonmark.node.Paragraph paragraph = new org.commonmark.node.Paragraph();
		Emphasis emphasis = new Emphasis();
		emphasis.appendChild(new org.commonmark.node.Text(text));
		paragraph.appendChild(emphasis);
		return paragraph;
	}
}
