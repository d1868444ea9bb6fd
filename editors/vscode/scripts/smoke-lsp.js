#!/usr/bin/env node
// Starts the language server exactly as the extension does (same Java search, same arguments, stdio, same initialize
// roots) and checks that it answers `initialize`, checks an example report, shows a hover, reports a balance error
// after an edit, and shuts down. Two runs: VS Code with a folder open (the examples folder), and VS Code with a single
// file and no folder (the extension then gives the server an empty folder as its root).
//
// Java: the environment variable REPORT_JAVA_HOME plays the `report.java.home` setting; otherwise JAVA_HOME, then PATH.
// Jar: the first argument, or server/report.jar.
'use strict';

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { findJava, describeTried, MINIMUM_JAVA, serverArguments } = require('../out/java.js');

const root = path.join(__dirname, '..');
const jar = path.resolve(process.argv[2] ?? path.join(root, 'server', 'report.jar'));
const examples = path.resolve(root, '..', '..', 'examples');
const TIMEOUT_MS = 120000;

if (!fs.existsSync(jar)) {
	console.error(`smoke-server: FAILED: ${jar} does not exist (run \`npm run prepare-server\`)`);
	process.exit(1);
}
const search = findJava(process.env.REPORT_JAVA_HOME);
if (!search.java) {
	console.error(`smoke-server: FAILED: no Java ${MINIMUM_JAVA}+ (looked at: ${describeTried(search.tried)})`);
	process.exit(1);
}
const args = serverArguments(jar, search.java.major);
console.log(`smoke-server: ${search.java.executable} ${args.join(' ')} (Java ${search.java.major} from ${search.java.source})`);

/** A connection to a freshly started server: requests, notifications, and the server's own requests answered. */
function connect() {
	const server = spawn(search.java.executable, args, { stdio: ['pipe', 'pipe', 'pipe'] });
	const connection = { server, stderr: '', finished: false };
	let nextId = 1;
	const pending = new Map();
	const notifications = [];
	let waiter;
	let buffer = Buffer.alloc(0);

	server.stderr.on('data', chunk => { connection.stderr += chunk; });
	connection.exited = new Promise(resolve => server.on('exit', (code, signal) => {
		const early = new Error(`the server exited (code ${code}, signal ${signal}); stderr:\n${connection.stderr}`);
		pending.forEach(({ reject }) => reject(early));
		waiter?.reject(early);
		resolve(code);
	}));

	connection.send = message => {
		const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
		server.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
	};
	connection.request = (method, params) => {
		const id = nextId++;
		connection.send({ id, method, params });
		return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
	};
	connection.notification = predicate => {
		const index = notifications.findIndex(predicate);
		if (index >= 0) {
			return Promise.resolve(notifications.splice(index, 1)[0]);
		}
		return new Promise((resolve, reject) => { waiter = { predicate, resolve, reject }; });
	};

	server.stdout.on('data', chunk => {
		buffer = Buffer.concat([buffer, chunk]);
		for (;;) {
			const headerEnd = buffer.indexOf('\r\n\r\n');
			if (headerEnd < 0) {
				return;
			}
			const length = Number(/Content-Length: *([0-9]+)/i.exec(buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
			if (buffer.length < headerEnd + 4 + length) {
				return;
			}
			const message = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
			buffer = buffer.subarray(headerEnd + 4 + length);
			if (message.id !== undefined && message.method === undefined && pending.has(message.id)) {
				const { resolve, reject } = pending.get(message.id);
				pending.delete(message.id);
				message.error ? reject(new Error(`${message.error.message}: ${message.error.data ?? ''}`.slice(0, 600)))
					: resolve(message.result);
			} else if (message.id !== undefined && message.method !== undefined) {
				connection.send({ id: message.id, result: null }); // registerCapability, workspace/configuration, …
			} else if (waiter?.predicate(message)) {
				waiter.resolve(message);
				waiter = undefined;
			} else {
				notifications.push(message);
			}
		}
	});
	return connection;
}

async function scenario(name, rootUri, workspaceFolders) {
	console.log(`smoke-server: -- ${name} (rootUri ${rootUri})`);
	const connection = connect();
	const timer = setTimeout(() => {
		connection.server.kill();
	}, TIMEOUT_MS);
	try {
		const started = Date.now();
		const init = await connection.request('initialize', {
			processId: process.pid,
			clientInfo: { name: 'report-dsl smoke test' },
			rootUri,
			workspaceFolders,
			capabilities: { textDocument: { publishDiagnostics: {}, hover: { contentFormat: ['markdown', 'plaintext'] } } },
		});
		const capabilities = Object.keys(init.capabilities ?? {}).sort();
		console.log(`smoke-server: initialize answered in ${Date.now() - started} ms; capabilities: ${capabilities.join(', ')}`);
		if (!capabilities.includes('textDocumentSync') || !capabilities.includes('hoverProvider')) {
			throw new Error('initialize did not announce text synchronisation and hover');
		}
		connection.send({ method: 'initialized', params: {} });

		const file = fs.readdirSync(examples).find(n => n.startsWith('000-') && n.endsWith('.report'));
		const uri = pathToFileURL(path.join(examples, file)).href;
		const text = fs.readFileSync(path.join(examples, file), 'utf8');
		const isOurs = m => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri;
		connection.send({ method: 'textDocument/didOpen',
			params: { textDocument: { uri, languageId: 'report', version: 1, text } } });
		const diagnostics = (await connection.notification(isOurs)).params.diagnostics;
		const errors = diagnostics.filter(d => d.severity === 1);
		console.log(`smoke-server: ${file}: ${diagnostics.length} diagnostics (${errors.length} errors)`);
		if (errors.length > 0) {
			throw new Error(`${file} should check clean: ${errors.map(d => d.message).join('; ')}`);
		}

		// hover on the first value of Table B's row 一
		const lines = text.split('\n');
		const line = lines.findIndex(l => /^\s*一:/.test(l));
		const colon = lines[line].indexOf(':');
		const character = colon + 1 + lines[line].slice(colon + 1).search(/\S/);
		const hover = await connection.request('textDocument/hover', { textDocument: { uri }, position: { line, character } });
		const hoverText = String(hover?.contents?.value ?? '');
		console.log(`smoke-server: hover on the first value of row 一: ${JSON.stringify(hoverText.slice(0, 120))}…`);
		if (!hoverText.includes('B1')) {
			throw new Error('the hover does not show rule B1');
		}

		// break the balance: row 一 3 → 4, so that 一 + 二 ≠ 三.七 + 四 (rule B1)
		const broken = text.replace(/^(\s*一:\s*)3( .* )3$/m, '$14$24');
		if (broken === text) {
			throw new Error('could not find row 一 to change');
		}
		connection.send({ method: 'textDocument/didChange',
			params: { textDocument: { uri, version: 2 }, contentChanges: [{ text: broken }] } });
		const after = (await connection.notification(m => isOurs(m) && m.params.diagnostics.length > 0)).params.diagnostics;
		const b1 = after.find(d => d.code === 'B1' && d.severity === 1);
		if (!b1) {
			throw new Error(`no B1 error after breaking the balance: ${JSON.stringify(after).slice(0, 400)}`);
		}
		console.log(`smoke-server: after the edit: ${after.length} diagnostics, e.g. ${b1.range.start.line + 1}:`
			+ `${b1.range.start.character + 1} [B1] ${b1.message}`);

		await connection.request('shutdown', null);
		connection.send({ method: 'exit' });
		const code = await connection.exited;
		console.log(`smoke-server: server exited with ${code}`);
	} catch (error) {
		connection.server.kill();
		throw error;
	} finally {
		clearTimeout(timer);
	}
}

(async () => {
	const folder = pathToFileURL(examples).href;
	await scenario('a folder open', folder, [{ uri: folder, name: 'examples' }]);
	// What the extension does without a folder: the server fails to initialize on a null rootUri (Xtext's
	// WorkspaceManager), so it gets an empty folder of its own instead.
	const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'report-dsl-empty-'));
	try {
		await scenario('a single file, no folder', pathToFileURL(empty).href, null);
	} finally {
		fs.rmSync(empty, { recursive: true, force: true });
	}
	console.log('smoke-server: OK');
})().catch(error => {
	console.error(`smoke-server: FAILED: ${error.stack ?? error}`);
	process.exit(1);
});
