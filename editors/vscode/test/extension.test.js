// out/extension.js activated against a stand-in for the `vscode` module: what it starts, what it says when Java is
// missing, what root it gives the server without a folder, and that deactivate stops the client. (VS Code itself is
// not needed; the language client library is the real one, only its start and stop are recorded instead of run.)
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const Module = require('node:module');
const os = require('node:os');
const path = require('node:path');

const root = path.join(__dirname, '..');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'report-dsl-extension-test-'));
test.after(() => fs.rmSync(scratch, { recursive: true, force: true }));

// ------------------------------------------------------------------ a stand-in for `vscode`

const settings = {};
const messages = [];
const commands = [];

/** Anything: every property, call and `new` gives another such value. What the client library touches in passing. */
function anything(name) {
	return new Proxy(function () {}, {
		get: (_, property) => property === 'then' ? undefined
			: property === Symbol.toPrimitive || property === 'toString' ? () => name
				: anything(`${name}.${String(property)}`),
		apply: () => anything(`${name}()`),
		construct: () => anything(`new ${name}`),
	});
}

function uri(fsPath) {
	return { scheme: 'file', fsPath, path: fsPath, toString: () => `file://${fsPath}` };
}

const vscode = anything('vscode');
const stub = new Proxy({ window: 0, workspace: 0, commands: 0, Uri: 0, version: 0 }, {
	get(_, property) {
		switch (property) {
			case 'version':
				return '1.85.0';
			case 'Uri':
				return { file: uri, joinPath: (base, ...parts) => uri(path.join(base.fsPath, ...parts)) };
			case 'workspace':
				return new Proxy({}, {
					get: (__, p) => p === 'getConfiguration' ? () => ({ get: key => settings[key] })
						: p === 'workspaceFolders' ? undefined
							: vscode.workspace[p],
				});
			case 'window':
				return new Proxy({}, {
					get: (__, p) => p === 'showErrorMessage'
						? async (message, ...items) => { messages.push({ message, items }); return undefined; }
						: vscode.window[p],
				});
			case 'commands':
				return new Proxy({}, {
					get: (__, p) => p === 'registerCommand'
						? (id, callback) => { commands.push(id); return { dispose() {} }; }
						: vscode.commands[p],
				});
			default:
				return vscode[property];
		}
	},
});

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
	return request === 'vscode' ? 'vscode' : resolveFilename.call(this, request, ...rest);
};
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: stub };

const { LanguageClient } = require('vscode-languageclient/node');
const started = [];
const stopped = [];
LanguageClient.prototype.start = async function () { started.push(this); };
LanguageClient.prototype.stop = async function () { stopped.push(this); };

const extension = require(path.join(root, 'out', 'extension.js'));

// ------------------------------------------------------------------ fixtures

/** A folder that looks like a JDK whose `java -version` says `version`. */
function fakeJdk(version) {
	const home = path.join(scratch, `jdk-${version}`);
	fs.mkdirSync(path.join(home, 'bin'), { recursive: true });
	const java = path.join(home, 'bin', 'java');
	fs.writeFileSync(java, `#!/bin/sh\necho 'openjdk version "${version}" 2024-01-16' >&2\n`);
	fs.chmodSync(java, 0o755);
	return home;
}

const jar = path.join(scratch, 'report.jar');
fs.writeFileSync(jar, '');

function context() {
	return {
		subscriptions: [],
		asAbsolutePath: relative => path.join(root, relative),
		globalStorageUri: uri(path.join(scratch, 'storage')),
	};
}

async function activate(javaHome, serverJar) {
	settings['java.home'] = javaHome;
	settings['server.jar'] = serverJar;
	messages.length = 0;
	started.length = 0;
	await extension.activate(context());
}

const posix = process.platform !== 'win32' ? {} : { skip: 'the fake JDK is a shell script' };

// ------------------------------------------------------------------ tests

test('starts `java -jar report.jar lsp` over stdio for the report language, on Java 17', posix, async () => {
	const home = fakeJdk('17.0.15');
	await activate(home, jar);
	assert.deepEqual(messages, []);
	assert.equal(started.length, 1);
	const client = started[0];
	const options = client._serverOptions;
	assert.equal(options.run.command, path.join(home, 'bin', 'java'));
	assert.deepEqual(options.run.args, ['-jar', jar, 'lsp']);
	assert.equal(options.run.transport, 0); // TransportKind.stdio
	assert.deepEqual(options.debug, options.run);
	assert.deepEqual(client._clientOptions.documentSelector,
		[{ scheme: 'file', language: 'report' }, { scheme: 'untitled', language: 'report' }]);
	assert.ok(commands.includes('report.restartServer'));

	// without a folder, the server gets an empty folder as its root rather than none
	const params = { rootUri: null, rootPath: null, workspaceFolders: null, capabilities: {} };
	client.fillInitializeParams(params);
	const emptyRoot = path.join(scratch, 'storage', 'empty-root');
	assert.equal(params.rootUri, `file://${emptyRoot}`);
	assert.equal(params.rootPath, emptyRoot);
	assert.deepEqual(fs.readdirSync(emptyRoot), []);
	// with a folder, nothing changes
	const withFolder = { rootUri: 'file:///work', rootPath: '/work', workspaceFolders: null, capabilities: {} };
	client.fillInitializeParams(withFolder);
	assert.equal(withFolder.rootUri, 'file:///work');

	await extension.deactivate();
	assert.deepEqual(stopped, [client]);
});

test('Java 24+ runs the server with the Unsafe warning silenced, as ./report does', posix, async () => {
	await activate(fakeJdk('25'), jar);
	assert.deepEqual(started[0]._serverOptions.run.args, ['--sun-misc-unsafe-memory-access=allow', '-jar', jar, 'lsp']);
	await extension.deactivate();
});

test('an old Java: an error in Chinese and English, with the way to the setting, and no server', posix, async () => {
	await activate(fakeJdk('11.0.21'), jar);
	assert.equal(started.length, 0);
	assert.equal(messages.length, 1);
	const { message, items } = messages[0];
	assert.match(message, /需要 Java 17 或更新版本/);
	assert.match(message, /needs Java 17 or newer/);
	assert.match(message, /Java 11/);
	assert.match(message, /report\.java\.home/);
	assert.deepEqual(items, ['打开设置 / Open Settings']);
	await extension.deactivate();
});

test('no Java at the configured folder: the same error', async () => {
	await activate(path.join(scratch, 'no-such-jdk'), jar);
	assert.equal(started.length, 0);
	assert.match(messages[0].message, /not found/);
	await extension.deactivate();
});

test('a missing server jar: an error naming it', posix, async () => {
	const missing = path.join(scratch, 'missing.jar');
	await activate(fakeJdk('21.0.2'), missing);
	assert.equal(started.length, 0);
	assert.match(messages[0].message, /找不到 report\.dsl 语言服务器/);
	assert.ok(messages[0].message.includes(missing));
	await extension.deactivate();
});

test('the jar defaults to server/report.jar inside the extension', posix, async () => {
	await activate(fakeJdk('21.0.2'), '');
	const bundled = path.join(root, 'server', 'report.jar');
	if (fs.existsSync(bundled)) {
		assert.deepEqual(started[0]._serverOptions.run.args, ['-jar', bundled, 'lsp']);
	} else {
		assert.ok(messages[0].message.includes(bundled));
	}
	await extension.deactivate();
});
