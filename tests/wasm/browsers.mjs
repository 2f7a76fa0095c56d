// Headless Debian Chromium (Playwright) and Firefox ESR (Selenium + geckodriver) for browser tests,
// set up the way docs/toolchain.md says works on these closed-network machines.
// Paths can be overridden with CHROMIUM_BIN, FIREFOX_BIN and GECKODRIVER.

import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

export const CHROMIUM_BIN = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
export const FIREFOX_BIN = process.env.FIREFOX_BIN || '/usr/bin/firefox-esr';

/** Flags that keep Chromium from flooding a closed network with refused connections. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-quic',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--no-first-run',
  '--no-default-browser-check',
];

/** Firefox preferences with the same purpose. */
export const FIREFOX_PREFS = {
  'app.update.enabled': false,
  'browser.shell.checkDefaultBrowser': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'extensions.update.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'toolkit.telemetry.enabled': false,
};

export function geckodriverPath() {
  if (process.env.GECKODRIVER) return process.env.GECKODRIVER;
  const cargoBin = join(process.env.CARGO_HOME || join(homedir(), '.cargo'), 'bin', 'geckodriver');
  if (existsSync(cargoBin)) return cargoBin;
  for (const dir of (process.env.PATH || '').split(delimiter)) {
    if (dir && existsSync(join(dir, 'geckodriver'))) return join(dir, 'geckodriver');
  }
  return null;
}

function need(path, what, fix) {
  if (!path || !existsSync(path)) throw new Error(`${what} not found at ${path ?? '(nowhere)'}: ${fix}`);
}

/** A headless Chromium browser (Playwright `Browser`); close it with `await browser.close()`. */
export async function launchChromium() {
  need(CHROMIUM_BIN, 'Chromium', 'run ./build.sh test (installs the Debian package chromium), or set CHROMIUM_BIN');
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM_BIN, headless: true, args: CHROMIUM_ARGS });
}

/** A headless Firefox ESR session (selenium-webdriver `WebDriver`); close it with `await driver.quit()`. */
export async function launchFirefox() {
  need(FIREFOX_BIN, 'Firefox ESR', 'run ./build.sh test (installs the Debian package firefox-esr), or set FIREFOX_BIN');
  const driverPath = geckodriverPath();
  need(driverPath, 'geckodriver', 'run ./build.sh test (cargo install geckodriver), or set GECKODRIVER');
  const { Builder } = await import('selenium-webdriver');
  const firefox = (await import('selenium-webdriver/firefox.js')).default;
  const options = new firefox.Options().setBinary(FIREFOX_BIN).addArguments('-headless');
  for (const [key, value] of Object.entries(FIREFOX_PREFS)) options.setPreference(key, value);
  const driver = await new Builder()
    .forBrowser('firefox')
    .setFirefoxOptions(options)
    .setFirefoxService(new firefox.ServiceBuilder(driverPath))
    .build();
  await driver.manage().setTimeouts({ script: 60_000, pageLoad: 60_000 });
  return driver;
}
