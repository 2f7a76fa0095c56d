// The small surface the scenarios need from a browser driver (Playwright or WebDriver).
/**
 * @typedef {object} Driver
 * @property {'chromium' | 'firefox'} name
 * @property {string} [extensionOrigin]
 * @property {string} [addonId]
 * @property {string[]} consoleLines
 * @property {(url: string) => Promise<void>} goto
 * @property {<A, R>(fn: (arg: A) => R, arg?: A) => Promise<Awaited<R>>} evaluate  runs in the page's main world
 * @property {(x: number, y: number) => Promise<void>} click  a real mouse click at viewport CSS pixels
 * @property {(text: string) => Promise<void>} type  real key presses into the focused element
 * @property {(key: string) => Promise<void>} press   'Mod+z' (undo), 'End', 'Control+End'
 * @property {(width: number, height: number) => Promise<void>} setViewport
 * @property {(path: string, clip?: {x: number, y: number, width: number, height: number}) => Promise<void>} screenshot  clip: Chromium only
 * @property {() => Promise<void>} close
 * @property {() => Promise<string[]>} [serviceWorkers]  Chromium only: the running service workers' URLs
 * @property {() => Promise<void>} [stopServiceWorkers]  Chromium only: stops them, as Chromium stops an idle one
 */
export {};
