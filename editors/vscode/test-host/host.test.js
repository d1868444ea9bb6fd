// The extension in a real VS Code: code-server 4.100.3 (VS Code 1.100.3 in the browser), driven by Debian's headless
// Chromium through puppeteer-core, as a user would drive it. The .vsix is built as the README says, installed with
// `code-server --install-extension`, and used on a copy of examples/: wait for the server, type a balance error, see
// it in the Problems panel, hover the cell, apply the quick fix, see the Problems panel clean, then run Report: Import
// published report… on a published text and see the imported .report open. A screenshot of each
// step goes to target/screenshots/ (a failed step leaves one named …-FAILED.png).
//
// Run: `npm run test-host` (./test runs it when npm is there). It installs code-server into a cache outside the
// repository first (test-host/install-code-server.sh). CHROMIUM chooses the browser (default /usr/bin/chromium).
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const puppeteer = require('puppeteer-core');

const extensionRoot = path.join(__dirname, '..');
const repo = path.join(extensionRoot, '..', '..');
const screenshots = path.join(extensionRoot, 'target', 'screenshots');
const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium';
const { version } = require('../package.json');

const EXAMPLE = '000-liaocheng-jiguanshiwu-2023.report';
const SERVER_TIMEOUT = 180000; // the server's first start: a JVM loading Xtext and every report of the folder
const UI_TIMEOUT = 30000;

/** Polls `probe` until it gives a truthy value, which it returns; fails naming `what` after `timeout` ms. */
async function until(what, probe, timeout = UI_TIMEOUT) {
	const deadline = Date.now() + timeout;
	let last;
	for (;;) {
		try {
			const value = await probe();
			if (value) {
				return value;
			}
		} catch (error) {
			last = error;
		}
		if (Date.now() > deadline) {
			throw new Error(`${what}: not within ${timeout / 1000} s${last ? ` (last error: ${last.message})` : ''}`);
		}
		await new Promise(resolve => setTimeout(resolve, 500));
	}
}

/** Runs `attempt` up to `times` times: a UI gesture that a busy workbench may swallow is simply made again. */
async function retried(times, attempt) {
	for (let i = 1; ; i++) {
		try {
			return await attempt(i);
		} catch (error) {
			if (i >= times) {
				throw error;
			}
		}
	}
}

function run(command, args, options = {}) {
	try {
		return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options });
	} catch (error) {
		throw new Error(`${command} ${args.join(' ')} failed:\n${error.stdout ?? ''}${error.stderr ?? ''}`);
	}
}

/** The lines of a file below `folder` whose name ends with `suffix` (VS Code's log of an output channel). */
function logOf(folder, suffix) {
	const found = fs.readdirSync(folder, { recursive: true }).filter(name => String(name).endsWith(suffix));
	return found.map(name => fs.readFileSync(path.join(folder, String(name)), 'utf8')).join('\n');
}

test('the .vsix in VS Code 1.100 (code-server): diagnostics, Problems, hover, quick fix, import', { timeout: 900000 }, async t => {
	if (!fs.existsSync(chromium)) {
		t.skip(`no Chromium at ${chromium} (./test installs Debian's chromium)`);
		return;
	}
	fs.rmSync(screenshots, { recursive: true, force: true });
	fs.mkdirSync(screenshots, { recursive: true });
	const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'report-dsl-code-server-'));
	const cleanups = [() => fs.rmSync(scratch, { recursive: true, force: true })];
	t.after(async () => {
		for (const cleanup of cleanups.reverse()) {
			await cleanup();
		}
	});

	// ---- the .vsix, built as the README says, and code-server with it installed
	const codeServer = run('bash', [path.join(__dirname, 'install-code-server.sh')], { stdio: ['ignore', 'pipe', 'inherit'] }).trim();
	run(path.join(repo, 'report'), ['check', 'examples'], { cwd: repo, timeout: 1200000 });
	run('npm', ['run', 'prepare-server'], { cwd: extensionRoot });
	run('npm', ['run', 'package'], { cwd: extensionRoot, timeout: 300000 });
	const vsix = path.join(extensionRoot, `report-dsl-${version}.vsix`);
	assert.ok(fs.existsSync(vsix), `npm run package wrote no ${vsix}`);

	const userData = path.join(scratch, 'user-data');
	const extensions = path.join(scratch, 'extensions');
	const workspace = path.join(scratch, 'examples');
	// code-server's config and logs, and the sockets VS Code's git extension leaves in TMPDIR, stay in the scratch folder
	const env = { ...process.env, XDG_CONFIG_HOME: path.join(scratch, 'config'), XDG_DATA_HOME: path.join(scratch, 'data'),
		TMPDIR: path.join(scratch, 'tmp') };
	fs.mkdirSync(env.TMPDIR);
	fs.cpSync(path.join(repo, 'examples'), workspace, { recursive: true });
	// a published report beside them, for Report: Import published report…
	const PUBLISHED = 'published-002.txt';
	const IMPORTED = '聊城市工业和信息化局2023.report';
	fs.copyFileSync(path.join(repo, 'report.dsl.importer', 'src', 'test', 'resources', 'seeds', '002_494098ddfe450f28.txt'),
		path.join(workspace, PUBLISHED));
	fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
	const settings = {
		'workbench.startupEditor': 'none',
		'workbench.tips.enabled': false,
		'workbench.welcomePage.walkthroughs.openOnInstall': false,
		'security.workspace.trust.enabled': false,
		'telemetry.telemetryLevel': 'off',
		'update.mode': 'none',
		'extensions.autoCheckUpdates': false,
		'extensions.autoUpdate': false,
		'extensions.ignoreRecommendations': true,
	};
	// the server runs on Java 17+: use Debian's 17 where it is there, otherwise whatever the extension finds
	const java17 = '/usr/lib/jvm/java-17-openjdk-amd64';
	if (fs.existsSync(path.join(java17, 'bin', 'java'))) {
		settings['report.java.home'] = java17;
	}
	fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
	const common = ['--user-data-dir', userData, '--extensions-dir', extensions];
	const installed = run(codeServer, [...common, '--install-extension', vsix], { env });
	assert.match(installed, /successfully installed/, installed);

	// ---- code-server on a free port of 127.0.0.1, no password, the copied examples as its folder
	const server = spawn(codeServer, [...common, '--bind-addr', '127.0.0.1:0', '--auth', 'none', '--disable-telemetry',
		'--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', workspace],
	{ env, stdio: ['ignore', 'pipe', 'pipe'] });
	let serverOutput = '';
	server.stdout.on('data', data => { serverOutput += data; });
	server.stderr.on('data', data => { serverOutput += data; });
	cleanups.push(() => new Promise(resolve => {
		if (server.exitCode !== null) {
			resolve();
			return;
		}
		server.once('exit', resolve);
		server.kill();
	}));
	const url = await until('code-server listening', () => {
		assert.equal(server.exitCode, null, `code-server exited: ${serverOutput}`);
		return /HTTP server listening on (http:\/\/127\.0\.0\.1:[0-9]+)/.exec(serverOutput)?.[1];
	});

	// ---- a headless Chromium with an empty profile on the workbench
	const browser = await puppeteer.launch({
		executablePath: chromium,
		headless: true,
		userDataDir: path.join(scratch, 'chromium'),
		defaultViewport: { width: 1440, height: 900 },
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
			'--disable-component-update', '--disable-sync', '--lang=en-US'],
	});
	cleanups.push(() => browser.close());
	const page = await browser.newPage();

	let shot = 0;
	/** One step of the user's path: a screenshot after it, or one named …-FAILED and the extension's log on failure. */
	async function step(name, action) {
		const file = `${String(++shot).padStart(2, '0')}-${name}`;
		try {
			const result = await action();
			await page.screenshot({ path: path.join(screenshots, `${file}.png`) });
			return result;
		} catch (error) {
			await page.screenshot({ path: path.join(screenshots, `${file}-FAILED.png`) }).catch(() => {});
			const log = logOf(userData, 'report.dsl.log');
			error.message = `step "${name}" failed (screenshot ${path.join(screenshots, `${file}-FAILED.png`)}): ${error.message}`
				+ `\n--- the extension's output channel (report.dsl):\n${log.slice(-4000) || '(empty)'}`;
			throw error;
		}
	}

	async function press(chord) {
		const keys = chord.split('+');
		for (const key of keys.slice(0, -1)) {
			await page.keyboard.down(key);
		}
		await page.keyboard.press(keys[keys.length - 1]);
		for (const key of keys.slice(0, -1).reverse()) {
			await page.keyboard.up(key);
		}
	}

	/** The visible text of the first element matching `selector` that is shown, or ''. */
	function visibleText(selector) {
		return page.evaluate(s => [...document.querySelectorAll(s)]
			.filter(e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden')
			.map(e => e.innerText).join('\n'), selector);
	}

	/** The text of the editor's line that starts with `key` (as rendered: spaces collapsed). */
	function editorLine(key) {
		return page.evaluate(k => [...document.querySelectorAll('.editor-instance .view-line')]
			.map(line => line.textContent.replace(/[\s\u00a0]+/g, ' ').trim())
			.find(text => text.startsWith(k)), key);
	}

	/**
	 * Moves the cursor to `line`:`column` (1-based, in characters) with Go to Line, and waits for the status bar to
	 * show the line (its column counts a tab as four).
	 */
	async function goTo(line, column) {
		await retried(3, async () => {
			await press('Control+KeyG');
			await until('the Go to Line box', async () => (await visibleText('.quick-input-widget')).length > 0, 10000);
			await page.keyboard.type(`${line}:${column}`);
			await page.keyboard.press('Enter');
			await until(`the cursor on line ${line}`,
				async () => (await visibleText('#status\\.editor\\.selection')).includes(`Ln ${line},`), 10000);
		});
	}

	/** The position on screen of the first number after `key` in the editor's line that starts with `key`. */
	function cellOnScreen(key) {
		return page.evaluate(k => {
			for (const line of document.querySelectorAll('.editor-instance .view-line')) {
				const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
				const nodes = [];
				let text = '';
				for (let node = walker.nextNode(); node; node = walker.nextNode()) {
					nodes.push({ node, start: text.length });
					text += node.data;
				}
				const match = new RegExp(`^[\\s\\u00a0]*${k}[\\s\\u00a0]+`).exec(text);
				if (!match) {
					continue;
				}
				const at = match[0].length;
				const { node, start } = nodes.filter(n => n.start <= at).pop();
				const range = document.createRange();
				range.setStart(node, at - start);
				range.setEnd(node, at - start + 1);
				const rect = range.getBoundingClientRect();
				return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
			}
			return undefined;
		}, key);
	}

	async function hoverText(key, expected) {
		return retried(3, async () => {
			await page.mouse.move(5, 5);
			const cell = await until(`the first number of row ${key} on screen`, () => cellOnScreen(key));
			await page.mouse.move(cell.x - 1, cell.y);
			await page.mouse.move(cell.x, cell.y);
			return until(`a hover containing ${expected}`, async () => {
				const text = await visibleText('.monaco-hover');
				return text.includes(expected) && text;
			}, 15000);
		});
	}

	const problemsText = () => visibleText('.markers-panel-container');

	const lines = fs.readFileSync(path.join(workspace, EXAMPLE), 'utf8').split(/\r?\n/);
	const row = lines.findIndex(line => /^\s*四:\s+1 0 0 0 0 0 1/.test(line));
	assert.ok(row >= 0, `no row 四: 1 0 0 0 0 0 1 in ${EXAMPLE}`);
	const column = lines[row].indexOf('1') + 1;

	await step('workbench', async () => {
		await page.goto(`${url}/?folder=${encodeURIComponent(workspace)}`, { waitUntil: 'domcontentloaded', timeout: 60000 });
		await until('the workbench with the folder in the explorer', async () =>
			(await visibleText('.explorer-folders-view')).includes('000-liaocheng'), 60000);
	});

	/** Opens a file of the folder with Quick Open, as a user does, until its tab is the active one. */
	async function quickOpen(name) {
		await retried(3, async () => {
			await page.click('.monaco-workbench .part.editor');
			await press('Control+KeyP');
			await until('the Quick Open box', async () => (await visibleText('.quick-input-widget')).length > 0, 10000);
			await page.keyboard.type(name);
			await until(`${name} in Quick Open`, async () => (await visibleText('.quick-input-list')).includes(name), 10000);
			await page.keyboard.press('Enter');
			await until(`${name} in the editor`, async () => (await visibleText('.tab.active')).includes(name), 15000);
		});
	}

	await step('example-open', async () => {
		await quickOpen(EXAMPLE);
		await until('the report\'s text on screen', async () => (await visibleText('.editor-instance .view-lines')).includes('报告'));
		await press('Control+Shift+KeyM');
		await until('the Problems panel, empty', async () =>
			/No problems have been detected/.test(await problemsText()), 15000);
	});

	await step('server-hover', async () => {
		await goTo(row + 1, column);
		// the server's hover on a cell: its place in the table and the rules it is part of, here balanced
		const hover = await until('the language server answering a hover', () =>
			/The server will not be restarted/.test(logOf(userData, 'report.dsl.log'))
				? 'the server did not start' : hoverText('四:', '表B「四」行'), SERVER_TIMEOUT);
		assert.match(hover, /✓ 规则B1/);
		// configurationDefaults for [report]: no box around every full-width ，：（ of the text
		assert.equal(await page.$$eval('.editor-instance .unicode-highlight', e => e.length), 0, 'Unicode highlighting in a report');
	});

	await step('balance-error', async () => {
		await page.mouse.move(5, 5);
		await goTo(row + 1, column);
		await press('Shift+ArrowRight');
		await page.keyboard.type('2');
		assert.equal(await editorLine('四:'), '四: 2 0 0 0 0 0 1');
		const problems = await until('the B1 error in the Problems panel', async () => {
			const text = await problemsText();
			return text.includes('违反规则B1') && text.includes('违反规则B3') && text;
		}, 60000);
		// each row: the message, the code (shown in parentheses) and the place
		assert.ok(problems.replace(/\s+/g, ' ').includes(`相差 1 B1 [Ln ${row + 1}, Col ${column}]`), `the B1 error at its cell:\n${problems}`);
		assert.match(problems, /三\.七（2） \+ 四（2） = 4，相差 1/);
	});

	await step('error-hover', async () => {
		const hover = await hoverText('四:', '表B「四」行');
		assert.match(hover, /违反规则B1/);
	});

	await step('quick-fix-menu', async () => {
		await page.mouse.move(5, 5);
		await page.keyboard.press('Escape');
		await goTo(row + 1, column);
		await retried(3, async () => {
			await press('Control+Period');
			await until('the quick fix 改为 1（使规则B1成立）', async () =>
				(await visibleText('.action-widget')).includes('改为 1（使规则B1成立）'), 15000);
		});
	});

	await step('fixed', async () => {
		const fix = await page.evaluateHandle(() => [...document.querySelectorAll('.action-widget .monaco-list-row')]
			.find(row => row.innerText.includes('改为 1（使规则B1成立）')));
		await fix.asElement().click();
		await until('the line restored', async () => (await editorLine('四:')) === '四: 1 0 0 0 0 0 1', 15000);
		await until('the Problems panel clean', async () => /No problems have been detected/.test(await problemsText()), 60000);
	});

	await step('import-command', async () => {
		await quickOpen(PUBLISHED);
		await retried(3, async () => {
			await press('Control+Shift+KeyP');
			await until('the Command Palette', async () => (await visibleText('.quick-input-widget')).length > 0, 10000);
			await page.keyboard.type('Report: Import published report');
			await until('the import command in the palette', async () =>
				(await visibleText('.quick-input-list')).includes('Import published report'), 10000);
			await page.keyboard.press('Enter');
			// the folder: the published file's own, offered first
			await until('the folder choice', async () => (await visibleText('.quick-input-list')).includes(workspace), 10000);
		});
		await page.keyboard.press('Enter');
	});

	await step('imported-open', async () => {
		await until(`${IMPORTED} opened in the editor`, async () => (await visibleText('.tab.active')).includes(IMPORTED), 60000);
		await until('the imported report\'s text on screen', async () =>
			(await editorLine('报告 聊城市工业和信息化局2023 遵循')) !== undefined, 15000);
		assert.ok(fs.existsSync(path.join(workspace, IMPORTED)), `no ${IMPORTED} written in ${workspace}`);
	});

	const log = logOf(userData, 'report.dsl.log');
	assert.match(log, settings['report.java.home'] ? /Starting: .*\(Java 17, from report\.java\.home\)/ : /Starting: .*java/, log);
	assert.doesNotMatch(log, /Unknown option|exited with code/, log);
});
