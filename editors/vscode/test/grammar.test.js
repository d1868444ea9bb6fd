// The TextMate grammar, tokenized as VS Code does (vscode-textmate + the Oniguruma WebAssembly), without VS Code.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const root = path.join(__dirname, '..');
const repo = path.join(root, '..', '..');
const grammarPath = path.join(root, 'syntaxes', 'report.tmLanguage.json');

let grammarPromise;

function loadGrammar() {
	grammarPromise ??= (async () => {
		const wasm = fs.readFileSync(path.join(path.dirname(require.resolve('vscode-oniguruma')), 'onig.wasm'));
		await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
		const registry = new vsctm.Registry({
			onigLib: Promise.resolve({
				createOnigScanner: patterns => new oniguruma.OnigScanner(patterns),
				createOnigString: s => new oniguruma.OnigString(s),
			}),
			loadGrammar: async scopeName => scopeName === 'source.report'
				? vsctm.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath)
				: null,
		});
		return registry.loadGrammar('source.report');
	})();
	return grammarPromise;
}

/** Tokenizes a text: a list of lines, each a list of {text, scopes}. */
async function tokenize(text) {
	const grammar = await loadGrammar();
	let ruleStack = vsctm.INITIAL;
	return text.split(/\r?\n/).map(line => {
		const result = grammar.tokenizeLine(line, ruleStack);
		ruleStack = result.ruleStack;
		return result.tokens.map(t => ({ text: line.substring(t.startIndex, t.endIndex), scopes: t.scopes }));
	});
}

/** The scopes of the `occurrence`-th token whose text is exactly `text` (trimmed), in the tokenized lines. */
function scopesOf(lines, text, occurrence = 0) {
	const found = lines.flat().filter(t => t.text.trim() === text);
	assert.ok(found.length > occurrence, `no token ${JSON.stringify(text)} (#${occurrence}) in:\n${dump(lines)}`);
	return found[occurrence].scopes;
}

function assertScope(lines, text, scope, occurrence = 0) {
	const scopes = scopesOf(lines, text, occurrence);
	assert.ok(scopes.includes(scope), `${JSON.stringify(text)} has ${scopes.join(' ')}, expected ${scope}`);
}

function assertNotScope(lines, text, prefix, occurrence = 0) {
	const scopes = scopesOf(lines, text, occurrence);
	assert.ok(!scopes.some(s => s.startsWith(prefix)), `${JSON.stringify(text)} has ${scopes.join(' ')}, should have no ${prefix}`);
}

function dump(lines) {
	return lines.map(tokens => tokens.map(t => `${JSON.stringify(t.text)}:${t.scopes.slice(1).join(' ')}`).join('  ')).join('\n');
}

/** Lines of examples/000-*.report: the header comment, the report's opening, metadata, figures, a part and Table B. */
function example000() {
	const dir = path.join(repo, 'examples');
	const file = fs.readdirSync(dir).find(name => name.startsWith('000-') && name.endsWith('.report'));
	const lines = fs.readFileSync(path.join(dir, file), 'utf8').split(/\r?\n/);
	const start = lines.findIndex(line => line.startsWith('/*'));
	const opening = lines.findIndex(line => line.startsWith('报告 '));
	const section = lines.findIndex(line => line.includes('小节 "（一）主动公开"'));
	const table = lines.findIndex(line => line.includes('表 B {'));
	assert.ok(start >= 0 && opening > start && section > opening && table > section, `unexpected layout of ${file}`);
	return [
		...lines.slice(start, opening + 10), // comment, 报告 … 遵循 … {, metadata and the first figures
		...lines.slice(section, section + 3), // a 小节 with paragraphs that hold bound values
		'\t\t}',
		...lines.slice(table, table + 6), // Table B's rows
	].join('\n');
}

test('the grammar JSON is what scripts/build-grammar.js writes', () => {
	const { json } = require('../scripts/build-grammar.js');
	assert.equal(fs.readFileSync(grammarPath, 'utf8'), json, 'run `npm run build-grammar`');
});

test('every keyword of Report.xtext is in the grammar, and nothing else', t => {
	const xtext = path.join(repo, 'report.dsl', 'src', 'report', 'dsl', 'Report.xtext');
	if (!fs.existsSync(xtext)) {
		t.skip('Report.xtext not found');
		return;
	}
	const source = fs.readFileSync(xtext, 'utf8');
	const keywords = new Set([...source.matchAll(/'([\u3400-\u9fff]+)'/g)].map(m => m[1]));
	const { ALL_KEYWORDS } = require('../scripts/build-grammar.js');
	assert.deepEqual([...new Set(ALL_KEYWORDS)].sort(), [...keywords].sort());
	assert.equal(ALL_KEYWORDS.length, new Set(ALL_KEYWORDS).size, 'a keyword is in two groups');
});

test('examples/000: keywords, strings, bound values, numbers, dates, comments, rows', async () => {
	const lines = await tokenize(example000());

	// comment
	assertScope(lines, '/*', 'comment.block.report');
	assertScope(lines, '*/', 'comment.block.report');
	assert.ok(lines[1].every(t => t.scopes.includes('comment.block.report')), 'the second line is inside the comment');

	// keywords and the names they declare
	assertScope(lines, '报告', 'storage.type.report');
	assertScope(lines, '聊城市机关事务管理局2023', 'entity.name.type.report.report');
	assertScope(lines, '遵循', 'keyword.control.report');
	assertScope(lines, '政府信息公开年报2021', 'entity.name.type.report-type.report');
	assertScope(lines, '发布机关', 'keyword.control.report');
	assertScope(lines, '统计期限', 'keyword.control.report');
	assertScope(lines, '至', 'keyword.control.report');
	assertScope(lines, '数值', 'storage.type.report');
	assertScope(lines, '门户网站公开信息', 'variable.other.constant.figure.report');
	assertScope(lines, '说明', 'keyword.control.report');
	assertScope(lines, '小节', 'storage.type.report');
	assertScope(lines, '表', 'storage.type.report');
	assertScope(lines, 'B', 'entity.name.type.table.report');

	// strings
	const body = scopesOf(lines, '"聊城市机关事务管理局"'.slice(1, -1));
	assert.ok(body.includes('string.quoted.double.report'), body.join(' '));
	assertScope(lines, '"', 'punctuation.definition.string.begin.report');

	// numbers and dates
	assertScope(lines, '2023', 'constant.numeric.report');
	assertScope(lines, '2023-01-01', 'constant.numeric.date.report');
	assertScope(lines, '2024-01-18', 'constant.numeric.date.report');
	assertScope(lines, '614', 'constant.numeric.report');
	assertScope(lines, '=', 'keyword.operator.equals.report');
	assertScope(lines, '条', 'keyword.other.unit.report');

	// bound values inside strings
	const bound = scopesOf(lines, '门户网站公开信息', 1); // [门户网站公开信息] in the paragraph
	assert.ok(bound.includes('string.quoted.double.report'), bound.join(' '));
	assert.ok(bound.includes('meta.embedded.line.binding.report'), bound.join(' '));
	assert.ok(bound.includes('variable.other.reference.report'), bound.join(' '));
	assertScope(lines, '[', 'punctuation.section.embedded.begin.report');
	assertScope(lines, ']', 'punctuation.section.embedded.end.report');
	const paragraphText = lines.flat().find(t => t.text.startsWith('件，共制发解读材料'));
	assert.ok(paragraphText, 'the text between two bound values');
	assert.ok(paragraphText.scopes.includes('string.quoted.double.report'));
	assert.ok(!paragraphText.scopes.includes('meta.embedded.line.binding.report'), 'text after ] is outside the binding');

	// table rows
	assertScope(lines, '一', 'entity.name.tag.row.report');
	assertScope(lines, '三.一', 'entity.name.tag.row.report');
	assertScope(lines, ':', 'punctuation.separator.key-value.report');
	assertScope(lines, '3', 'constant.numeric.report');
});

test('inequalities, terms naming another table\'s cell, and the deadline', async () => {
	const lines = await tokenize([
		'\t规则 A11 警告 "废止" 表 A 每行: 本年废止件数 ≤ 上年 现行有效件数 + 本年制发件数; 甲 <= 乙; 甲 ≧ 乙; 甲 ＜ 乙',
		'\t规则 A13 警告 "公开" : 主动公开规范性文件 >= A.行政规范性文件:本年制发件数',
		'\t发布期限 次年 01-31',
	].join('\n'));
	for (const relation of ['≤', '<=', '≧', '＜', '>=']) {
		assertScope(lines, relation, 'keyword.operator.comparison.report');
	}
	assertScope(lines, '发布期限', 'keyword.control.report');
	assertScope(lines, '次年', 'storage.modifier.report');
});

test('keywords are whole tokens, longest first, never inside an identifier', async () => {
	const lines = await tokenize([
		'报告类型 收支表 "收支情况报告" {',
		'\t部分 一 "一、收支情况" 必需',
		'\t表 T "收支" 属于 一 单位 "万元" 注 "说明" 省略为零 {',
		'\t\t行标题 "项目"',
		'\t\t列 金额 "金额" 小数',
		'\t\t行 收入 "收入" 标题',
		'\t\t默认列 金额',
		'\t}',
		'\t规则 T1-a 错误 "结余" 表 T 每列: 结余 = 上年 结余 + 收入 - 支出',
		'\t图表 "构成" 表 T：收入、支出 占 结余',
		'}',
		'报告 报告期 遵循 收支表 { 上年报告 报告2023 }',
		'表 B { 行政规范性文件: 1 自动 -2 }',
	].join('\n'));
	assertScope(lines, '报告类型', 'storage.type.report');
	assertScope(lines, '收支表', 'entity.name.type.report-type.report');
	assertScope(lines, '部分', 'storage.type.report');
	assertScope(lines, '一', 'entity.name.section.part.report');
	assertScope(lines, '必需', 'storage.modifier.report');
	assertScope(lines, '属于', 'keyword.control.report');
	assertScope(lines, '单位', 'keyword.control.report');
	assertScope(lines, '注', 'keyword.control.report');
	assertScope(lines, '省略为零', 'storage.modifier.report');
	assertScope(lines, '行标题', 'keyword.control.report');
	assertScope(lines, '列', 'storage.type.report');
	assertScope(lines, '金额', 'entity.other.attribute-name.column.report');
	assertScope(lines, '小数', 'storage.modifier.report');
	assertScope(lines, '行', 'storage.type.report');
	assertScope(lines, '收入', 'entity.name.tag.row.report');
	assertScope(lines, '标题', 'keyword.control.report');
	assertScope(lines, '默认列', 'keyword.control.report');
	assertScope(lines, '规则', 'storage.type.report');
	assertScope(lines, 'T1-a', 'entity.name.function.rule.report');
	assertScope(lines, '错误', 'keyword.other.severity.error.report');
	assertScope(lines, '每列', 'storage.modifier.report');
	assertScope(lines, '结余', 'variable.other.reference.report', 1);
	assertScope(lines, '上年', 'keyword.operator.word.report');
	assertScope(lines, '+', 'keyword.operator.arithmetic.report');
	assertScope(lines, '图表', 'storage.type.report');
	assertScope(lines, '：', 'punctuation.separator.key-value.report');
	assertScope(lines, '、', 'punctuation.separator.comma.report');
	assertScope(lines, '占', 'keyword.operator.word.report');
	// identifiers that begin with a keyword are identifiers
	assertScope(lines, '报告期', 'entity.name.type.report.report');
	assertScope(lines, '上年报告', 'keyword.control.report');
	assertScope(lines, '报告2023', 'entity.name.type.report.report');
	assertScope(lines, '行政规范性文件', 'entity.name.tag.row.report');
	assertNotScope(lines, '行政规范性文件', 'storage.type');
	assertScope(lines, '自动', 'constant.language.auto.report');
	assertScope(lines, '-', 'keyword.operator.arithmetic.report', 1);
	assertScope(lines, '2', 'constant.numeric.report');
});

test('bound values: references, columns, keywords, numbers; escapes; strings over several lines', async () => {
	const lines = await tokenize([
		'"予以公开[B.三.一 占 B.三.七 最大余数 小数 1]%，[A.行政规范性文件:本年制发件数]件，',
		'\t较上年[B.一 较 上年 B.一 = 2.5]，引号\\"与\\[括号\\]不是绑定，[B.一 + B.二 千分位 = -3]"',
		'// 注释 "不是字符串" [不是绑定]',
		'"缺少右括号[B.一" 数值 x = 1',
	].join('\n'));
	const reference = scopesOf(lines, 'B.三.一');
	assert.deepEqual(reference.slice(1), ['string.quoted.double.report', 'meta.embedded.line.binding.report',
		'variable.other.reference.report']);
	assertScope(lines, '占', 'keyword.operator.word.report');
	assertScope(lines, '占', 'meta.embedded.line.binding.report');
	assertScope(lines, '最大余数', 'keyword.operator.word.report');
	assertScope(lines, '小数', 'storage.modifier.report');
	assertScope(lines, '1', 'constant.numeric.report');
	assertScope(lines, 'A.行政规范性文件', 'variable.other.reference.report');
	assertScope(lines, '本年制发件数', 'entity.other.attribute-name.column.report');
	assertScope(lines, '较', 'keyword.operator.word.report');
	assertScope(lines, '上年', 'keyword.operator.word.report');
	assertScope(lines, '2.5', 'constant.numeric.report');
	assertScope(lines, '千分位', 'keyword.operator.word.report');
	assertScope(lines, '3', 'constant.numeric.report');
	assertScope(lines, '\\"', 'constant.character.escape.report');
	assertScope(lines, '\\[', 'constant.character.escape.report');
	assertNotScope(lines, '\\[', 'meta.embedded');
	// the second line is still the string of the first
	assertScope(lines, '较上年', 'string.quoted.double.report');
	// a comment holds no strings
	assert.ok(lines[2].every(t => t.scopes.includes('comment.line.double-slash.report')), dump([lines[2]]));
	assert.ok(!lines[2].some(t => t.scopes.some(s => s.startsWith('string'))));
	// a binding without `]` ends with its string
	assertScope(lines, '数值', 'storage.type.report');
	assertNotScope(lines, '数值', 'string');
});

test('every token outside strings and comments of the examples and the shipped report type is coloured', async () => {
	const files = fs.readdirSync(path.join(repo, 'examples'))
		.filter(name => name.endsWith('.report'))
		.map(name => path.join(repo, 'examples', name));
	const library = path.join(repo, 'report.dsl', 'src', 'report', 'dsl', 'library', 'gov-info-disclosure-2021.report');
	if (fs.existsSync(library)) {
		files.push(library);
	}
	assert.ok(files.length >= 5, 'the examples are there');
	for (const file of files) {
		const lines = await tokenize(fs.readFileSync(file, 'utf8'));
		lines.forEach((tokens, index) => {
			for (const token of tokens) {
				if (token.text.trim() !== '') {
					assert.ok(token.scopes.length > 1,
						`${path.basename(file)}:${index + 1}: ${JSON.stringify(token.text)} has no scope`);
				}
			}
		});
	}
});
