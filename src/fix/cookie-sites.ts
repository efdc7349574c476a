// Every cookie site the plan judged, problems or not, with what the code (as fixed) makes of each flag: what
// `verify` expects a live deployment to send. A fine site reports no finding, so after `fix` these are the
// only record of which cookies the code sets and how.
import { lineColumn, lineStarts } from '../languages/text.js';
import type { CookieKind, CookieSite, Flag, FlagDefault } from '../model.js';
import { FRAMEWORK_FACTS } from '../rules/frameworks.js';
import type { RuleMeta } from '../rules/rule.js';
import type { CodeCookie, SiteExpectation } from '../verify/types.js';
import { cite, type FlagDecision } from './policy.js';
import type { SiteFacts } from './site-facts.js';

export interface JudgedSite {
  site: CookieSite;
  meta: RuleMeta;
  kind: CookieKind;
  decisions: readonly FlagDecision[];
  facts: SiteFacts;
}

export function codeCookieOf(entry: JudgedSite, texts: ReadonlyMap<string, string>): CodeCookie | null {
  const { site, meta } = entry;
  // A settings dict no cookie call reads sets no cookie.
  if (site.advisory) return null;
  const defaultName = meta.namedByCaller ? undefined : FRAMEWORK_FACTS[meta.framework]?.defaultCookieName;
  const names = site.cookieNames.length > 0 ? [...site.cookieNames] : defaultName ? [defaultName] : [];
  const { line } = lineColumn(lineStarts(texts.get(site.file) ?? ''), site.offset);
  const reasons: CodeCookie['reasons'] = {};
  const expectation = (flag: Flag): SiteExpectation => {
    const [value, reason] = expect(flag, entry, texts);
    if (reason) reasons[flag] = reason;
    return value;
  };
  return {
    names,
    ruleId: meta.id,
    framework: meta.framework,
    file: site.file,
    line,
    kind: entry.kind,
    expected: { httpOnly: expectation('httpOnly'), secure: expectation('secure') },
    reasons,
  };
}

/** The flag's expectation, and why when it is not required. */
function expect(
  flag: Flag,
  { site, meta, kind, decisions, facts }: JudgedSite,
  texts: ReadonlyMap<string, string>,
): [SiteExpectation, string?] {
  if (site.keys[flag] === null) return ['not-required', 'this API has no such option'];
  const value = site.flags[flag];
  const fromDefault = (fallback: FlagDefault): SiteExpectation | null =>
    fallback === 'on' ? 'required' : fallback === 'auto' ? 'https' : null;
  if (value.kind === 'true') {
    // `secure: 'auto'` counts as set, but gives Secure only on requests the app sees as HTTPS.
    const file = site.insertion?.container.file ?? site.file;
    const text = texts.get(file)?.slice(value.span.start, value.span.end) ?? '';
    return [/auto|SameAsRequest/i.test(text) ? 'https' : 'required'];
  }
  if (flag === 'secure' && facts.forcedSecure.length > 0) return ['required'];
  if (value.kind === 'absent') {
    const byDefault = fromDefault(meta.defaults[flag]);
    if (byDefault) return [byDefault];
  }
  if (site.ignoredReason !== undefined) return ['not-required', 'a cookie-hardener-ignore comment leaves it'];
  const decision = decisions.find((candidate) => candidate.flag === flag);
  if (flag === 'httpOnly') {
    if (kind === 'csrf') return ['not-required', 'script reads CSRF tokens'];
    if (facts.readers.length > 0)
      return ['not-required', `browser code in the project uses it: ${cite(facts.readers, 1)}`];
    if (decision?.action) return ['required'];
    // A literal false stays as written unless the scan proved a server-side session (then only something
    // like a shared options object kept the flip back); a session-like name proves nothing, so the
    // deployment is judged by the finding's own reason for leaving it.
    if (value.kind === 'false' && !value.via && !facts.serverSession)
      return ['not-required', decision?.reason || 'HttpOnly was turned off on purpose'];
    if (kind === 'other' && value.kind === 'absent')
      return ['not-required', 'it does not look like a session cookie'];
    return ['required'];
  }
  if (decision?.action) {
    // A fix that makes Secure follow the request gives it only on requests the app sees as HTTPS.
    const follows = facts.requestSecure !== null && decision.value === facts.requestSecure.value;
    return [follows ? 'https' : 'required'];
  }
  if (facts.plainHttp.length > 0)
    return ['not-required', `the project serves it over plain HTTP: ${cite(facts.plainHttp, 1)}`];
  return ['required'];
}
