// Finding, loading and starting the browser for `verify --browser`. Nothing here is needed by the rest of the
// CLI, and puppeteer-core is only ever imported from here, lazily, so the bundle never carries it.
import { X509Certificate, createHash } from 'node:crypto';
import { accessSync, constants, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, LaunchOptions } from 'puppeteer-core';

/** Where a Chromium is looked for when none is given, after the CHROME_PATH variable. */
export const BROWSER_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** A launch or page failure, with a one-line message fit to print as it is. */
export class BrowserCheckError extends Error {
  override name = 'BrowserCheckError';
}

/** The executable to start, or a one-line reason why the check is skipped. */
export function findBrowser(
  given: string | undefined,
  env: Readonly<Record<string, string | undefined>> = process.env,
): { path: string } | { skipped: string } {
  if (given) {
    return isExecutable(given)
      ? { path: given }
      : { skipped: `browser check skipped: no executable browser at ${given}` };
  }
  const candidates = [...(env.CHROME_PATH ? [env.CHROME_PATH] : []), ...BROWSER_PATHS];
  const found = candidates.find(isExecutable);
  if (found) return { path: found };
  return {
    skipped:
      `browser check skipped: no Chromium found (looked at CHROME_PATH, ${BROWSER_PATHS.join(', ')}); ` +
      'install one (Debian: apt-get install chromium) or set CHROME_PATH',
  };
}

// access(X_OK) alone is not enough: run as root, it passes for any file and for folders.
function isExecutable(path: string): boolean {
  try {
    const stats = statSync(path);
    if (!stats.isFile() || (stats.mode & 0o111) === 0) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

type Launch = (options: LaunchOptions) => Promise<Browser>;

/**
 * puppeteer-core's `launch`, or a one-line reason why the check is skipped. The installed CLI does not ship
 * puppeteer-core: it is found next to cookie-hardener or, failing that, in the project the command runs in.
 */
export async function loadPuppeteer(
  cwd: string = process.cwd(),
): Promise<{ launch: Launch } | { skipped: string }> {
  const fromModule = await importLaunch(() => import('puppeteer-core'));
  if (fromModule) return { launch: fromModule };
  const fromProject = await importLaunch(async () => {
    const resolved = createRequire(join(cwd, 'package.json')).resolve('puppeteer-core');
    return (await import(pathToFileURL(resolved).href)) as unknown;
  });
  if (fromProject) return { launch: fromProject };
  return {
    skipped:
      'browser check skipped: puppeteer-core is not installed; run `npm install puppeteer-core` ' +
      '(it drives the Chromium already on the machine and downloads none)',
  };
}

async function importLaunch(load: () => Promise<unknown>): Promise<Launch | null> {
  try {
    const loaded = (await load()) as { launch?: unknown; default?: { launch?: unknown } };
    const launch = typeof loaded.launch === 'function' ? loaded.launch : loaded.default?.launch;
    return typeof launch === 'function' ? (launch.bind(loaded.default ?? loaded) as Launch) : null;
  } catch {
    return null;
  }
}

/**
 * SHA-256 of the public key (SPKI) of every certificate in a PEM bundle, base64, as Chromium's
 * `--ignore-certificate-errors-spki-list` takes them.
 *
 * That switch is how a self-signed deployment is trusted without turning certificate checks off: Chromium
 * still verifies every certificate, and forgives the failure only for a chain that holds one of these exact
 * keys. Any other certificate with an error is refused as usual. (It also forgives a name mismatch for that key,
 * which the loopback stand-in names of browser-hosts.ts rely on.) A certificate authority given here counts only
 * when the server sends it in its chain.
 */
export function spkiHashes(pem: string): string[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((block) => {
    const key = new X509Certificate(block).publicKey.export({ type: 'spki', format: 'der' });
    return createHash('sha256').update(key).digest('base64');
  });
}

/** The switches the machine needs (root, closed network), plus the trusted keys and host mappings. */
export function browserArguments(options: { spki: string[]; hostRules: string[] }): string[] {
  return [
    '--headless',
    // Root cannot use Chromium's sandbox; the pages loaded are the caller's own deployment.
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    // Without these Chromium keeps calling Google's services, which a closed network refuses, many at a time.
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    // Chromium otherwise tries https:// first for an http:// navigation, and the check must see what a browser
    // that does go over plain HTTP (a first visit, an older browser, a link) sends.
    '--disable-features=HttpsUpgrades',
    ...(options.spki.length > 0 ? [`--ignore-certificate-errors-spki-list=${options.spki.join(',')}`] : []),
    ...(options.hostRules.length > 0 ? [`--host-resolver-rules=${options.hostRules.join(', ')}`] : []),
  ];
}

/** A started browser with a fresh profile; `close` ends it and removes the profile. */
export interface RunningBrowser {
  browser: Browser;
  close(): Promise<void>;
}

export async function startBrowser(
  launch: Launch,
  options: { executablePath: string; args: string[]; timeoutMs: number },
): Promise<RunningBrowser> {
  // A new empty profile each time: no cookies, HSTS entries or settings from an earlier run leak into this one.
  const profile = mkdtempSync(join(tmpdir(), 'cookie-hardener-browser-'));
  // A browser that was just killed may still be writing into the profile: retry, and never fail over it.
  const removeProfile = () => {
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    } catch {
      // a leftover temp folder is not worth an error
    }
  };
  let browser: Browser;
  try {
    browser = await launch({
      executablePath: options.executablePath,
      headless: true,
      userDataDir: profile,
      args: options.args,
      // Starting takes seconds on a busy two-core machine, whatever the pages' own timeout is.
      timeout: Math.max(options.timeoutMs, 30_000),
      protocolTimeout: Math.max(options.timeoutMs, 30_000),
      // The CLI handles its own signals; the browser is closed in a finally.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (error) {
    removeProfile();
    throw new BrowserCheckError(`could not start the browser ${options.executablePath}: ${firstLine(error)}`);
  }
  return {
    browser,
    async close() {
      try {
        await browser.close();
      } catch {
        browser.process()?.kill('SIGKILL');
      } finally {
        removeProfile();
      }
    },
  };
}

/** The first meaningful line of an error's message (puppeteer's launch errors carry the browser's whole log). */
export function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = message.split('\n').find((text) => text.trim() !== '') ?? 'unknown error';
  return line.trim().replace(/[.!:]+$/, '');
}
