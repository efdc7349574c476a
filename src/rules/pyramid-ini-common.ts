// A Pyramid session add-on configured in a PasteDeploy `.ini` file: the options of the app's own section
// (`[app:main]`, or `[application:…]`), which PasteDeploy passes to `main()` as the settings, keys as written
// (Pylons/pastedeploy@0085d9c7 `loadwsgi.py`: `ConfigLoader` sets `optionxform = str`, and `get_context`
// builds `local_conf` from the section's options). The add-on reads them only when the app includes it
// (`config.include('<package>')` in code, or `pyramid.includes = <package>` in that section).
import { insertionAfter, type IniFile, type IniOption, type IniSection } from '../languages/ini.js';
import type { CookieSite, Flag, FlagValue } from '../model.js';
import type { ConfigSite, PyRuleContext } from './rule.js';

export interface IniSessionSpec {
  ruleId: string;
  /** The add-on's package, as `config.include` and `pyramid.includes` name it. */
  package: string;
  /** Key prefixes the add-on reads; new keys take the one the section already uses. */
  prefixes: readonly string[];
  /** Each flag's key after the prefix. */
  flags: Record<Flag, string>;
  /** The key naming the cookie (after the prefix), and the add-on's own name when it is not set. */
  nameKey: string;
  defaultName: string;
  /** How the add-on reads a boolean setting (lower-cased, trimmed). */
  read: (value: string) => 'true' | 'false' | 'other';
}

export function pyramidIniSites(file: IniFile, context: PyRuleContext, spec: IniSessionSpec): ConfigSite[] {
  if (!file.file.toLowerCase().endsWith('.ini')) return [];
  if (!spec.prefixes.some((prefix) => file.text.includes(prefix))) return [];
  const includedInCode = context.project.some((module) => module.text.includes(spec.package));
  const named = new RegExp(`\\b${spec.package}\\b`);
  const sites: ConfigSite[] = [];
  for (const section of file.sections) {
    if (!/^(?:app|application):/.test(section.name)) continue;
    const included =
      includedInCode ||
      section.options.some(
        (option) =>
          option.key === 'pyramid.includes' &&
          named.test(file.text.slice(option.span.start, option.span.end)),
      );
    if (!included) continue;
    const site = siteOf(file, section, spec);
    if (site) sites.push({ site });
  }
  return sites;
}

function siteOf(ini: IniFile, section: IniSection, spec: IniSessionSpec): CookieSite | null {
  const own = section.options.filter((option) =>
    spec.prefixes.some((prefix) => option.key.startsWith(prefix)),
  );
  const anchor = own.at(-1);
  if (!anchor) return null;
  const prefix = spec.prefixes.find((candidate) => anchor.key.startsWith(candidate))!;
  const find = (name: string) =>
    own.findLast((option) => spec.prefixes.some((candidate) => option.key === `${candidate}${name}`)) ?? null;
  const httpOnly = find(spec.flags.httpOnly);
  const secure = find(spec.flags.secure);
  const name = find(spec.nameKey);
  const notes: string[] = [];
  if (anchor.continued)
    notes.push(`\`${anchor.key}\` continues on the lines below it, so nothing is inserted after it`);
  // Both readers take any case; the file's own spelling of booleans is kept.
  const capitalised = /^(?:True|False)$/m.test(section.options.map((option) => option.value).join('\n'));
  return {
    ruleId: spec.ruleId,
    file: ini.file,
    // Reported at the first flag the section sets, else where new ones go.
    offset: Math.min(
      ...[httpOnly, secure].map((option) => option?.span.start ?? Infinity),
      anchor.span.start,
    ),
    cookieNames: [name && name.value !== '' && !name.continued ? name.value : spec.defaultName],
    kind: 'session',
    flags: {
      httpOnly: httpOnly ? classify(httpOnly, ini.file, spec) : { kind: 'absent' },
      secure: secure ? classify(secure, ini.file, spec) : { kind: 'absent' },
    },
    keys: {
      httpOnly: httpOnly?.key ?? `${prefix}${spec.flags.httpOnly}`,
      secure: secure?.key ?? `${prefix}${spec.flags.secure}`,
    },
    insertion: insertionAfter(ini.file, anchor, section),
    usedAt: [],
    notes,
    trueLiteral: capitalised ? 'True' : 'true',
  };
}

/** An interpolation (`%(x)s`) is decided elsewhere in the file or by whoever runs it: a run-time value. */
function classify(option: IniOption, file: string, spec: IniSessionSpec): FlagValue {
  if (option.continued) return { kind: 'unknown', reason: `\`${option.key}\` spans several lines` };
  if (option.value.includes('%(')) {
    return { kind: 'conditional', span: option.valueSpan, text: option.value, devOnly: false };
  }
  const read = spec.read(option.value.trim().toLowerCase());
  if (read === 'true') return { kind: 'true', span: option.valueSpan };
  if (read === 'false') return { kind: 'false', span: option.valueSpan, file };
  return { kind: 'conditional', span: option.valueSpan, text: option.value, devOnly: false };
}
