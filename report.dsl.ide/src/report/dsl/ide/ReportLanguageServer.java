package report.dsl.ide;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.log4j.ConsoleAppender;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.LanguageServerImpl;

import com.google.inject.Guice;

/**
 * The language server: Xtext's LSP implementation with this language's services, over standard
 * input and output or over a socket on the loopback interface. A failing request is answered with a
 * one-line error; its stack trace goes to the log on standard error, never into the reply.
 */
public final class ReportLanguageServer {

	private static final Logger LOG = Logger.getLogger(ReportLanguageServer.class.getName());

	private ReportLanguageServer() {
	}

	/**
	 * Serves one client on the process's standard streams. Standard output is the protocol channel and nothing
	 * else may write to it, so whatever else writes there (Xtext logs to the console through log4j) goes to
	 * standard error.
	 */
	public static void serveStandardStreams(int threads) throws InterruptedException, ExecutionException {
		PrintStream protocol = System.out;
		System.setOut(System.err);
		logToStandardError();
		serve(System.in, protocol, threads);
	}

	/** Serves one client on the given streams until it exits; its builds parse files on this many threads. */
	public static void serve(InputStream in, OutputStream out, int threads) throws InterruptedException, ExecutionException {
		LanguageServerImpl server = Guice.createInjector(new ReportServerModule(threads)).getInstance(ReportLanguageServerImpl.class);
		Launcher<LanguageClient> launcher = new LSPLauncher.Builder<LanguageClient>().setLocalService(server)
				.setRemoteInterface(LanguageClient.class).setInput(in).setOutput(out)
				.setExceptionHandler(ReportLanguageServer::toResponseError).create();
		server.connect(launcher.getRemoteProxy());
		launcher.startListening().get();
	}

	/** Waits on a loopback port for one client, then serves it. */
	public static void serve(int port, int threads) throws IOException, InterruptedException, ExecutionException {
		logToStandardError();
		try (ServerSocket listener = new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
				Socket client = listener.accept()) {
			serve(client.getInputStream(), client.getOutputStream(), threads);
		}
	}

	/** Xtext's log4j configuration logs to the console's standard output. */
	private static void logToStandardError() {
		for (Object appender : Collections.list(org.apache.log4j.Logger.getRootLogger().getAllAppenders())) {
			if (appender instanceof ConsoleAppender console) {
				console.setTarget(ConsoleAppender.SYSTEM_ERR);
				console.activateOptions();
			}
		}
	}

	/**
	 * The reply to a request that failed: errors the server raised on purpose as they are; a position outside the
	 * document (Xtext's document refuses it) as invalid parameters; anything else as an internal error in one line
	 * that names the exception's type only, since its message may quote the document.
	 */
	private static ResponseError toResponseError(Throwable failure) {
		Throwable cause = failure;
		for (Throwable next = failure; next != null; next = next.getCause()) {
			if (next instanceof ResponseErrorException error) {
				return error.getResponseError();
			}
			cause = next;
		}
		if (cause instanceof IndexOutOfBoundsException && cause.getStackTrace().length > 0
				&& List.of(Document.class.getName(), ReportDocument.class.getName()).contains(cause.getStackTrace()[0].getClassName())) {
			return new ResponseError(ResponseErrorCode.InvalidParams, "请求中的位置不在文档之内", null);
		}
		LOG.log(Level.SEVERE, "request failed", cause);
		return new ResponseError(ResponseErrorCode.InternalError,
				"内部错误（" + cause.getClass().getSimpleName() + "），详情见语言服务器的日志（标准错误输出）；请报告此问题", null);
	}
}
