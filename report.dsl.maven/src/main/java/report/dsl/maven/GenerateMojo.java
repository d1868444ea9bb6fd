package report.dsl.maven;

import java.io.File;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import com.google.inject.Injector;

import report.dsl.ReportStandaloneSetup;
import report.dsl.batch.ReportBatch.Diagnostic;
import report.dsl.batch.ReportBatch.Severity;
import report.dsl.batch.ReportBuild;
import report.dsl.generator.DocumentException;
import report.dsl.generator.ReportPublisher;

/** Checks the reports under {@code sourceDirectory} and writes each one in the formats asked for (Markdown, HTML and JSON by default). */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class GenerateMojo extends AbstractMojo {

	@Parameter(property = "report.sourceDirectory", defaultValue = "${project.basedir}/src/main/reports")
	private File sourceDirectory;

	@Parameter(property = "report.outputDirectory", defaultValue = "${project.build.directory}/generated-resources/reports")
	private File outputDirectory;

	/** Any of md, html, json, docx, xlsx, and the other document outputs on the plugin's class path (pdf). */
	@Parameter(property = "report.formats", defaultValue = "md,html,json")
	private List<String> formats;

	/** The CJK font file document outputs use (docx charts, pdf); by default one of the system's fonts. */
	@Parameter(property = "report.font")
	private File font;

	/** Generate reports that have errors too, and do not fail the build for them. */
	@Parameter(property = "report.force", defaultValue = "false")
	private boolean force;

	@Parameter(property = "report.skip", defaultValue = "false")
	private boolean skip;

	@Override
	public void execute() throws MojoExecutionException, MojoFailureException {
		if (skip) {
			getLog().info("report.dsl: skipped");
			return;
		}
		if (!sourceDirectory.isDirectory()) {
			getLog().info("report.dsl: no " + sourceDirectory + ", nothing to generate");
			return;
		}
		Set<String> wanted = outputFormats();
		ReportBuild.Outcome outcome;
		try {
			List<ReportBuild.Source> sources = ReportBuild.sources(List.of(sourceDirectory.toPath()));
			outcome = Language.INJECTOR.getInstance(ReportBuild.class)
					.build(sources, outputDirectory.toPath(), wanted, Optional.ofNullable(font).map(File::toPath), force, done -> {
					});
		} catch (IOException e) {
			throw new MojoExecutionException("report.dsl: " + e.getMessage(), e);
		} catch (DocumentException e) {
			throw new MojoFailureException("report.dsl: " + e.getMessage());
		}
		outcome.check().diagnostics().forEach(this::log);

		long errors = outcome.check().count(Severity.ERROR);
		int withheld = outcome.withheld().size();
		outcome.collisions().forEach(collision -> getLog().error("report.dsl: " + collision));
		if (!outcome.collisions().isEmpty()) {
			throw new MojoFailureException("report.dsl: " + plural(outcome.collisions().size(), "output") + " shared by two reports");
		}
		if ((errors > 0 || withheld > 0) && !force) {
			throw new MojoFailureException("report.dsl: " + plural(errors, "error") + " in " + plural(withheld, "report")
					+ "; nothing generated for " + (withheld == 1 ? "it" : "them"));
		}
		String generated = "report.dsl: " + plural(outcome.written().size(), "file") + " generated in " + outputDirectory;
		if (errors > 0) {
			getLog().warn(generated + " despite " + plural(errors, "error") + " (force)");
		} else {
			getLog().info(generated);
		}
	}

	private Set<String> outputFormats() throws MojoExecutionException {
		List<String> available = Language.INJECTOR.getInstance(ReportPublisher.class).extensions();
		Set<String> wanted = new LinkedHashSet<>();
		for (String name : formats) {
			String format = name.trim().toLowerCase(Locale.ROOT);
			if (!available.contains(format)) {
				throw new MojoExecutionException("report.dsl: unknown format '" + name + "'; use " + String.join(", ", available));
			}
			wanted.add(format);
		}
		if (font != null && !font.isFile()) {
			throw new MojoExecutionException("report.dsl: no font file " + font);
		}
		return wanted;
	}

	private void log(Diagnostic d) {
		String line = d.file() + ":" + d.line() + ":" + d.column() + ": " + d.message().replace('\n', ' ') + " [" + d.code() + "]";
		switch (d.severity()) {
			case ERROR -> getLog().error(line);
			case WARNING -> getLog().warn(line);
			default -> getLog().info(line);
		}
	}

	private static String plural(long count, String noun) {
		return count + " " + noun + (count == 1 ? "" : "s");
	}

	/**
	 * The language, set up once per plugin class loader: the setup fills EMF's global registries,
	 * which are not safe to fill from the threads of a parallel build at once.
	 */
	private static final class Language {
		static final Injector INJECTOR = new ReportStandaloneSetup().createInjectorAndDoEMFRegistration();
	}
}
