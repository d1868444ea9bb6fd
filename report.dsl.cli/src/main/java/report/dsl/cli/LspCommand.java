package report.dsl.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import report.dsl.ide.ReportLanguageServer;

/** `report lsp [--stdio | --socket PORT]`: the language server, for any editor with an LSP client. */
@Command(name = "lsp", mixinStandardHelpOptions = true,
		description = "启动语言服务器（LSP），默认通过标准输入输出通信；--socket 时在本机端口上等待一个客户端。")
final class LspCommand implements Callable<Integer> {

	@CommandLine.Spec
	private CommandLine.Model.CommandSpec spec;

	@CommandLine.Mixin
	private Threads threads;

	@Option(names = "--socket", paramLabel = "PORT", description = "在 127.0.0.1 的此端口上等待编辑器连接")
	private Integer port;

	/** The LSP convention, which vscode-languageclient appends to the command of a server it talks to over stdio. */
	@Option(names = "--stdio", description = "通过标准输入输出通信（默认）")
	private boolean stdio;

	/** Some clients pass their process id on the command line; the server gets the same id in `initialize`. */
	@Option(names = "--clientProcessId", paramLabel = "PID", description = "编辑器的进程号（为兼容 LSP 客户端而接受）")
	private Long clientProcessId;

	@Override
	public Integer call() throws Exception {
		if (port != null && stdio) {
			throw new CommandLine.ParameterException(spec.commandLine(), "--stdio 与 --socket 只能选一个");
		}
		if (port != null) {
			ReportLanguageServer.serve(port, threads.count());
		} else {
			ReportLanguageServer.serveStandardStreams(threads.count());
		}
		return 0;
	}
}
