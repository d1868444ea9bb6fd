package report.dsl.ide;

import java.util.List;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.ide.editor.syntaxcoloring.IHighlightedPositionAcceptor;
import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

import report.dsl.report.Column;
import report.dsl.report.DeclaredFigure;
import report.dsl.report.Figure;
import report.dsl.report.PartType;
import report.dsl.report.Report;
import report.dsl.report.ReportPackage;
import report.dsl.report.ReportType;
import report.dsl.report.Row;
import report.dsl.report.Rule;
import report.dsl.report.TableType;
import report.dsl.scoping.ReportTypeLibrary;

/**
 * Colours names by what they resolve to: a figure, a row, a column, a table, a part, a report type or a report, at its
 * declaration and at every use. The style ids are LSP semantic token types and modifiers, so the language server sends
 * them to clients as they are and the Eclipse editor maps the same ids to its colours.
 */
public class ReportSemanticHighlighting implements ISemanticHighlightingCalculator {

	public static final String FIGURE = "variable";
	public static final String ROW = "property";
	public static final String COLUMN = "enumMember";
	public static final String TABLE = "class";
	public static final String PART = "enum";
	public static final String REPORT_TYPE = "type";
	public static final String REPORT = "namespace";
	public static final String RULE = "function";

	/** Modifier of a name where it is declared. */
	public static final String DECLARATION = "declaration";
	/** Modifier of a name declared by the shipped report-type library rather than the user's files. */
	public static final String LIBRARY = "defaultLibrary";

	@Override
	public void provideHighlightingFor(XtextResource resource, IHighlightedPositionAcceptor acceptor, CancelIndicator cancel) {
		if (resource == null || resource.getContents().isEmpty()) {
			return;
		}
		for (var it = resource.getContents().get(0).eAllContents(); it.hasNext();) {
			if (cancel.isCanceled()) {
				return;
			}
			EObject object = it.next();
			highlightDeclaration(object, acceptor);
			for (EReference reference : object.eClass().getEAllReferences()) {
				if (!reference.isContainment() && !reference.isContainer()) {
					highlightUses(object, reference, acceptor);
				}
			}
		}
	}

	private void highlightDeclaration(EObject object, IHighlightedPositionAcceptor acceptor) {
		String style = styleOf(object);
		EAttribute name = object.eClass() == ReportPackage.Literals.RULE ? ReportPackage.Literals.RULE__CODE
				: (EAttribute) object.eClass().getEStructuralFeature("name");
		if (style != null && name != null) {
			highlight(object, name, acceptor, style, DECLARATION);
		}
	}

	private void highlightUses(EObject object, EReference reference, IHighlightedPositionAcceptor acceptor) {
		Object value = object.eGet(reference, true);
		List<?> targets = value instanceof List<?> many ? many : value == null ? List.of() : List.of(value);
		List<INode> nodes = NodeModelUtils.findNodesForFeature(object, reference);
		for (int i = 0; i < Math.min(targets.size(), nodes.size()); i++) {
			EObject target = (EObject) targets.get(i);
			String style = target.eIsProxy() ? null : styleOf(target);
			if (style != null) {
				INode node = nodes.get(i);
				acceptor.addPosition(node.getOffset(), node.getLength(), ReportTypeLibrary.declares(target) ? new String[] { style, LIBRARY } : new String[] { style });
			}
		}
	}

	private static void highlight(EObject object, EStructuralFeature feature, IHighlightedPositionAcceptor acceptor, String... styles) {
		for (INode node : NodeModelUtils.findNodesForFeature(object, feature)) {
			acceptor.addPosition(node.getOffset(), node.getLength(), styles);
		}
	}

	private static String styleOf(EObject object) {
		if (object instanceof Figure || object instanceof DeclaredFigure) {
			return FIGURE;
		} else if (object instanceof Row) {
			return ROW;
		} else if (object instanceof Column) {
			return COLUMN;
		} else if (object instanceof TableType) {
			return TABLE;
		} else if (object instanceof PartType) {
			return PART;
		} else if (object instanceof ReportType) {
			return REPORT_TYPE;
		} else if (object instanceof Report) {
			return REPORT;
		} else if (object instanceof Rule) {
			return RULE;
		}
		return null;
	}
}
