package report.dsl.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The `report` command. Exit codes: 0 clean, 1 errors found, 2 usage error. */
@Command(name = "report", mixinStandardHelpOptions = true, version = "report.dsl 0.1.0",
		description = "检查与生成报告文件（.report）。", subcommands = { CheckCommand.class, BuildCommand.class, FormatCommand.class, ImportCommand.class, AuditCommand.class, LspCommand.class })
public final class ReportCli implements Runnable {

	static final int ERRORS_FOUND = 1;
	static final int USAGE = 2;

	@CommandLine.Spec
	private CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		throw new CommandLine.ParameterException(spec.commandLine(), "请给出子命令，例如：report check examples");
	}

	public static void main(String[] args) {
		System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
	}

	public static int run(String[] args, PrintWriter out, PrintWriter err) {
		CommandLine commandLine = new CommandLine(new ReportCli()).setOut(out).setErr(err);
		commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> internalError(e, err));
		try {
			return commandLine.execute(args);
		} catch (Error e) { // picocli hands exceptions to the handler, errors (a stack overflow) through
			return internalError(e, err);
		}
	}

	/** A failure of the program, not of the input: one line on stderr that says so, never a stack trace. */
	private static int internalError(Throwable e, PrintWriter err) {
		err.println("report: 内部错误（" + e + "）：这是 report 的缺陷，请附上输入文件报告此问题");
		return ERRORS_FOUND;
	}
}
