// Finding Java 17+ and the server's command line (out/java.js, compiled by `npm run compile`, which `npm test` runs first).
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const java = require('../out/java.js');

test('the feature version in `java -version`', () => {
	assert.equal(java.parseJavaVersion('openjdk version "21.0.2" 2024-01-16\nOpenJDK Runtime Environment'), 21);
	assert.equal(java.parseJavaVersion('openjdk version "25" 2025-09-16'), 25);
	assert.equal(java.parseJavaVersion('openjdk version "17-ea" 2021-03-16'), 17);
	assert.equal(java.parseJavaVersion('java version "1.8.0_392"'), 8);
	assert.equal(java.parseJavaVersion('command not found'), undefined);
});

test('the setting alone when set, otherwise JAVA_HOME then PATH', () => {
	const home = path.join('jdks', 'jdk-21');
	assert.deepEqual(java.javaCandidates(home, { JAVA_HOME: '/elsewhere' }).map(c => c.source), ['report.java.home']);
	assert.equal(java.javaCandidates(home, {})[0].executable, java.javaInHome(home));
	assert.deepEqual(java.javaCandidates('  ', { JAVA_HOME: '/jdk' }).map(c => c.source), ['JAVA_HOME', 'PATH']);
	assert.deepEqual(java.javaCandidates(undefined, {}).map(c => c.source), ['PATH']);
});

test('the first Java 17+, then the newest installed one, and never past an explicit setting', () => {
	const versions = { [java.javaInHome('/jdk11')]: 11, [java.javaInHome('/jdk17')]: 17, java: 18 };
	const probe = executable => versions[executable] !== undefined ? { major: versions[executable] } : { problem: 'not found' };
	const installed = () => ({ executable: '/usr/lib/jvm/jdk-25/bin/java', source: 'installed JDKs', major: 25 });
	const none = () => undefined;

	assert.equal(java.findJava(undefined, { JAVA_HOME: '/jdk17' }, probe, installed).java.source, 'JAVA_HOME');
	assert.equal(java.findJava(undefined, { JAVA_HOME: '/jdk11' }, probe, installed).java.source, 'PATH');
	versions.java = 11;
	assert.equal(java.findJava(undefined, { JAVA_HOME: '/jdk11' }, probe, installed).java.major, 25);
	const nothing = java.findJava(undefined, { JAVA_HOME: '/jdk11' }, probe, none);
	assert.equal(nothing.java, undefined);
	assert.match(java.describeTried(nothing.tried), /JAVA_HOME \(.*jdk11.*\): Java 11; PATH \(java\): Java 11; installed JDKs/);
	// a setting that points at an old or missing JDK is reported, not replaced by another Java
	assert.equal(java.findJava('/jdk11', {}, probe, installed).java, undefined);
	assert.equal(java.findJava('/missing', {}, probe, installed).tried[0].problem, 'not found');
	assert.equal(java.findJava('/jdk17', {}, probe, installed).java.major, 17);
});

test('installed JDKs are read from their release files, newest first', () => {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'report-dsl-jdks-'));
	try {
		const jdk = (name, version) => {
			const home = path.join(folder, name);
			fs.mkdirSync(path.join(home, 'bin'), { recursive: true });
			fs.writeFileSync(java.javaInHome(home), '');
			if (version) {
				fs.writeFileSync(path.join(home, 'release'), `IMPLEMENTOR="x"\nJAVA_VERSION="${version}"\n`);
			}
			return home;
		};
		jdk('jdk-11', '11.0.21');
		jdk('no-release');
		assert.equal(java.newestInstalledJava([folder]), undefined);
		jdk('jdk-17', '17.0.15');
		const newest = jdk('jdk-23', '23');
		assert.deepEqual(java.newestInstalledJava([folder, path.join(folder, 'absent')]),
			{ executable: java.javaInHome(newest), source: 'installed JDKs', major: 23 });
	} finally {
		fs.rmSync(folder, { recursive: true, force: true });
	}
});

test('the server command: -jar report.jar lsp, with the Unsafe warning silenced on Java 24+', () => {
	assert.deepEqual(java.serverArguments('/x/report.jar', 21), ['-jar', '/x/report.jar', 'lsp']);
	assert.deepEqual(java.serverArguments('/x/report.jar', 25),
		['--sun-misc-unsafe-memory-access=allow', '-jar', '/x/report.jar', 'lsp']);
});
