package report.dsl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.google.inject.Injector;

import picocli.CommandLine;
import picocli.CommandLine.Parameters;
import report.dsl.ReportStandaloneSetup;
import report.dsl.batch.ReportBatch;
import report.dsl.batch.ReportBuild;

/** A subcommand over report files: the inputs, how they are found, and the language to read them with. */
abstract class FilesCommand {

	@Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "报告文件，或其中查找 *.report 的目录")
	protected List<Path> inputs;

	@CommandLine.Spec
	protected CommandLine.Model.CommandSpec spec;

	protected PrintWriter out() {
		return spec.commandLine().getOut();
	}

	protected PrintWriter err() {
		return spec.commandLine().getErr();
	}

	/** The report files under the inputs; none, with the reason printed, when an input does not exist. */
	protected Optional<List<ReportBuild.Source>> sources() throws IOException {
		for (Path input : inputs) {
			if (Files.isRegularFile(input) && !input.getFileName().toString().endsWith(ReportBatch.EXTENSION)) {
				err().println("report: " + input + " 不是报告文件：请给出 .report 文件，或其中查找 .report 文件的目录");
				return Optional.empty();
			}
		}
		try {
			List<ReportBuild.Source> sources = ReportBuild.sources(inputs);
			if (sources.isEmpty()) {
				err().println("report: 没有找到 .report 文件：" + inputs);
				return Optional.empty();
			}
			return Optional.of(sources);
		} catch (NoSuchFileException e) {
			err().println("report: 找不到文件或目录：" + e.getFile());
			return Optional.empty();
		}
	}

	/** The report files alone, for commands that do not mirror the input tree. */
	protected Optional<List<Path>> files() throws IOException {
		return sources().map(found -> found.stream().map(ReportBuild.Source::file).toList());
	}

	protected static Injector language() {
		return new ReportStandaloneSetup().createInjectorAndDoEMFRegistration();
	}
}
