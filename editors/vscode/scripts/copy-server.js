#!/usr/bin/env node
// Copies the language server (report.dsl.cli/target/report.jar, built by `./report check examples` at the repo root)
// to server/report.jar, where the extension looks for it and from where `npm run package` bundles it.
// Another jar: `npm run prepare-server -- /path/to/report.jar`.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const source = path.resolve(process.argv[2] ?? path.join(root, '..', '..', 'report.dsl.cli', 'target', 'report.jar'));
const target = path.join(root, 'server', 'report.jar');

if (!fs.existsSync(source)) {
	console.error(`prepare-server: ${source} does not exist. Build it first: run \`./report check examples\` at the repository root `
		+ '(or pass the path of a report.jar: `npm run prepare-server -- /path/to/report.jar`).');
	process.exit(1);
}
fs.mkdirSync(path.dirname(target), { recursive: true });
const partial = `${target}.partial`;
fs.copyFileSync(source, partial);
// a jar being rebuilt while it is copied is cut short: a whole one ends with the zip's end-of-central-directory record
const size_ = fs.statSync(partial).size;
const tail = Buffer.alloc(Math.min(size_, 65557));
const fd = fs.openSync(partial, 'r');
fs.readSync(fd, tail, 0, tail.length, size_ - tail.length);
fs.closeSync(fd);
if (tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])) < 0) {
	fs.rmSync(partial);
	console.error(`prepare-server: ${source} is not a complete jar (is it being built right now?); try again.`);
	process.exit(1);
}
fs.renameSync(partial, target);
const size = fs.statSync(target).size;
console.log(`prepare-server: copied ${path.relative(process.cwd(), source)} to ${path.relative(process.cwd(), target)} `
	+ `(${(size / 1024 / 1024).toFixed(1)} MB)`);
