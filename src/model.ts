// The vocabulary every stage shares. Pure data: no behaviour lives here.
import type { CodeCookie } from './verify/types.js';

export type Language = 'javascript' | 'python' | 'go' | 'php' | 'java' | 'csharp' | 'ruby';

/** The two boolean cookie flags every rule reads. */
export type Flag = 'httpOnly' | 'secure';
export const FLAGS: readonly Flag[] = ['httpOnly', 'secure'];
export const ATTRIBUTES: readonly Attribute[] = ['httpOnly', 'secure', 'sameSite'];

/** What a finding can be about: the two flags, and SameSite when the configuration enforces it. */
export type Attribute = Flag | 'sameSite';

/** The SameSite value enforced when `sameSite` is turned on (`lax` by default). */
export type SameSiteValue = 'lax' | 'strict';

/** A half-open range of UTF-16 offsets into a file's text (what String#slice takes). */
export interface Span {
  start: number;
  end: number;
}

/** What the code says about one flag at one cookie site. */
export type FlagValue =
  | { kind: 'absent' }
  /** A literal true, or a value the framework treats as safe (`'auto'`). */
  | { kind: 'true'; span: Span }
  /**
   * A literal false (or None / null / undefined): the author turned the flag off. `via` names the constant
   * the false comes through (`secure: isSecure` with `const isSecure = false`): that one is not rewritten.
   */
  | { kind: 'false'; span: Span; file: string; via?: string }
  /** An expression decided at run time. `devOnly` marks checks that are true only in development. */
  | { kind: 'conditional'; span: Span; text: string; devOnly: boolean }
  /** Hidden behind a spread, `**kwargs` or a value we cannot see. */
  | { kind: 'unknown'; reason: string };

/** What a framework does when the key is missing. `auto` = on for requests it sees as HTTPS. */
export type FlagDefault = 'off' | 'on' | 'auto';

/**
 * session: identity-bearing cookies (session middleware, names like sid/token/auth);
 * csrf: meant to be read by script (double-submit tokens); other: preferences and the rest.
 */
export type CookieKind = 'session' | 'csrf' | 'other';

/**
 * How new entries are spelled inside a container. `py-statements` is a run of statements in a module or
 * class body (Django / Flask settings): new entries are new lines after the last one, at its indentation.
 */
export type ContainerSyntax =
  | 'js-object'
  | 'js-arguments'
  | 'py-dict'
  | 'py-arguments'
  | 'py-statements'
  /**
   * Options of one section of an INI-style file (`key = value` lines): new options go on their own lines after
   * the last entry, at its indentation; `statementTemplate` spells one (`{key} = {value}`).
   */
  | 'ini-options'
  /** A Set-Cookie-style string literal (`document.cookie = "…"`): attributes are appended before `close`. */
  | 'cookie-string'
  /** A Go keyed composite literal (`&http.Cookie{…}`): new `Key: value` elements, aligned as gofmt aligns them. */
  | 'go-composite'
  /** A PHP array literal (`['secure' => true]` or `array(…)`): new `'key' => value` pairs, quoted as the others. */
  | 'php-array'
  /**
   * A PHP call's argument list whose trailing positional flags are missing: `positional` names those parameters
   * in order, and a new value goes in each up to the last one set (`false` for one the fix leaves off).
   */
  | 'php-arguments'
  /** A PHP 8 call that already names some arguments: a missing flag is appended by name (`httponly: true`). */
  | 'php-named-arguments'
  /**
   * A run of Java statements in one block (`cookie.setPath("/");`): new statements go on their own lines after
   * the last entry, at its indentation; `statementTemplate` spells one (`cookie.{key}({value});`).
   */
  | 'java-statements'
  /**
   * A Java builder chain (`ResponseCookie.from(n, v)….build()`): new `.key(value)` calls go just before the
   * final call, whose `.` is at `close`; `entries` are the calls before it.
   */
  | 'java-chain'
  /** A C# object initializer (`new CookieOptions { HttpOnly = true }`): new `Key = value` members, comma-separated. */
  | 'cs-initializer'
  /**
   * A run of C# statements in one block (`options.Path = "/";`): new statements go on their own lines after the
   * last entry, at its indentation; `statementTemplate` spells one (`options.{key} = {value};`).
   */
  | 'cs-statements'
  /**
   * A C# call whose options argument is missing (`Response.Cookies.Append(name, value)`): one new argument,
   * `statementTemplate` with `{entries}` standing for the `Key = value` members (`new CookieOptions { {entries} }`).
   */
  | 'cs-arguments'
  /**
   * An expression-bodied C# lambda (`o => o.IdleTimeout = t`, `open`/`close` its body): the body becomes a block
   * holding the expression and the new statements, spelled from `statementTemplate` as for `cs-statements`.
   */
  | 'cs-expression-body'
  /**
   * A Ruby hash literal (`{ value: v, path: '/' }`) or a call's trailing keyword arguments, with or without
   * parentheses: new pairs in the style of the others (`key: value`, `:key => value` or `'key' => value`, from
   * `keyQuote` '', ':' or the quote). `open` and `close` are the braces or the call's parentheses.
   */
  | 'ruby-hash'
  /**
   * A Ruby call's trailing keyword arguments without parentheses (`set :sessions, secure: true`): `open` is the
   * first argument's start and `close` the last one's end; new pairs go after it, spelled as in `ruby-hash`.
   */
  | 'ruby-arguments'
  /**
   * A Ruby value given where an options hash may go (`cookies[:x] = token`): it is wrapped into one,
   * `{ value: token, httponly: true }`; `open` and `close` are the value's start and end.
   */
  | 'ruby-value';

/**
 * A comma-separated list between two delimiters where missing keys can be inserted: an object literal,
 * a dict display, or a call's argument list.
 */
export interface Container {
  file: string;
  syntax: ContainerSyntax;
  /** Offset of the opening delimiter (`{` or `(`). */
  open: number;
  /** Offset of the closing delimiter (`}` or `)`). */
  close: number;
  /** Existing entries, in source order, comments excluded. */
  entries: Span[];
  /** How the existing keys are quoted: '' for bare names, or the quote character to reuse. */
  keyQuote: string;
  /**
   * For `py-statements`: how one new statement is spelled, `{key}` standing for the key
   * (`{key} = True`, `app.config["{key}"] = True`). For statements, `open`/`close` span the run.
   * For `ini-options`, `{value}` stands for the value.
   */
  statementTemplate?: string;
  /** For `php-arguments`: the keys of the missing trailing parameters, in their positional order. */
  positional?: string[];
}

/** Where a flag that is missing would be written. */
export interface InsertionPoint {
  container: Container;
  /** Keys to nest the new flags under, created when missing: `['cookie']` gives `cookie: { secure: true }`. */
  nest: string[];
}

/**
 * One place where a cookie's options are decided, as a rule found it. Rules never write code; the plan
 * turns sites into findings and changes.
 */
export interface CookieSite {
  ruleId: string;
  /** The file and offset the report points at: the options object, or the call when there is none. */
  file: string;
  offset: number;
  /** Literal cookie names whose options these are (empty when no name is literal). */
  cookieNames: string[];
  /**
   * Set by rules whose API decides the kind (a session middleware, a signed-cookie call): positive evidence,
   * the only ground for flipping a `httpOnly: false` someone wrote. Otherwise derived from the names.
   */
  kind?: CookieKind;
  /** What a non-literal name suggests (`settings.SESSION_COOKIE_NAME`): a hint for severity, like a name. */
  kindHint?: CookieKind;
  /** The source text of the cookie's value argument, when the call has one (`jwt.sign(payload, key)`). */
  valueText?: string;
  flags: Record<Flag, FlagValue>;
  /** The key each flag is spelled with at this site, or null where the flag cannot be set (client-side HttpOnly). */
  keys: Record<Flag, string | null>;
  /** Where missing flags are inserted; null when the site cannot be edited (e.g. options from a parameter). */
  insertion: InsertionPoint | null;
  /** Other places that use these options (`file:line`), for the report. */
  usedAt: string[];
  /** Extra sentences for the report (why a value is unknown, where the options came from, …). */
  notes: string[];
  /** The reason given by a `cookie-hardener-ignore` comment, or '' when ignored without a reason. */
  ignoredReason?: string;
  /** A site with nothing to judge but something to say (a settings dict that no cookie call reads). */
  advisory?: string;
  /**
   * How true is written here, where the file's extension does not say it: CherryPy's `.conf` values are Python
   * literals (`True`), PasteDeploy settings are read with `asbool` (`true`).
   */
  trueLiteral?: string;
  /**
   * SameSite set by a call of its own before the cookie's (gin's `c.SetSameSite(…)`, which holds for the calls
   * after it): its value, how the file names net/http (null without the import, so nothing can be written), and
   * where a new call goes: `prefix` + the mode constant + `suffix` at `offset`, null when the cookie's call does
   * not start its line.
   */
  sameSiteCall?: {
    value: FlagValue;
    httpPackage: string | null;
    insertAt: { offset: number; prefix: string; suffix: string } | null;
  };
  /** How true is written for one flag where it is not `trueLiteral` (`SecurePolicy = CookieSecurePolicy.Always`). */
  flagLiterals?: Partial<Record<Flag, string>>;
  /**
   * The expression that is true on the HTTPS requests where this cookie is set, when the rule can name the
   * request at the site with certainty (ASP.NET Core's `Request.IsHttps`): what Secure follows where HTTPS is
   * optional.
   */
  requestScheme?: string;
}

/** One fact from the project that a decision rests on: a browser reader, a transport switch, a comment. */
export interface Evidence {
  file: string;
  /** 1-based. */
  line: number;
  /** One sentence, our own words: what is there and what it means for this cookie. */
  fact: string;
}

/** Problems use a closed vocabulary: `{httpOnly|secure}-{missing|false|conditional|unknown}`. */
export type ProblemKind = 'missing' | 'false' | 'conditional' | 'unknown';
export type Problem = `${Attribute}-${ProblemKind}`;

export type Outcome = 'fixable' | 'fixed' | 'manual' | 'conditional' | 'ignored';
export type Severity = 'high' | 'medium' | 'low';

/** A text replacement in one file. Inserts have start === end. */
export interface Edit {
  file: string;
  start: number;
  end: number;
  text: string;
}

/** One reported weakness: a cookie site with at least one problem. */
export interface Finding {
  ruleId: string;
  framework: string;
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units like most editors. */
  column: number;
  cookie: string | null;
  kind: CookieKind;
  problems: Problem[];
  outcome: Outcome;
  severity: Severity;
  message: string;
  /** The attributes this finding's fix sets (empty when nothing is changed). */
  changedFlags: Attribute[];
  /** Why each problem that is not fixed stays (shown in reports). */
  notChangedReasons: string[];
  usedAt: string[];
  notes: string[];
  /** The project facts the decision rests on (readers, switches, comments, settings), for every report. */
  evidence: Evidence[];
  /**
   * What must be done alongside the fix for it to work, shown in the PR body's first lines: a missing proxy
   * setting with the exact line to add. Empty when there is nothing.
   */
  beforeMerging: string[];
  /** Stable across runs and unrelated edits: rule, file, cookie and problems, not line numbers. */
  fingerprint: string;
  /**
   * What the baseline matches on: rule, file, cookie and the line's text, not the problems, so a partly
   * fixed line is still the recorded one (the baseline keeps the problems beside it).
   */
  baselineKey: string;
  /**
   * Set only when the repository has a baseline file: true when the finding was recorded there, so
   * `fail-on` does not count it (it is still reported and still fixed).
   */
  baselined?: boolean;
  /**
   * Set when a baseline entry recorded this line but without these problems (a flag newly enforced or made
   * worse): why the finding counts as new.
   */
  problemsNewSinceBaseline?: Problem[];
  /** The splices that make this finding's fix (empty when nothing is changed); may be shared with others. */
  edits: Edit[];
}

export interface SkippedFile {
  file: string;
  reason: string;
}

/** A file whose text the fix changes, with both versions kept for diffs and verification. */
export interface FileChange {
  file: string;
  before: string;
  after: string;
  edits: Edit[];
}

export interface ScanStats {
  filesListed: number;
  filesParsed: number;
  ms: number;
}

export interface ScanResult {
  findings: Finding[];
  /** Files the fix would change (verified), whether or not they have been written. */
  changes: FileChange[];
  skipped: SkippedFile[];
  stats: ScanStats;
  /**
   * Every cookie site judged, fine or not, with the flags the code (as fixed) gives it: what `verify` expects
   * live. Absent where a result is built by hand.
   */
  cookies?: CodeCookie[];
}
