// @ts-check
/// <reference types="node" />
/**
 * One small driver interface over two automation stacks, so every scenario runs unchanged in
 * Debian Chromium (playwright-core) and Firefox ESR (selenium-webdriver + geckodriver).
 */

import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir, homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { serve } from './server.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The built page; MG_WWW_DIST points the tests at another build (e.g. node www/build.mjs --out X --pkg Y). */
export const DIST = process.env.MG_WWW_DIST ? resolve(process.env.MG_WWW_DIST) : join(ROOT, 'dist', 'www');
export const ARTIFACTS = join(ROOT, 'target', 'artifacts', 'www');
export const FIXTURES = join(ROOT, 'tests', 'www', 'fixtures');

/**
 * Makes sure dist/www exists (./build.sh builds it; running `node --test tests/www/` alone builds it
 * here from dist/pkg). A missing page is built in a temporary directory and renamed into place, so
 * test files running in parallel never serve a half-copied page.
 */
export function ensureBuilt() {
  mkdirSync(ARTIFACTS, { recursive: true });
  if (existsSync(join(DIST, 'index.html')) && existsSync(join(DIST, 'pkg', 'msgguard_bg.wasm')) && existsSync(join(DIST, 'ui', 'guard.js'))) return;
  const pkg = join(ROOT, 'dist', 'pkg', 'msgguard_bg.wasm');
  if (!existsSync(pkg)) {
    throw new Error('dist/pkg/msgguard_bg.wasm is missing: run ./build.sh (or the cargo + wasm-bindgen steps in www/build.mjs) first');
  }
  const tmp = join(ROOT, 'dist', `.www-${process.pid}`);
  execFileSync(process.execPath, [join(ROOT, 'www', 'build.mjs'), '--out', tmp], { cwd: ROOT, stdio: 'pipe' });
  try {
    renameSync(tmp, DIST);
  } catch {
    rmSync(tmp, { recursive: true, force: true }); // another test file won the race
  }
}

/**
 * @typedef {object} Driver
 * @property {'chromium' | 'firefox'} name
 * @property {string} base                       the page's base URL
 * @property {string[]} requests                  paths the server saw
 * @property {(path: string) => Promise<void>} goto
 * @property {<T>(fn: string, arg?: unknown) => Promise<T>} run   runs `(${fn})(arg)` in the page, awaits promises
 * @property {(text: string) => Promise<void>} type               types into the focused element
 * @property {(key: 'Enter' | 'Escape' | 'Tab' | 'Shift+Tab' | 'Undo' | 'Redo' | 'SelectAll' | 'Backspace' | 'End') => Promise<void>} press
 * @property {(x: number, y: number) => Promise<void>} clickAt     a real mouse click at viewport coordinates
 * @property {(width: number, height: number) => Promise<void>} resize
 * @property {(file: string) => Promise<void>} screenshot
 * @property {(trigger: () => Promise<void>) => Promise<string>} download  the text of the file the trigger downloads
 * @property {() => Promise<void>} close
 * @property {Record<string, unknown>} extra
 */

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-default-apps', '--hide-scrollbars=false', '--font-render-hinting=none'];

/**
 * @param {{width?: number, height?: number, colorScheme?: 'light' | 'dark'}} [opts]
 * @returns {Promise<Driver>}
 */
export async function launchChromium(opts = {}) {
  const { chromium } = await import('playwright-core');
  const server = await serve(DIST, 0, { '/fixtures/': FIXTURES });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS, timeout: 30_000 });
  const context = await browser.newContext({
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 900 },
    deviceScaleFactor: 1,
    colorScheme: opts.colorScheme ?? 'light',
    reducedMotion: 'reduce',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  /** @type {string[]} */
  const errors = [];
  /** @type {string[]} */
  const offsite = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => { if (!r.url().startsWith(server.url) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) offsite.push(r.url()); });
  return {
    name: 'chromium',
    base: server.url,
    requests: server.requests,
    extra: { page, errors, offsite, context },
    async goto(path) {
      await page.goto(server.url + path, { waitUntil: 'load' });
    },
    async run(fn, arg) {
      return page.evaluate(`(${fn})(${JSON.stringify(arg ?? null)})`);
    },
    async type(text) {
      await page.keyboard.type(text);
    },
    async press(key) {
      const map = { Undo: 'Control+z', Redo: 'Control+Shift+z', SelectAll: 'Control+a', 'Shift+Tab': 'Shift+Tab' };
      await page.keyboard.press(/** @type {Record<string, string>} */ (map)[key] ?? key);
    },
    async clickAt(x, y) {
      await page.mouse.click(x, y);
    },
    async resize(width, height) {
      await page.setViewportSize({ width, height });
    },
    async screenshot(file) {
      await page.screenshot({ path: file, fullPage: false });
    },
    async download(trigger) {
      const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 10_000 }), trigger()]);
      const path = await dl.path();
      return readFileSync(path, 'utf8');
    },
    async close() {
      await context.close().catch(() => {});
      await browser.close().catch(() => {});
      await server.close();
    },
  };
}

/**
 * @param {{width?: number, height?: number, colorScheme?: 'light' | 'dark'}} [opts]
 * @returns {Promise<Driver>}
 */
export async function launchFirefox(opts = {}) {
  const { Builder, Key, Origin } = await import('selenium-webdriver');
  const firefox = await import('selenium-webdriver/firefox.js');
  const server = await serve(DIST, 0, { '/fixtures/': FIXTURES });
  const downloads = mkdtempSync(join(tmpdir(), 'mg-ff-dl-'));
  const options = new firefox.Options();
  options.setBinary('/usr/bin/firefox-esr');
  options.addArguments('-headless', `--width=${opts.width ?? 1280}`, `--height=${opts.height ?? 900}`);
  const prefs = /** @type {Record<string, string | number | boolean>} */ ({
    'browser.download.folderList': 2,
    'browser.download.dir': downloads,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
    'browser.helperApps.neverAsk.saveToDisk': 'text/csv',
    'browser.download.manager.showWhenStarting': false,
    'ui.prefersReducedMotion': 1,
    'general.smoothScroll': false,
    'layout.css.prefers-color-scheme.content-override': opts.colorScheme === 'dark' ? 0 : 1,
    'layout.css.devPixelsPerPx': '1.0',
    // a closed network: stop the browser's own background traffic
    'app.update.enabled': false,
    'app.normandy.enabled': false,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'browser.safebrowsing.downloads.enabled': false,
    'browser.newtabpage.enabled': false,
    'browser.startup.homepage': 'about:blank',
    'datareporting.policy.dataSubmissionEnabled': false,
    'datareporting.healthreport.uploadEnabled': false,
    'toolkit.telemetry.enabled': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'extensions.update.enabled': false,
    'extensions.getAddons.cache.enabled': false,
    'browser.search.update': false,
    'media.gmp-manager.updateEnabled': false,
    'services.settings.server': 'http://127.0.0.1:9/',
    'remote.prefs.recommended': true,
  });
  for (const [k, v] of Object.entries(prefs)) options.setPreference(k, v);
  const service = new firefox.ServiceBuilder(join(homedir(), '.cargo', 'bin', 'geckodriver'));
  const driver = await new Builder().forBrowser('firefox').setFirefoxOptions(options).setFirefoxService(service).build();
  await driver.manage().setTimeouts({ script: 15_000, pageLoad: 20_000, implicit: 0 });
  await driver.manage().window().setRect({ width: opts.width ?? 1280, height: opts.height ?? 900 }).catch(() => {});
  const keys = /** @type {Record<string, string[]>} */ ({
    Enter: [Key.ENTER], Escape: [Key.ESCAPE], Tab: [Key.TAB], Backspace: [Key.BACK_SPACE], End: [Key.END],
  });
  /** @param {string} mod @param {string} k */
  const chord = async (mod, k) => driver.actions({ async: true }).keyDown(mod).sendKeys(k).keyUp(mod).perform();
  return {
    name: 'firefox',
    base: server.url,
    requests: server.requests,
    extra: { driver },
    async goto(path) {
      await driver.get(server.url + path);
    },
    async run(fn, arg) {
      return driver.executeScript(`return (${fn})(arguments[0])`, arg ?? null);
    },
    async type(text) {
      // to whatever has focus, like a keyboard
      await driver.actions({ async: true }).sendKeys(text).perform();
    },
    async press(key) {
      if (key === 'Undo') return chord(Key.CONTROL, 'z');
      if (key === 'Redo') return chord(Key.CONTROL, 'Z');
      if (key === 'SelectAll') return chord(Key.CONTROL, 'a');
      if (key === 'Shift+Tab') return chord(Key.SHIFT, Key.TAB);
      await driver.actions({ async: true }).sendKeys(...keys[key]).perform();
    },
    async clickAt(x, y) {
      await driver.actions({ async: true }).move({ x: Math.round(x), y: Math.round(y), origin: Origin.VIEWPORT }).click().perform();
    },
    async resize(width, height) {
      // the window's outer size; make the viewport match
      await driver.manage().window().setRect({ width, height });
      /** @type {[number, number]} */
      const [iw, ih] = await driver.executeScript('return [innerWidth, innerHeight]');
      await driver.manage().window().setRect({ width: width + (width - iw), height: height + (height - ih) });
    },
    async screenshot(file) {
      const png = await driver.takeScreenshot();
      const { writeFileSync } = await import('node:fs');
      writeFileSync(file, Buffer.from(png, 'base64'));
    },
    async download(trigger) {
      for (const f of readdirSync(downloads)) rmSync(join(downloads, f), { force: true });
      await trigger();
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline) {
        const done = readdirSync(downloads).filter((f) => f.endsWith('.csv'));
        if (done.length && statSync(join(downloads, done[0])).size > 0 && !readdirSync(downloads).some((f) => f.endsWith('.part'))) {
          return readFileSync(join(downloads, done[0]), 'utf8');
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error('no CSV download appeared in ' + downloads);
    },
    async close() {
      await driver.quit().catch(() => {});
      await server.close();
      rmSync(downloads, { recursive: true, force: true });
    },
  };
}

/**
 * Polls `fn` in the page until it returns a truthy value.
 * @template T
 * @param {Driver} d
 * @param {string} fn
 * @param {{timeout?: number, arg?: unknown, what?: string}} [opts]
 * @returns {Promise<T>}
 */
export async function waitFor(d, fn, opts = {}) {
  const deadline = Date.now() + (opts.timeout ?? 8000);
  /** @type {unknown} */
  let last;
  while (Date.now() < deadline) {
    last = await d.run(fn, opts.arg);
    if (last) return /** @type {T} */ (last);
    await new Promise((r) => setTimeout(r, 40));
  }
  throw new Error(`timed out waiting for ${opts.what ?? fn}; last value: ${JSON.stringify(last)}`);
}
