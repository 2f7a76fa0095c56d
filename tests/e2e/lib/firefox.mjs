// Firefox ESR driven by geckodriver (selenium-webdriver), with dist/firefox installed as a temporary
// add-on, unchanged. The fixture hosts resolve to loopback (network.dns.localDomains), so the fixture
// server must listen on 127.0.0.1:443.
import { existsSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Builder, Key, Origin } from 'selenium-webdriver';
import firefox from 'selenium-webdriver/firefox.js';
const { Context } = firefox;

export const FIREFOX = process.env.FIREFOX_BIN ?? '/usr/bin/firefox-esr';
/** The add-on's id (extension/build.mjs) and the internal UUID the tests give it, for its own pages. */
const GECKO_ID = 'message-guard@msgguard';
const ADDON_UUID = '6f0c5b1e-2d3a-4c8e-9b7a-5e4d3c2b1a09';

export const GECKODRIVER = process.env.GECKODRIVER ?? [join(homedir(), '.cargo', 'bin', 'geckodriver'), '/usr/local/bin/geckodriver', '/usr/bin/geckodriver'].find((p) => existsSync(p)) ?? 'geckodriver';

/** Prefs that keep Firefox from calling home in tests (geckodriver sets many of these already). */
const QUIET_PREFS = {
  'app.normandy.enabled': false,
  'app.update.auto': false,
  'app.update.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.downloads.remote.enabled': false,
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'browser.safebrowsing.provider.google4.updateURL': '',
  'browser.safebrowsing.provider.google.updateURL': '',
  'browser.newtabpage.enabled': false,
  'browser.newtabpage.activity-stream.feeds.system.topsites': false,
  'browser.newtabpage.activity-stream.feeds.topsites': false,
  'browser.newtabpage.activity-stream.default.sites': '',
  'browser.topsites.contile.enabled': false,
  'browser.ping-centre.telemetry': false,
  'browser.search.update': false,
  'browser.region.update.enabled': false,
  'browser.region.network.url': '',
  'browser.contentblocking.report.monitor.enabled': false,
  'captivedetect.canonicalURL': '',
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.http.speculative-parallel-limit': 0,
  'network.prefetch-next': false,
  'datareporting.healthreport.uploadEnabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.unified': false,
  'toolkit.telemetry.server': '',
  'extensions.getAddons.cache.enabled': false,
  'extensions.update.enabled': false,
  'extensions.blocklist.enabled': false,
  'extensions.systemAddon.update.enabled': false,
  'services.settings.server': 'https://127.0.0.1:9/v1',
  'dom.push.enabled': false,
  'dom.push.connection.enabled': false,
  'identity.fxaccounts.enabled': false,
  'media.gmp-manager.updateEnabled': false,
  'media.gmp-gmpopenh264.enabled': false,
  'messaging-system.rsexperimentloader.enabled': false,
  'privacy.sanitize.sanitizeOnShutdown': false,
  'security.OCSP.enabled': 0,
  'security.remote_settings.crlite_filters.enabled': false,
  'security.remote_settings.intermediates.enabled': false,
  'browser.shell.checkDefaultBrowser': false,
  'layout.css.devPixelsPerPx': '1.0',
};

/**
 * @param {{extDir: string, hosts: string[], proxyPort: number, viewport: {width: number, height: number}, extraPrefs?: Record<string, any>}} o
 *   extraPrefs: more preferences (the benchmarks' full timer precision)
 * @returns {Promise<import('./driver.mjs').Driver>}
 */
export async function launchFirefox({ extDir, hosts, proxyPort, viewport, extraPrefs = {} }) {
  process.env.SE_OFFLINE = 'true'; // selenium-manager must never try to download anything
  const options = new firefox.Options()
    .setBinary(FIREFOX)
    .addArguments('-headless', `--width=${viewport.width}`, `--height=${viewport.height}`)
    .setAcceptInsecureCerts(true);
  const prefs = {
    ...QUIET_PREFS,
    'network.dns.localDomains': hosts.join(','),
    'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: ADDON_UUID }),
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.no_proxies_on': hosts.join(','),
    'network.proxy.allow_hijacking_localhost': true,
    ...extraPrefs,
  };
  for (const [k, v] of Object.entries(prefs)) options.setPreference(k, v);
  // Firefox honours services.settings.server (remote settings, fetched at start) only with this variable.
  const service = new firefox.ServiceBuilder(GECKODRIVER).addArguments('--allow-system-access').setEnvironment({ ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' });
  const driver = await new Builder().forBrowser('firefox').setFirefoxOptions(options).setFirefoxService(service).build();
  await driver.manage().setTimeouts({ script: 15_000, pageLoad: 20_000 });
  const addonId = await driver.installAddon(extDir, true);
  await setInnerSize(driver, viewport.width, viewport.height);

  return {
    name: 'firefox',
    addonId,
    extensionOrigin: `moz-extension://${ADDON_UUID}`,
    consoleLines: [],
    async goto(url) {
      if (!url.startsWith('moz-extension:')) {
        await driver.get(url);
        return;
      }
      // WebDriver may not navigate a tab to the add-on's own pages: the browser chrome may.
      await driver.setContext(Context.CHROME);
      try {
        await driver.executeScript(`const b = gBrowser.selectedBrowser;
          b.fixupAndLoadURIString(arguments[0], { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() });`, url);
      } finally {
        await driver.setContext(Context.CONTENT);
      }
      const end = Date.now() + 10_000;
      while (Date.now() < end) {
        const ready = String((await driver.executeScript('return location.href + " " + document.readyState').catch(() => '')) ?? '');
        if (ready.startsWith(url.split('#')[0]) && ready.endsWith('complete')) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`could not open ${url}`);
    },
    async evaluate(fn, arg) {
      return driver.executeScript(`return (${fn.toString()})(arguments[0]);`, arg);
    },
    async click(x, y) {
      await driver.actions({ async: true }).move({ x: Math.round(x), y: Math.round(y), origin: Origin.VIEWPORT }).click().perform();
    },
    async type(text) {
      await driver.actions({ async: true }).sendKeys(text).perform();
    },
    async press(key) {
      // "Control+a", "Backspace", "End"…: modifiers held, the last key pressed
      const names = { Control: Key.CONTROL, Shift: Key.SHIFT, Alt: Key.ALT, Backspace: Key.BACK_SPACE, End: Key.END, Home: Key.HOME, Enter: Key.ENTER, Escape: Key.ESCAPE, Tab: Key.TAB };
      const parts = key.split('+').map((k) => names[k] ?? k);
      const last = parts.pop();
      let a = driver.actions({ async: true });
      for (const m of parts) a = a.keyDown(m);
      a = a.sendKeys(last);
      for (const m of parts.reverse()) a = a.keyUp(m);
      await a.perform();
    },
    async setViewport(width, height) {
      await setInnerSize(driver, width, height);
    },
    async screenshot(path) {
      writeFileSync(path, Buffer.from(await driver.takeScreenshot(), 'base64'));
    },
    async close() {
      await driver.quit().catch(() => {});
    },
  };
}

/** Sets the window so that the viewport (innerWidth × innerHeight) has the given size. */
async function setInnerSize(driver, width, height) {
  for (let i = 0; i < 3; i++) {
    const inner = await driver.executeScript('return [window.innerWidth, window.innerHeight]');
    const rect = await driver.manage().window().getRect();
    if (inner[0] === width && inner[1] === height) return;
    await driver.manage().window().setRect({ width: rect.width + (width - inner[0]), height: rect.height + (height - inner[1]) });
  }
}
