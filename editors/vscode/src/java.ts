// Finding a Java 17+ and building the language server's command line.
// No `vscode` import here, so that scripts/smoke-lsp.js (plain node) runs exactly the command the extension runs.

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The oldest Java the language server runs on: report.jar is compiled for Java 17 (building it needs 21+). */
export const MINIMUM_JAVA = 17;

export interface JavaCandidate {
	/** The `java` executable (a path, or just `java` to take it from the PATH). */
	executable: string;
	/** Where it came from, for messages: the setting, JAVA_HOME or PATH. */
	source: 'report.java.home' | 'JAVA_HOME' | 'PATH' | 'installed JDKs';
}

export interface FoundJava extends JavaCandidate {
	/** The feature version: 21 for 21.0.2, 8 for 1.8.0_392. */
	major: number;
}

export interface JavaSearch {
	/** The first candidate that is Java 17+, if any. */
	java?: FoundJava;
	/** What was looked at and what it was, for the error message when none fits. */
	tried: Array<JavaCandidate & { major?: number; problem?: string }>;
}

const executableName = process.platform === 'win32' ? 'java.exe' : 'java';

/** The `java` inside a JDK or JRE folder. */
export function javaInHome(home: string): string {
	return path.join(home, 'bin', executableName);
}

/**
 * The candidates, in order: the `report.java.home` setting alone when it is set (an explicit choice is not
 * second-guessed), otherwise JAVA_HOME, then `java` on the PATH.
 */
export function javaCandidates(configuredHome: string | undefined, env: NodeJS.ProcessEnv = process.env): JavaCandidate[] {
	const configured = configuredHome?.trim();
	if (configured) {
		return [{ executable: javaInHome(configured), source: 'report.java.home' }];
	}
	const candidates: JavaCandidate[] = [];
	const javaHome = env.JAVA_HOME?.trim();
	if (javaHome) {
		candidates.push({ executable: javaInHome(javaHome), source: 'JAVA_HOME' });
	}
	candidates.push({ executable: executableName, source: 'PATH' });
	return candidates;
}

/** The feature version in the output of `java -version`, e.g. `openjdk version "21.0.2" 2024-01-16`. */
export function parseJavaVersion(output: string): number | undefined {
	const match = /version "([0-9]+)(?:\.([0-9]+))?[^"]*"/.exec(output);
	if (!match) {
		return undefined;
	}
	const first = Number(match[1]);
	// Java 8 and older call themselves 1.x
	return first === 1 && match[2] !== undefined ? Number(match[2]) : first;
}

/** Runs `java -version` and reads its feature version. */
export function probeJava(executable: string): { major?: number; problem?: string } {
	if (path.isAbsolute(executable) && !fs.existsSync(executable)) {
		return { problem: 'not found' };
	}
	const result = spawnSync(executable, ['-version'], { encoding: 'utf8', timeout: 20000, windowsHide: true });
	if (result.error) {
		return { problem: (result.error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : result.error.message };
	}
	const major = parseJavaVersion(`${result.stderr ?? ''}\n${result.stdout ?? ''}`);
	return major === undefined ? { problem: 'unknown version' } : { major };
}

/** The folders JDKs are usually installed in, per platform (those that ./mvnw and ./report look at too). */
export function jdkFolders(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string[] {
	const home = env.HOME ?? env.USERPROFILE;
	const folders = home ? [path.join(home, '.sdkman', 'candidates', 'java'), path.join(home, '.jdks')] : [];
	if (platform === 'win32') {
		for (const programFiles of [env.ProgramFiles, env['ProgramFiles(x86)']]) {
			if (programFiles) {
				folders.push(...['Java', 'Eclipse Adoptium', 'Microsoft', 'Zulu', 'Amazon Corretto', 'BellSoft']
					.map(vendor => path.join(programFiles, vendor)));
			}
		}
	} else if (platform === 'darwin') {
		folders.push('/Library/Java/JavaVirtualMachines');
		if (home) {
			folders.push(path.join(home, 'Library', 'Java', 'JavaVirtualMachines'));
		}
	} else {
		folders.push('/usr/lib/jvm', '/usr/java', '/opt/java', '/opt');
	}
	return folders;
}

/** The feature version a JDK's `release` file declares (JAVA_VERSION="21.0.2"), without starting it. */
export function releaseVersion(home: string): number | undefined {
	try {
		const release = fs.readFileSync(path.join(home, 'release'), 'utf8');
		return parseJavaVersion(/^JAVA_VERSION=("[^"]*")/m.exec(release)?.[1].replace(/^"/, 'version "') ?? '');
	} catch {
		return undefined;
	}
}

/** The newest Java 17+ installed in the usual folders, if any. */
export function newestInstalledJava(folders: string[] = jdkFolders()): FoundJava | undefined {
	let best: FoundJava | undefined;
	for (const folder of folders) {
		let entries: string[];
		try {
			entries = fs.readdirSync(folder);
		} catch {
			continue;
		}
		for (const entry of entries) {
			// a JDK folder, or a macOS bundle whose JDK is in Contents/Home
			for (const home of [path.join(folder, entry), path.join(folder, entry, 'Contents', 'Home')]) {
				const major = releaseVersion(home);
				const executable = javaInHome(home);
				if (major !== undefined && major >= MINIMUM_JAVA && (!best || major > best.major) && fs.existsSync(executable)) {
					best = { executable, source: 'installed JDKs', major };
				}
			}
		}
	}
	return best;
}

/**
 * The Java to run the server with: the `report.java.home` setting when it is set; otherwise the first Java 17+ of
 * JAVA_HOME and the PATH, and failing those the newest Java 17+ in the usual install folders.
 */
export function findJava(configuredHome: string | undefined, env: NodeJS.ProcessEnv = process.env,
	probe: (executable: string) => { major?: number; problem?: string } = probeJava,
	installed: () => FoundJava | undefined = () => newestInstalledJava(jdkFolders(env))): JavaSearch {
	const tried: JavaSearch['tried'] = [];
	for (const candidate of javaCandidates(configuredHome, env)) {
		const outcome = probe(candidate.executable);
		tried.push({ ...candidate, ...outcome });
		if (outcome.major !== undefined && outcome.major >= MINIMUM_JAVA) {
			return { java: { ...candidate, major: outcome.major }, tried };
		}
	}
	if (!configuredHome?.trim()) {
		const java = installed();
		if (java) {
			return { java, tried };
		}
		tried.push({ executable: jdkFolders(env).join(', '), source: 'installed JDKs', problem: `no Java ${MINIMUM_JAVA}+` });
	}
	return { tried };
}

/** One line per candidate: `JAVA_HOME (/opt/jdk17/bin/java): Java 17`. */
export function describeTried(tried: JavaSearch['tried']): string {
	return tried
		.map(t => `${t.source} (${t.executable}): ${t.major !== undefined ? `Java ${t.major}` : t.problem ?? 'unusable'}`)
		.join('; ');
}

/** The arguments that start the language server on stdio, as `./report lsp` does. */
export function serverArguments(jar: string, javaMajor: number): string[] {
	const args: string[] = [];
	if (javaMajor >= 24) {
		args.push('--sun-misc-unsafe-memory-access=allow'); // Guice's use of Unsafe warns on JDK 24+
	}
	args.push('-jar', jar, 'lsp');
	return args;
}
