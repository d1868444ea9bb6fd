// The report.dsl extension: starts the language server (`java -jar report.jar lsp`, LSP over stdio) for `*.report` files.

import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { InitializeParams } from 'vscode-languageclient';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { describeTried, findJava, MINIMUM_JAVA, serverArguments } from './java';

let client: LanguageClient | undefined;
let outputChannel: vscode.OutputChannel | undefined;

const OPEN_SETTINGS = '打开设置 / Open Settings';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
	outputChannel = vscode.window.createOutputChannel('report.dsl');
	context.subscriptions.push(outputChannel);

	context.subscriptions.push(
		vscode.commands.registerCommand('report.restartServer', () => restart(context)),
		vscode.commands.registerCommand('report.importPublished', (source?: vscode.Uri, folder?: vscode.Uri) =>
			importPublished(source, folder)),
		vscode.workspace.onDidChangeConfiguration(event => {
			if (event.affectsConfiguration('report.java.home') || event.affectsConfiguration('report.server.jar')) {
				void restart(context);
			}
		}),
	);

	await start(context);
}

export async function deactivate(): Promise<void> {
	await stop();
}

async function restart(context: vscode.ExtensionContext): Promise<void> {
	await stop();
	await start(context);
}

async function stop(): Promise<void> {
	const running = client;
	client = undefined;
	if (running) {
		try {
			await running.stop();
		} catch (error) {
			outputChannel?.appendLine(`Stopping the language server failed: ${String(error)}`);
		}
	}
}

async function start(context: vscode.ExtensionContext): Promise<void> {
	const configuration = vscode.workspace.getConfiguration('report');

	const search = findJava(configuration.get<string>('java.home'));
	if (!search.java) {
		const looked = describeTried(search.tried);
		outputChannel?.appendLine(`No Java ${MINIMUM_JAVA}+ found. Looked at: ${looked}`);
		void showError(
			`report.dsl 语言服务器需要 Java ${MINIMUM_JAVA} 或更新版本，但没有找到（查看了：${looked}）。`
			+ `请安装 Java ${MINIMUM_JAVA}+（JDK 或 JRE），或在设置“report.java.home”中填写其安装目录。`
			+ ` — The report.dsl language server needs Java ${MINIMUM_JAVA} or newer and found none (looked at: ${looked}).`
			+ ` Install Java ${MINIMUM_JAVA}+ (a JDK or JRE) or set "report.java.home" to its folder.`,
			'report.java.home');
		return;
	}

	const configuredJar = configuration.get<string>('server.jar')?.trim();
	const jar = configuredJar || context.asAbsolutePath('server/report.jar');
	if (!fs.existsSync(jar)) {
		outputChannel?.appendLine(`The language server jar is missing: ${jar}`);
		void showError(
			`找不到 report.dsl 语言服务器：${jar}。请在设置“report.server.jar”中填写 report.jar 的路径。`
			+ ` — The report.dsl language server was not found at ${jar}. Set "report.server.jar" to the path of report.jar.`,
			'report.server.jar');
		return;
	}

	const args = serverArguments(jar, search.java.major);
	outputChannel?.appendLine(`Starting: ${search.java.executable} ${args.join(' ')} (Java ${search.java.major}, from ${search.java.source})`);
	const serverOptions: ServerOptions = {
		run: { command: search.java.executable, args, transport: TransportKind.stdio },
		debug: { command: search.java.executable, args, transport: TransportKind.stdio },
	};
	const clientOptions: LanguageClientOptions = {
		documentSelector: [
			{ scheme: 'file', language: 'report' },
			{ scheme: 'untitled', language: 'report' },
		],
		synchronize: {
			// a report's 上年报告 may live in another file
			fileEvents: vscode.workspace.createFileSystemWatcher('**/*.report'),
		},
		outputChannel,
	};

	client = new ReportLanguageClient(emptyRoot(context), serverOptions, clientOptions);
	try {
		await client.start();
	} catch (error) {
		outputChannel?.appendLine(`The language server did not start: ${String(error)}`);
		void vscode.window.showErrorMessage(
			`report.dsl 语言服务器启动失败 — The report.dsl language server did not start: ${String(error)}`);
	}
}

/**
 * The language client, except that a window without a folder (a single .report file opened) gives the server an
 * empty folder as its root: the Xtext server fails to initialize when rootUri and workspaceFolders are both null.
 * An empty folder, not the file's own: the server loads every *.report file under its root.
 */
class ReportLanguageClient extends LanguageClient {
	constructor(private readonly fallbackRoot: vscode.Uri, serverOptions: ServerOptions, clientOptions: LanguageClientOptions) {
		super('report', 'report.dsl', serverOptions, clientOptions);
	}

	protected override fillInitializeParams(params: InitializeParams): void {
		super.fillInitializeParams(params);
		if (!params.rootUri && !params.workspaceFolders?.length) {
			params.rootUri = this.fallbackRoot.toString();
			params.rootPath = this.fallbackRoot.fsPath;
		}
	}
}

/** An empty folder in the extension's storage. */
function emptyRoot(context: vscode.ExtensionContext): vscode.Uri {
	const folder = vscode.Uri.joinPath(context.globalStorageUri, 'empty-root');
	fs.mkdirSync(folder.fsPath, { recursive: true });
	return folder;
}

const PUBLISHED = ['txt', 'html', 'htm', 'md'];

/**
 * Report: Import published report…: the language server's report.import (the importer of `report import`) on a
 * published report — the one given, the one open in the editor, or one picked — into a folder — the one given, or
 * picked with the source's own folder first. The server writes the .report and asks the editor to open it.
 */
async function importPublished(source?: vscode.Uri, folder?: vscode.Uri): Promise<void> {
	const running = client;
	if (!running) {
		void vscode.window.showErrorMessage('report.dsl 语言服务器没有运行，不能导入 — The report.dsl language server is not running.');
		return;
	}
	const open = vscode.window.activeTextEditor?.document.uri;
	source ??= open && open.scheme === 'file' && PUBLISHED.some(ext => open.path.toLowerCase().endsWith(`.${ext}`)) ? open
		: (await vscode.window.showOpenDialog({
			title: '导入已发布的报告 — Import published report',
			canSelectMany: false,
			filters: { '已发布的报告 / Published report': PUBLISHED },
		}))?.[0];
	if (!source) {
		return;
	}
	if (!folder) {
		const beside = vscode.Uri.joinPath(source, '..');
		const other = '选择其他目录… / Choose another folder…';
		const choice = await vscode.window.showQuickPick([beside.fsPath, other], { title: '写入 .report 文件的目录 — Folder for the .report file' });
		folder = choice === other ? (await vscode.window.showOpenDialog({ canSelectFiles: false, canSelectFolders: true }))?.[0]
			: choice ? beside : undefined;
	}
	if (!folder) {
		return;
	}
	try {
		const result = await running.sendRequest<{ uri: string, warnings: string[] }>('workspace/executeCommand',
			{ command: 'report.import', arguments: [source.toString(), folder.toString()] });
		for (const warning of result.warnings) {
			outputChannel?.appendLine(`${source.fsPath}:${warning}`);
		}
		void vscode.window.showInformationMessage(`已导入 ${vscode.Uri.parse(result.uri).fsPath}`
			+ (result.warnings.length > 0 ? `（${result.warnings.length}条警告，见输出面板 report.dsl）` : ''));
	} catch (error) {
		void vscode.window.showErrorMessage(`导入失败 — Import failed: ${error instanceof Error ? error.message : String(error)}`);
	}
}

async function showError(message: string, setting: string): Promise<void> {
	const choice = await vscode.window.showErrorMessage(message, OPEN_SETTINGS);
	if (choice === OPEN_SETTINGS) {
		await vscode.commands.executeCommand('workbench.action.openSettings', setting);
	}
}
