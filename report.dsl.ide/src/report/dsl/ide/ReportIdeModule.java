package report.dsl.ide;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.Diagnostician;
import org.eclipse.xtext.generator.IShouldGenerate;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;
import org.eclipse.xtext.ide.server.commands.IExecutableCommandService;
import org.eclipse.xtext.ide.server.formatting.FormattingService;
import org.eclipse.xtext.ide.server.hover.IHoverService;
import org.eclipse.xtext.ide.server.rename.IRenameService2;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolMapper;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolService;
import org.eclipse.xtext.ide.server.symbol.HierarchicalDocumentSymbolService;
import org.eclipse.xtext.ide.server.symbol.IDocumentSymbolService;
import org.eclipse.xtext.util.CancelIndicator;

/** The editor services of the language, for the language server and every editor driving it. */
public class ReportIdeModule extends AbstractReportIdeModule {

	public Class<? extends IHoverService> bindIHoverService() {
		return ReportHoverService.class;
	}

	public Class<? extends ISemanticHighlightingCalculator> bindISemanticHighlightingCalculator() {
		return ReportSemanticHighlighting.class;
	}

	public Class<? extends IdeContentProposalProvider> bindIdeContentProposalProvider() {
		return ReportContentProposals.class;
	}

	public Class<? extends FormattingService> bindFormattingService() {
		return ReportFormattingService.class;
	}

	public Class<? extends IRenameService2> bindIRenameService2() {
		return ReportRenameService.class;
	}

	public Class<? extends IExecutableCommandService> bindIExecutableCommandService() {
		return ReportCommands.class;
	}

	public Class<? extends ICodeActionService2> bindICodeActionService2() {
		return ReportCodeActions.class;
	}

	public Class<? extends DocumentSymbolService> bindDocumentSymbolService() {
		return ReportNavigation.class;
	}

	public Class<? extends IDocumentSymbolService> bindIDocumentSymbolService() {
		return HierarchicalDocumentSymbolService.class;
	}

	public Class<? extends DocumentSymbolMapper.DocumentSymbolNameProvider> bindDocumentSymbolNameProvider() {
		return ReportOutline.Names.class;
	}

	public Class<? extends DocumentSymbolMapper.DocumentSymbolKindProvider> bindDocumentSymbolKindProvider() {
		return ReportOutline.Kinds.class;
	}

	public Class<? extends DocumentSymbolMapper.DocumentSymbolDetailsProvider> bindDocumentSymbolDetailsProvider() {
		return ReportOutline.Details.class;
	}

	public Class<? extends Diagnostician> bindDiagnostician() {
		return ReportChecksByReport.class;
	}

	public Class<? extends IShouldGenerate> bindIShouldGenerate() {
		return NothingToGenerate.class;
	}

	/**
	 * The editors write no files: publishing is `report build`'s. Xtext's default asks whether to generate by
	 * validating every changed file a second time, which doubled the work of each edit.
	 */
	public static final class NothingToGenerate implements IShouldGenerate {
		@Override
		public boolean shouldGenerate(Resource resource, CancelIndicator cancelIndicator) {
			return false;
		}
	}
}
