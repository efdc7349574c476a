// Chromium treats loopback hosts (localhost, *.localhost, 127.0.0.0/8, [::1]) as secure even over http://: it
// sends Secure cookies to http://127.0.0.1 (seen with Chromium 156), so on such a host the "not sent over
// http://" check could never fail. The browser therefore reaches each loopback host under a stand-in name of
// the reserved .test domain, which its resolver maps back to the same address: the server sees the same
// connection, and Chromium judges the host as it would a real deployment's.
// Limits: a page that redirects to an absolute URL naming the loopback host leaves the stand-in, and a cookie
// with `Domain=localhost` is refused under it.

export interface HostPlan {
  /** The URL as the browser loads it (the given one, or its stand-in form). */
  browserUrl(url: string): string;
  /** `MAP name address` rules for `--host-resolver-rules`. */
  rules: string[];
}

export function planHosts(urls: string[]): HostPlan {
  const standIns = new Map<string, string>();
  for (const url of urls) {
    const host = new URL(url).hostname;
    if (isLoopback(host) && !standIns.has(host))
      standIns.set(host, `loopback-${standIns.size + 1}.cookie-hardener.test`);
  }
  return {
    browserUrl(url) {
      const parsed = new URL(url);
      const standIn = standIns.get(parsed.hostname);
      if (!standIn) return url;
      parsed.hostname = standIn;
      return parsed.href;
    },
    // Chromium resolves `localhost` itself (both address families), so that name is mapped to, not replaced.
    rules: [...standIns].map(([host, standIn]) => `MAP ${standIn} ${host}`),
  };
}

export function isLoopback(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host === '[::1]') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
