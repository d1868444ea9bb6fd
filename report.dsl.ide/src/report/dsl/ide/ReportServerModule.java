package report.dsl.ide;

import org.eclipse.xtext.build.IncrementalBuilder;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.ide.server.ServerModule;
import org.eclipse.xtext.ide.server.WorkspaceManager;
import org.eclipse.xtext.util.Modules2;

import com.google.inject.AbstractModule;

/** Xtext's language server with the language's own server, open documents, build of edits and parallel parse. */
public class ReportServerModule extends AbstractModule {

	private final int threads;

	/** A server whose builds parse on as many threads as the machine has cores. */
	public ReportServerModule() {
		this(Runtime.getRuntime().availableProcessors());
	}

	/** A server whose builds parse on this many threads. */
	public ReportServerModule(int threads) {
		this.threads = threads;
	}

	@Override
	protected void configure() {
		install(Modules2.mixin(new ServerModule(), binder -> {
			binder.bind(LanguageServerImpl.class).to(ReportLanguageServerImpl.class);
			binder.bind(WorkspaceManager.class).to(ReportWorkspaceManager.class);
			binder.bind(IncrementalBuilder.InternalStatefulIncrementalBuilder.class).to(EditReparsingBuilder.class);
			binder.bind(ParallelParse.class).toInstance(new ParallelParse(threads));
		}));
	}
}
