package report.dsl.install.tests;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An Eclipse installation without the native launcher: started with java -jar on the Equinox launcher and
 * the JVM arguments of its eclipse.ini, as the native launcher would start it.
 */
record EclipseInstallation(Path home) {

	/** The symbolic names of the bundles the installation starts with, from simpleconfigurator's bundles.info. */
	Set<String> bundles() throws IOException {
		try (Stream<String> lines = Files.lines(configuration().resolve("org.eclipse.equinox.simpleconfigurator/bundles.info"))) {
			return lines.filter(line -> !line.startsWith("#")).map(line -> line.substring(0, line.indexOf(',')))
					.collect(Collectors.toSet());
		}
	}

	/** The p2 profile the installation was materialized with, which an install into it must extend. */
	String p2Profile() throws IOException {
		Properties config = new Properties();
		try (Reader reader = Files.newBufferedReader(configuration().resolve("config.ini"))) {
			config.load(reader);
		}
		String profile = config.getProperty("eclipse.p2.profile");
		if (profile == null) {
			throw new IllegalStateException("no eclipse.p2.profile in " + configuration().resolve("config.ini"));
		}
		return profile;
	}

	/**
	 * Starts Eclipse with the given program arguments. Its user home is {@code userHome}, so that nothing it
	 * writes outside the installation leaves the build's folder.
	 */
	ProcessBuilder launch(Path userHome, String... arguments) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(vmArguments());
		command.add("-Duser.home=" + userHome);
		command.add("-jar");
		command.add(launcherJar().toString());
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
		builder.environment().put("HOME", userHome.toString());
		return builder;
	}

	private List<String> vmArguments() throws IOException {
		List<String> lines = Files.readAllLines(home.resolve("eclipse.ini")).stream().map(String::strip)
				.filter(line -> !line.isEmpty()).toList();
		int vmArgs = lines.indexOf("-vmargs");
		return vmArgs < 0 ? List.of() : lines.subList(vmArgs + 1, lines.size());
	}

	private Path launcherJar() throws IOException {
		try (Stream<Path> plugins = Files.list(home.resolve("plugins"))) {
			return plugins.filter(plugin -> plugin.getFileName().toString().matches("org\\.eclipse\\.equinox\\.launcher_.*\\.jar"))
					.findFirst().orElseThrow(() -> new IllegalStateException("no Equinox launcher in " + home.resolve("plugins")));
		}
	}

	private Path configuration() {
		return home.resolve("configuration");
	}
}
