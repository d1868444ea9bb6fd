package report.dsl.ide;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolMapper;

import com.google.inject.Singleton;

import report.dsl.generator.ReportText;
import report.dsl.report.Figure;
import report.dsl.report.Part;
import report.dsl.report.PartType;
import report.dsl.report.Report;
import report.dsl.report.ReportType;
import report.dsl.report.Rule;
import report.dsl.report.SubSection;
import report.dsl.report.TableData;
import report.dsl.report.TableType;

/** The outline: a report's parts, sub-sections, tables and figures; a report type's parts, tables and rules. */
public final class ReportOutline {

	private ReportOutline() {
	}

	@Singleton
	public static class Names extends DocumentSymbolMapper.DocumentSymbolNameProvider {
		@Override
		public String getName(EObject object) {
			if (object instanceof Report report) {
				return report.getName();
			}
			if (object instanceof Part part) {
				return ReportText.heading(part);
			}
			if (object instanceof SubSection section) {
				return ReportText.clean(section.getHeading());
			}
			if (object instanceof TableData data) {
				return data.getTable() == null || data.getTable().eIsProxy() ? "表" : "表" + data.getTable().getName() + " "
						+ ReportText.clean(data.getTable().getCaption());
			}
			if (object instanceof Figure figure) {
				return figure.getName();
			}
			if (object instanceof ReportType type) {
				return type.getName();
			}
			if (object instanceof PartType part) {
				return ReportText.clean(part.getHeading());
			}
			if (object instanceof TableType table) {
				return "表" + table.getName() + " " + ReportText.clean(table.getCaption());
			}
			if (object instanceof Rule rule) {
				return "规则" + rule.getCode();
			}
			return null;
		}
	}

	@Singleton
	public static class Kinds extends DocumentSymbolMapper.DocumentSymbolKindProvider {
		@Override
		public SymbolKind getSymbolKind(EObject object) {
			if (object instanceof Report || object instanceof ReportType) {
				return SymbolKind.File;
			}
			if (object instanceof Part || object instanceof PartType || object instanceof SubSection) {
				return SymbolKind.Namespace;
			}
			if (object instanceof TableData || object instanceof TableType) {
				return SymbolKind.Struct;
			}
			if (object instanceof Figure) {
				return SymbolKind.Constant;
			}
			return SymbolKind.Event;
		}
	}

	@Singleton
	public static class Details extends DocumentSymbolMapper.DocumentSymbolDetailsProvider {
		@Override
		public String getDetails(EObject object) {
			if (object instanceof Figure figure && figure.getValue() != null) {
				return figure.getValue().toPlainString() + (figure.getUnit() == null ? "" : " " + figure.getUnit());
			}
			if (object instanceof Rule rule) {
				return ReportText.clean(rule.getMessage());
			}
			return "";
		}
	}
}
