// Broken copies of a packaged extension, for the fail-open tests. The packages in dist/ are never
// touched and nothing here ships: each copy is made in a temporary folder at test time, from the built
// package, and removed afterwards.
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The ways the analyzer is broken; `what` says it for test names and messages. */
export const BREAKAGES = {
  'wasm-missing': { what: 'the wasm module is missing' },
  'wasm-corrupt': { what: 'the wasm module is corrupt' },
  'analyzer-throws': { what: 'the analyzer throws on every draft' },
};

/**
 * Copies `extDir` into a temporary folder and breaks it. Besides BREAKAGES (after which the checker is
 * unavailable), 'worker-fails': only the worker for long drafts fails, at its start (their analysis
 * must then happen on the page's thread).
 * @param {string} extDir  dist/chrome or dist/firefox
 * @param {keyof typeof BREAKAGES | 'worker-fails'} how
 * @returns {{dir: string, remove(): void}}
 */
export function brokenCopy(extDir, how) {
  const dir = mkdtempSync(join(tmpdir(), `msgguard-${how}-`));
  cpSync(extDir, dir, { recursive: true });
  const wasm = join(dir, 'pkg', 'msgguard_bg.wasm');
  const glue = join(dir, 'pkg', 'msgguard.js');
  // the content script carries its own copy of the module (base64, extension/build.mjs): broken too
  const bundle = join(dir, 'src', 'content.js');
  switch (how) {
    case 'wasm-missing':
      unlinkSync(wasm);
      replaceInlinedModule(bundle, Buffer.alloc(0));
      break;
    case 'wasm-corrupt': {
      // The right magic number and version, then garbage: fails in compilation, not at the fetch.
      const bytes = readFileSync(wasm);
      for (let i = 8; i < bytes.length; i += 7) bytes[i] ^= 0x5a;
      writeFileSync(wasm, bytes);
      replaceInlinedModule(bundle, bytes);
      break;
    }
    case 'analyzer-throws': {
      // The module loads and answers the empty probe the loader makes, then throws on any real draft,
      // as a panic in the engine would (wasm-bindgen turns a panic into a thrown error). Broken: the
      // export the extension calls, in the glue the background loads and in the copy bundled into the
      // content script (extension/src/analyzer.js, background.js, extension/build.mjs).
      for (const file of [glue, bundle]) breakAnalyzeCompact(file);
      // and the worker's copy (long drafts), the same way: every draft but the empty one throws
      replaceWorker(bundle, `onmessage = (e) => {
        const m = e.data;
        if (m && m.type === 'analyze') postMessage({ id: m.id, error: 'RuntimeError: unreachable (broken on purpose by tests/e2e/lib/broken.mjs)' });
      };`);
      break;
    }
    case 'worker-fails':
      replaceWorker(bundle, `throw new Error('the worker fails at its start (broken on purpose by tests/e2e/lib/broken.mjs)');`);
      break;
    default:
      throw new Error(`unknown breakage ${how}`);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Renames the glue's analyze_compact and puts a function in its place, in the same scope (a module's
 * export, or a function inside the content script's bundle), that throws on any non-empty draft.
 * @param {string} file
 */
function breakAnalyzeCompact(file) {
  const src = readFileSync(file, 'utf8');
  let found = 0;
  const broken = src.replace(/^(\s*)(export )?function analyze_compact\(/m, (_, indent, exp) => {
    found++;
    return `${indent}${exp ?? ''}function analyze_compact(text, options) {
${indent}  if (text) throw new Error('RuntimeError: unreachable (broken on purpose by tests/e2e/lib/broken.mjs)');
${indent}  return analyzeCompactForReal(text, options);
${indent}}
${indent}function analyzeCompactForReal(`;
  });
  if (!found) throw new Error(`${file}: no "function analyze_compact(" to wrap; has wasm-bindgen's output or the bundle changed?`);
  writeFileSync(file, broken);
}

/**
 * Puts `code` in place of the analysis worker's script that the content script's bundle carries as a
 * string (extension/src/analysis-worker.js, inlined by extension/build.mjs).
 * @param {string} file
 * @param {string} code
 */
function replaceWorker(file, code) {
  const src = readFileSync(file, 'utf8');
  let found = 0;
  const broken = src.replace(/^(\s*var analysis_worker_default = )(['"`]).*\2;$/m, (_, decl) => {
    found++;
    return `${decl}${JSON.stringify(code)};`;
  });
  if (!found) throw new Error(`${file}: no inlined worker script (var analysis_worker_default = "…") to replace; has extension/build.mjs changed?`);
  writeFileSync(file, broken);
}

/**
 * Puts `bytes` in place of the wasm module inlined in the content script's bundle.
 * @param {string} file
 * @param {Buffer} bytes
 */
function replaceInlinedModule(file, bytes) {
  const src = readFileSync(file, 'utf8');
  let found = 0;
  const broken = src.replace(/^(\s*var \w+ = )"AGFzbQ[A-Za-z0-9+/=]+";$/m, (_, decl) => {
    found++;
    return `${decl}"${bytes.toString('base64')}";`;
  });
  if (!found) throw new Error(`${file}: no inlined wasm module (var … = "AGFzbQ…") to replace; has extension/build.mjs changed?`);
  writeFileSync(file, broken);
}
