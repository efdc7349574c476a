// The browser check's pure parts: which browser is used, the switches it gets, the trusted key hashes, the
// loopback stand-in names and the http:// URL probed. No browser is started here.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plainHttpUrl } from '../../src/verify/browser.js';
import { shownUrlText } from '../../src/verify/http.js';
import { isLoopback, planHosts } from '../../src/verify/browser-hosts.js';
import { browserArguments, findBrowser, firstLine, spkiHashes } from '../../src/verify/browser-launch.js';
import { temporaryFolder } from '../cli/helpers.js';

describe('findBrowser', () => {
  it('takes CHROME_PATH first, then the usual paths', () => {
    expect(findBrowser(undefined, { CHROME_PATH: '/bin/sh' })).toEqual({ path: '/bin/sh' });
  });

  it('skips in one line when nothing is found', () => {
    const found = findBrowser(undefined, { CHROME_PATH: '/nonexistent/chrome' });
    if ('path' in found) return; // this machine has a browser at one of the usual paths
    expect(found).toEqual({
      skipped:
        'browser check skipped: no Chromium found (looked at CHROME_PATH, /usr/bin/chromium, ' +
        '/usr/bin/chromium-browser, /usr/bin/google-chrome); install one (Debian: apt-get install chromium) or set CHROME_PATH',
    });
  });

  it('uses the path given, and skips when it is not an executable', () => {
    expect(findBrowser('/bin/sh', {})).toEqual({ path: '/bin/sh' });
    // Neither a file without an execute bit nor a folder, though root may "execute" a folder.
    const plainFile = join(temporaryFolder(), 'chromium');
    writeFileSync(plainFile, '', { mode: 0o644 });
    for (const path of [plainFile, '/usr/bin']) {
      expect(findBrowser(path, { CHROME_PATH: '/bin/sh' })).toEqual({
        skipped: `browser check skipped: no executable browser at ${path}`,
      });
    }
  });
});

describe('spkiHashes', () => {
  it("gives each certificate's public-key hash as the openssl recipe for Chromium's switch does", () => {
    const folder = temporaryFolder();
    const pems: string[] = [];
    const expected: string[] = [];
    for (const name of ['one', 'two']) {
      const cert = join(folder, `${name}.pem`);
      const made = spawnSync('openssl', [
        'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
        '-subj', `/CN=${name}`, '-keyout', join(folder, `${name}.key`), '-out', cert,
      ]); // prettier-ignore
      expect(made.status).toBe(0);
      pems.push(readFileSync(cert, 'utf8'));
      const hash = spawnSync(
        'sh',
        ['-c', `openssl x509 -in ${cert} -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64`],
        { encoding: 'utf8' },
      ); // prettier-ignore
      expected.push(hash.stdout.trim());
    }
    expect(spkiHashes(`# a bundle\n${pems.join('')}`)).toEqual(expected);
    expect(spkiHashes('no certificate here')).toEqual([]);
  });
});

describe('browserArguments', () => {
  it("always has the machine's switches, and the trusted keys and host rules only when there are some", () => {
    const base = [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-features=HttpsUpgrades',
    ];
    expect(browserArguments({ spki: [], hostRules: [] })).toEqual(base);
    expect(
      browserArguments({ spki: ['a=', 'b='], hostRules: ['MAP x.test 127.0.0.1', 'MAP y.test [::1]'] }),
    ).toEqual([
      ...base,
      '--ignore-certificate-errors-spki-list=a=,b=',
      '--host-resolver-rules=MAP x.test 127.0.0.1, MAP y.test [::1]',
    ]);
  });
});

describe('planHosts', () => {
  it('gives each loopback host one stand-in name and leaves other hosts alone', () => {
    const plan = planHosts([
      'https://127.0.0.1:8443/login',
      'http://127.0.0.1:8080/',
      'http://localhost:3000/a?b=1',
      'http://[::1]:3000/',
      'https://app.example.com/',
    ]);
    expect(plan.rules).toEqual([
      'MAP loopback-1.cookie-hardener.test 127.0.0.1',
      'MAP loopback-2.cookie-hardener.test localhost',
      'MAP loopback-3.cookie-hardener.test [::1]',
    ]);
    expect(plan.browserUrl('https://127.0.0.1:8443/login')).toBe(
      'https://loopback-1.cookie-hardener.test:8443/login',
    );
    expect(plan.browserUrl('http://127.0.0.1:8080/')).toBe('http://loopback-1.cookie-hardener.test:8080/');
    expect(plan.browserUrl('http://localhost:3000/a?b=1')).toBe(
      'http://loopback-2.cookie-hardener.test:3000/a?b=1',
    );
    expect(plan.browserUrl('http://[::1]:3000/')).toBe('http://loopback-3.cookie-hardener.test:3000/');
    expect(plan.browserUrl('https://app.example.com/')).toBe('https://app.example.com/');
  });

  it('knows the hosts Chromium treats as secure over http://', () => {
    for (const host of ['localhost', 'LOCALHOST', 'app.localhost', '127.0.0.1', '127.1.2.3', '[::1]']) {
      expect(isLoopback(host), host).toBe(true);
    }
    for (const host of ['example.com', 'localhost.example.com', '10.0.0.1', '128.0.0.1', '[::2]']) {
      expect(isLoopback(host), host).toBe(false);
    }
  });
});

describe('plainHttpUrl', () => {
  it('is the page on http:// at the given port, or at its own port when it is http:// already', () => {
    expect(plainHttpUrl('https://app.example.com/login?next=/', 80)).toBe('http://app.example.com/login');
    expect(plainHttpUrl('https://127.0.0.1:8443/login', 8080)).toBe('http://127.0.0.1:8080/login');
    expect(plainHttpUrl('http://127.0.0.1:3000/x', 80)).toBe('http://127.0.0.1:3000/x');
  });

  it('never carries credentials, the query or the fragment over plain HTTP', () => {
    expect(plainHttpUrl('https://u:pw@app.example.com/a/b?token=S3CR3T#frag', 8080)).toBe(
      'http://app.example.com:8080/a/b',
    );
    expect(plainHttpUrl('http://u:pw@127.0.0.1:3000/x?token=S3CR3T#frag', 80)).toBe(
      'http://127.0.0.1:3000/x',
    );
    expect(shownUrlText('https://u:pw@app.example.com/a?token=S3CR3T#frag')).toBe(
      'https://app.example.com/a',
    );
  });
});

describe('firstLine', () => {
  it('keeps the first non-empty line of a launch error, without its trailing punctuation', () => {
    expect(firstLine(new Error('\nFailed to launch the browser process!\n[1:1] log line\n'))).toBe(
      'Failed to launch the browser process',
    );
    expect(firstLine('plain text:')).toBe('plain text');
  });
});
