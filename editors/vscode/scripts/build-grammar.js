#!/usr/bin/env node
// Writes syntaxes/report.tmLanguage.json, the TextMate grammar of report.dsl.
//
// The grammar is generated because its regular expressions share pieces (what an identifier is,
// the keyword boundary) that JSON cannot name. Edit this file, then run `npm run build-grammar`;
// test/grammar.test.js fails when the JSON and this script disagree.
//
// It follows report.dsl/src/report/dsl/Report.xtext:
// - an identifier (terminal ID) is a Latin letter, `_` or a CJK ideograph (U+3400–U+4DBF,
//   U+4E00–U+9FFF, U+F900–U+FAFF), then those or digits; keys (Key) are IDs or integers;
// - a keyword is a keyword only where the lexer would read it as one: not inside a longer
//   identifier (报告类型 and 报告期 are not 报告), hence the look-around on both sides;
// - a string may hold bound values in square brackets ("共[B.一]件"), whose content is
//   expressions: references, keywords such as 占 and 较, numbers and operators;
// - `//` and `/* */` are comments; dates are yyyy-mm-dd.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const CJK = '\\x{3400}-\\x{4DBF}\\x{4E00}-\\x{9FFF}\\x{F900}-\\x{FAFF}';
const ID_START = `[A-Za-z_${CJK}]`;
const ID_PART = `[A-Za-z0-9_${CJK}]`;
const ID = `${ID_START}${ID_PART}*`;
const KEY = `(?:${ID}|[0-9]+)`;
const QUALIFIED_KEY = `${KEY}(?:\\.${KEY})*`;
const NUMBER = '[0-9]+(?:\\.[0-9]+)?';
const RULE_CODE = `${ID}(?:-(?:${ID}|[0-9]+))*`;
const BEFORE = `(?<!${ID_PART})`; // not in the middle of an identifier
const AFTER = `(?!${ID_PART})`;

/** Keyword groups: scope → words. Every keyword of Report.xtext appears exactly once. */
const KEYWORDS = {
	// what declares something
	'storage.type.report': ['报告类型', '报告', '部分', '小节', '表', '分块', '列', '行', '数值', '规则', '图表', '短语', '可加'],
	// the properties of reports, tables, rows and columns
	'keyword.control.report': ['遵循', '发布机关', '年度', '统计期限', '至', '发布日期', '发布网址', '联系方式', '上年报告', '导语',
		'汇总', '目录', '说明', '行标题', '标题', '默认列', '单位', '注', '属于', '又名', '表示', '发布期限'],
	// flags
	'storage.modifier.report': ['省略为零', '小数', '可为负', '必需', '每列', '每行', '次年', '当年'],
	// the severities of rules
	'keyword.other.severity.error.report': ['错误'],
	'keyword.other.severity.warning.report': ['警告'],
	'keyword.other.severity.info.report': ['提示'],
	// the operators of equations and bound values
	'keyword.operator.word.report': ['上年', '占', '较', '千分位', '四舍五入', '最大余数'],
	// a computed cell
	'constant.language.auto.report': ['自动'],
};

const ALL_KEYWORDS = Object.values(KEYWORDS).flat();

/** An alternation of words, longest first, so that 报告类型 is tried before 报告 and 行标题 before 行. */
function words(list) {
	return `(?:${[...list].sort((a, b) => b.length - a.length || a.localeCompare(b)).join('|')})`;
}

/** A keyword as a whole token. */
function keyword(list) {
	return `${BEFORE}${words(list)}${AFTER}`;
}

/** Not a keyword here (for names, which the lexer never reads as keywords). */
const NOT_KEYWORD = `(?!${words(ALL_KEYWORDS)}${AFTER})`;
const NAME = `${NOT_KEYWORD}${ID}`;
const KEY_NAME = `${NOT_KEYWORD}${KEY}`;
const QUALIFIED_NAME = `${NOT_KEYWORD}${QUALIFIED_KEY}`;

function declaration(keywordScope, words_, nameScope, name) {
	return {
		match: `(${keyword(words_)})\\s+(${name})`,
		captures: {
			1: { name: keywordScope },
			2: { name: nameScope },
		},
	};
}

const grammar = {
	name: 'report.dsl',
	scopeName: 'source.report',
	fileTypes: ['report'],
	patterns: [
		{ include: '#comments' },
		{ include: '#strings' },
		{ include: '#declarations' },
		{ include: '#row-data' },
		{ include: '#keywords' },
		{ include: '#dates' },
		{ include: '#numbers' },
		{ include: '#operators' },
		{ include: '#punctuation' },
		{ include: '#names' },
	],
	repository: {
		comments: {
			patterns: [
				{
					name: 'comment.block.report',
					begin: '/\\*',
					end: '\\*/',
					beginCaptures: { 0: { name: 'punctuation.definition.comment.begin.report' } },
					endCaptures: { 0: { name: 'punctuation.definition.comment.end.report' } },
				},
				{
					name: 'comment.line.double-slash.report',
					match: '(//).*$',
					captures: { 1: { name: 'punctuation.definition.comment.report' } },
				},
			],
		},
		strings: {
			name: 'string.quoted.double.report',
			begin: '"',
			end: '"',
			beginCaptures: { 0: { name: 'punctuation.definition.string.begin.report' } },
			endCaptures: { 0: { name: 'punctuation.definition.string.end.report' } },
			patterns: [{ include: '#escapes' }, { include: '#bindings' }],
		},
		escapes: {
			name: 'constant.character.escape.report',
			match: '\\\\.',
		},
		bindings: {
			// A bound value: "共收到申请[B.一]件". It ends at `]`, or before a `"` when the `]` is missing.
			name: 'meta.embedded.line.binding.report',
			begin: '\\[',
			end: '(\\])|(?=")',
			beginCaptures: { 0: { name: 'punctuation.section.embedded.begin.report' } },
			endCaptures: { 1: { name: 'punctuation.section.embedded.end.report' } },
			patterns: [
				{ include: '#comments' },
				{ include: '#keywords' },
				{
					// the column after `:` — [A.行政规范性文件:本年制发件数]
					match: `([:：])\\s*(${QUALIFIED_NAME})`,
					captures: {
						1: { name: 'punctuation.separator.column.report' },
						2: { name: 'entity.other.attribute-name.column.report' },
					},
				},
				{ include: '#numbers' },
				{ include: '#operators' },
				{ include: '#punctuation' },
				{ include: '#names' },
			],
		},
		declarations: {
			patterns: [
				declaration('storage.type.report', ['报告类型'], 'entity.name.type.report-type.report', NAME),
				declaration('storage.type.report', ['报告'], 'entity.name.type.report.report', NAME),
				declaration('keyword.control.report', ['遵循'], 'entity.name.type.report-type.report', NAME),
				declaration('keyword.control.report', ['上年报告'], 'entity.name.type.report.report', NAME),
				declaration('storage.type.report', ['表'], 'entity.name.type.table.report', NAME),
				declaration('storage.type.report', ['部分'], 'entity.name.section.part.report', KEY_NAME),
				declaration('keyword.control.report', ['属于'], 'entity.name.section.part.report', KEY_NAME),
				declaration('storage.type.report', ['列'], 'entity.other.attribute-name.column.report', KEY_NAME),
				declaration('keyword.control.report', ['默认列'], 'entity.other.attribute-name.column.report',
					QUALIFIED_NAME),
				declaration('storage.type.report', ['行'], 'entity.name.tag.row.report', KEY_NAME),
				declaration('storage.type.report', ['规则'], 'entity.name.function.rule.report', RULE_CODE),
				{
					// 数值 网站信息 = 320 条 说明 "…"
					match: `(${keyword(['数值'])})\\s+(${NAME})(?:\\s*(=)\\s*(-)?\\s*(${NUMBER})(?:\\s*(%|${NAME}))?)?`,
					captures: {
						1: { name: 'storage.type.report' },
						2: { name: 'variable.other.constant.figure.report' },
						3: { name: 'keyword.operator.equals.report' },
						4: { name: 'keyword.operator.arithmetic.report' },
						5: { name: 'constant.numeric.report' },
						6: { name: 'keyword.other.unit.report' },
					},
				},
			],
		},
		'row-data': {
			// a row of a table in a report, at the start of a line or after `{`: 三.三.1: 1 0 0
			match: `(?:^|(?<=\\{))\\s*(${QUALIFIED_NAME})\\s*([:：])`,
			captures: {
				1: { name: 'entity.name.tag.row.report' },
				2: { name: 'punctuation.separator.key-value.report' },
			},
		},
		keywords: {
			patterns: Object.entries(KEYWORDS).map(([scope, list]) => ({ name: scope, match: keyword(list) })),
		},
		dates: {
			name: 'constant.numeric.date.report',
			match: `${BEFORE}[0-9]{4}-[0-9]{2}-[0-9]{2}(?![0-9])`,
		},
		numbers: {
			name: 'constant.numeric.report',
			match: `(?<![A-Za-z0-9_.${CJK}])${NUMBER}`,
		},
		operators: {
			patterns: [
				// the relations of inequalities, before = so that <= is one operator
				{ name: 'keyword.operator.comparison.report', match: '<=|>=|[≤≥≦≧<>＜＞]' },
				{ name: 'keyword.operator.equals.report', match: '=' },
				{ name: 'keyword.operator.arithmetic.report', match: '[+\\-]' },
				{ name: 'keyword.other.unit.percent.report', match: '%' },
			],
		},
		punctuation: {
			patterns: [
				{ name: 'punctuation.separator.key-value.report', match: '[:：]' },
				{ name: 'punctuation.separator.equation.report', match: '[;；]' },
				{ name: 'punctuation.separator.comma.report', match: '[,、]' },
				{ name: 'punctuation.section.block.begin.report', match: '\\{' },
				{ name: 'punctuation.section.block.end.report', match: '\\}' },
			],
		},
		names: {
			// references to figures, rows and columns: B.三.一, 网站信息, 结余
			name: 'variable.other.reference.report',
			match: `${BEFORE}${NOT_KEYWORD}${ID}(?:\\.${KEY})*`,
		},
	},
};

const json = JSON.stringify(grammar, null, '\t') + '\n';
const target = path.join(__dirname, '..', 'syntaxes', 'report.tmLanguage.json');

if (require.main === module) {
	fs.mkdirSync(path.dirname(target), { recursive: true });
	fs.writeFileSync(target, json);
	console.log(`wrote ${path.relative(process.cwd(), target)} (${ALL_KEYWORDS.length} keywords)`);
}

module.exports = { grammar, json, target, KEYWORDS, ALL_KEYWORDS };
