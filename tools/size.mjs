#!/usr/bin/env node
// Prints the raw and gzip (level 9) sizes of files; with --max-gz BYTES, fails when a file's
// gzip size is over the budget.
//
//   node tools/size.mjs [--max-gz 250000] dist/pkg/msgguard_bg.wasm [more files]

import { readFileSync } from 'node:fs';
import { gzipSync, constants } from 'node:zlib';

const args = process.argv.slice(2);
let maxGz = null;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--max-gz') maxGz = Number(args[++i]);
  else files.push(args[i]);
}
if (!files.length || (maxGz !== null && !(maxGz > 0))) {
  console.error('usage: node tools/size.mjs [--max-gz BYTES] FILE...');
  process.exit(2);
}

const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
let over = false;
for (const file of files) {
  let data;
  try {
    data = readFileSync(file);
  } catch (e) {
    console.error(`size: cannot read ${file} (${e.code}): run ./build.sh build first`);
    process.exit(1);
  }
  const gz = gzipSync(data, { level: constants.Z_BEST_COMPRESSION }).length;
  console.log(`size: ${file}: raw ${data.length} bytes (${kb(data.length)}), gzip -9 ${gz} bytes (${kb(gz)})` +
    (maxGz ? `, budget ${maxGz} bytes (${kb(maxGz)}) gzipped` : ''));
  if (maxGz && gz > maxGz) {
    over = true;
    console.error(`size: FAIL: ${file} is ${gz} bytes gzipped, ${gz - maxGz} bytes over the ${kb(maxGz)} budget. ` +
      'Look for a new dependency or regex/serde feature (toolchain.md lists the costly ones), or rule-book growth.');
  }
}
process.exit(over ? 1 : 0);
