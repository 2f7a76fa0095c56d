#!/usr/bin/env node
// @ts-check
/// <reference types="node" />
/**
 * Assembles the standalone test page into dist/www:
 *   www/*            → dist/www/            (the page's own files; this script is skipped)
 *   extension/ui/*   → dist/www/ui/         (the SAME shared DOM layer the extension ships)
 *   dist/pkg/*       → dist/www/pkg/        (msgguard.js + msgguard_bg.wasm from wasm-bindgen --target web)
 *
 * Usage: node www/build.mjs [--out DIR] [--pkg DIR]
 * No bundling, no rewriting: files are copied byte for byte, so what is tested is what ships.
 */

import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** @param {string} name */
function arg(name) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

const out = resolve(ROOT, arg('--out') ?? 'dist/www');
const pkg = resolve(ROOT, arg('--pkg') ?? 'dist/pkg');
const www = join(ROOT, 'www');
const ui = join(ROOT, 'extension', 'ui');

const PKG_FILES = ['msgguard.js', 'msgguard_bg.wasm'];
for (const f of PKG_FILES) {
  if (!existsSync(join(pkg, f))) {
    console.error(`www/build.mjs: ${relative(ROOT, join(pkg, f))} is missing. Build the analyzer first:\n` +
      '  cargo rustc --release --target wasm32-unknown-unknown --lib --crate-type cdylib\n' +
      '  wasm-bindgen --target web --out-dir dist/pkg --out-name msgguard target/wasm32-unknown-unknown/release/msgguard.wasm');
    process.exit(1);
  }
}
if (!existsSync(join(ui, 'guard.js'))) {
  console.error('www/build.mjs: extension/ui/guard.js is missing.');
  process.exit(1);
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

let files = 0;
/**
 * @param {string} from
 * @param {string} to
 * @param {(name: string) => boolean} keep
 */
function copyTree(from, to, keep) {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    const src = join(from, name);
    if (statSync(src).isDirectory()) {
      copyTree(src, join(to, name), keep);
    } else if (keep(name)) {
      cpSync(src, join(to, name));
      files++;
    }
  }
}

copyTree(www, out, (name) => name !== 'build.mjs' && !name.endsWith('~'));
copyTree(ui, join(out, 'ui'), (name) => /\.(js|json|css)$/.test(name));
mkdirSync(join(out, 'pkg'), { recursive: true });
for (const f of PKG_FILES) {
  cpSync(join(pkg, f), join(out, 'pkg', f));
  files++;
}
console.log(`www/build.mjs: ${files} files → ${relative(process.cwd(), out) || '.'}`);
