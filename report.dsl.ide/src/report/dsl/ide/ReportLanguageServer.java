package report.dsl.ide;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutionException;

import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.ide.server.ServerModule;

import com.google.inject.Guice;

/**
 * The language server: Xtext's LSP implementation with this language's services, over standard
 * input and output or over a socket on the loopback interface.
 */
public final class ReportLanguageServer {

	private ReportLanguageServer() {
	}

	/** Serves one client on the given streams until it exits. */
	public static void serve(InputStream in, OutputStream out) throws InterruptedException, ExecutionException {
		LanguageServerImpl server = Guice.createInjector(new ServerModule()).getInstance(ReportLanguageServerImpl.class);
		Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out);
		server.connect(launcher.getRemoteProxy());
		launcher.startListening().get();
	}

	/** Waits on a loopback port for one client, then serves it. */
	public static void serve(int port) throws IOException, InterruptedException, ExecutionException {
		try (ServerSocket listener = new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
				Socket client = listener.accept()) {
			serve(client.getInputStream(), client.getOutputStream());
		}
	}
}
