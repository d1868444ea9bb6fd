package report.dsl.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import report.dsl.ide.ReportLanguageServer;

/** `report lsp [--socket PORT]`: the language server, for any editor with an LSP client. */
@Command(name = "lsp", mixinStandardHelpOptions = true,
		description = "启动语言服务器（LSP），默认通过标准输入输出通信；--socket 时在本机端口上等待一个客户端。")
final class LspCommand implements Callable<Integer> {

	@Option(names = "--socket", paramLabel = "PORT", description = "在 127.0.0.1 的此端口上等待编辑器连接")
	private Integer port;

	@Override
	public Integer call() throws Exception {
		if (port != null) {
			ReportLanguageServer.serve(port);
		} else {
			ReportLanguageServer.serveStandardStreams();
		}
		return 0;
	}
}
