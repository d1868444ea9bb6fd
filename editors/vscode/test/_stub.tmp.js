const Module = require('node:module');
const path = require('node:path');
const calls = [];
function deep(name) {
  const target = function () {};
  return new Proxy(target, {
    get(_, prop) {
      if (prop === 'then') return undefined;
      if (prop === Symbol.toPrimitive) return () => name;
      if (prop === 'toString') return () => name;
      return deep(`${name}.${String(prop)}`);
    },
    apply(_, __, args) { calls.push([name, args]); return deep(`${name}()`); },
    construct(_, args) { calls.push(['new ' + name, args]); return deep(`new ${name}`); },
  });
}
const settings = { 'java.home': process.env.STUB_JAVA_HOME ?? '', 'server.jar': '' };
const vscode = deep('vscode');
const stub = new Proxy({ window: 1, workspace: 1, commands: 1, Uri: 1 }, { get(_, prop) {
  if (prop === 'workspace') return new Proxy({}, { get(_, p) {
    if (p === 'getConfiguration') return () => ({ get: k => settings[k] });
    if (p === 'workspaceFolders') return undefined;
    return vscode.workspace[p];
  }});
  if (prop === 'window') return new Proxy({}, { get(_, p) {
    if (p === 'showErrorMessage') return async (m, ...items) => { calls.push(['showErrorMessage', [m, ...items]]); return undefined; };
    return vscode.window[p];
  }});
  if (prop === 'Uri') return { joinPath: (u, ...p) => ({ fsPath: path.join('/tmp/stub-storage', ...p), toString: () => 'file:///tmp/stub-storage/' + p.join('/') }), file: f => ({ fsPath: f }) };
  if (prop === '__esModule') return false;
  return vscode[prop];
}});
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) { return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest); };
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: stub };
const lc = require('../node_modules/vscode-languageclient/node');
lc.LanguageClient.prototype.start = async function () { calls.push(['start', [this._serverOptions, this._clientOptions.documentSelector]]); };
const ext = require(path.resolve('out/extension.js'));
(async () => {
  await ext.activate({ subscriptions: [], asAbsolutePath: p => path.resolve(p), globalStorageUri: {} });
  for (const [n, a] of calls.filter(c => ['start', 'showErrorMessage'].includes(c[0]))) console.log(n, JSON.stringify(a, null, 1));
  await ext.deactivate();
})().catch(e => { console.error('ERR', e); process.exit(1); });
