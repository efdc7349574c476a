// Where a Flask project writes its configuration, read once per scan: `app.config["KEY"] = …` statements,
// `app.config.update(…)` / `from_mapping(…)` calls, config classes (`class ProductionConfig(Config)`, loaded by
// `from_object`) and config modules. The session rule (SESSION_COOKIE_*) and the Flask-Login rule
// (REMEMBER_COOKIE_*) judge the same blocks with their own keys.
//
// Flood control: a missing `…_SECURE` is reported only where a block already configures that cookie (another
// key of the family) or is a production config, and only when no other source could set it (the key is
// written in no other non-development block, mentioned nowhere else, and the app does not read its config from
// the environment).
import type { SyntaxNode } from '@lezer/common';
import {
  argumentsOf,
  assignedValue,
  callParts,
  callsOf,
  branchConditions,
  childrenOf,
  classifyPyCondition,
  dictEntriesOf,
  dottedName,
  evaluatePyFlag,
  pyContainer,
  pyStatementsContainer,
  stringLiteral,
  textOf,
  type PyModule,
} from '../languages/python.js';
import { resolvePyExpression } from '../languages/py-options.js';
import type { Container, CookieSite, FlagValue } from '../model.js';
import { projectFrameworks } from './py-framework-common.js';
import type { PyRuleContext } from './rule.js';

type BlockKind = 'subscript' | 'call' | 'class' | 'module';

interface ConfigWrite {
  key: string;
  module: PyModule;
  value: SyntaxNode;
  /** The statement, keyword or dict entry that writes it (the report points there). */
  at: number;
  statement: SyntaxNode | null;
  /** The quote around the key in `app.config["KEY"]`, reused for new statements. */
  quote?: string;
}

export interface FlaskConfigBlock {
  kind: BlockKind;
  module: PyModule;
  /** Class name, or the module / receiver the block belongs to. */
  name: string;
  /** Where the report points when the block writes none of a family's keys (in `anchorFile`). */
  anchor: number;
  anchorFile: string;
  writes: ConfigWrite[];
  /** For classes: base class names as written. */
  bases: string[];
  devOnly: boolean;
  production: boolean;
  /** A `**splat` that could not be read: any key may be set. */
  unknownSpread: string | null;
  /** Call blocks: the argument list or dict to add keywords to. */
  callContainer: Container | null;
  /** Statement blocks: the start of the body, and how one new statement is spelled. */
  bodyOpen: number;
  template: string;
}

export interface FlaskProject {
  blocks: FlaskConfigBlock[];
  /** Keys some module mentions outside the blocks we read (a config source we cannot see). */
  mentionedElsewhere: (key: string) => boolean;
  /** The app loads configuration from the environment (`from_prefixed_env`, `from_envvar`). */
  readsEnvironment: boolean;
}

const UPPER = /^[A-Z][A-Z0-9_]*$/;
const DEV_WORDS = new Set([
  'dev',
  'develop',
  'development',
  'local',
  'test',
  'testing',
  'tests',
  'debug',
  'ci',
]);
const PROD_WORDS = new Set(['prod', 'production', 'live', 'deploy', 'deployment']);
const CONFIG_CLASS = /(config|configuration|settings)$/i;

const cache = new WeakMap<readonly PyModule[], FlaskProject | null>();

export function flaskProject(context: PyRuleContext): FlaskProject | null {
  const project = context.project;
  if (cache.has(project)) return cache.get(project) ?? null;
  let result: FlaskProject | null = null;
  // Flask config files rarely import Flask and the app module may not be among the parsed files (it need not
  // mention a cookie), so a project counts unless another framework, or Django settings, claim it.
  const frameworks = projectFrameworks(project);
  const otherFramework = [...frameworks].some((framework) => framework !== 'flask');
  if (frameworks.has('flask') || (!otherFramework && !project.some(isDjangoSettingsLike))) {
    const blocks = project.flatMap((module) => blocksOf(module, context));
    const mentioned = new Map<string, boolean>();
    result = {
      blocks,
      mentionedElsewhere: (key) => {
        let answer = mentioned.get(key);
        if (answer === undefined) {
          const mentions = project.reduce((count, module) => count + occurrences(module.text, key), 0);
          const read = blocks.reduce(
            (count, block) => count + block.writes.filter((write) => write.key === key).length,
            0,
          );
          answer = mentions > read;
          mentioned.set(key, answer);
        }
        return answer;
      },
      readsEnvironment: project.some((module) => /\.(from_prefixed_env|from_envvar)\s*\(/.test(module.text)),
    };
  }
  cache.set(project, result);
  return result;
}

function isDjangoSettingsLike(module: PyModule): boolean {
  return ['INSTALLED_APPS', 'MIDDLEWARE', 'ROOT_URLCONF'].some((name) => module.assignments.has(name));
}

function occurrences(text: string, key: string): number {
  let count = 0;
  for (let index = text.indexOf(key); index !== -1; index = text.indexOf(key, index + key.length)) count++;
  return count;
}

function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

function environmentOfLabel(label: string): { devOnly: boolean; production: boolean } {
  const words = wordsOf(label);
  return {
    devOnly: words.some((word) => DEV_WORDS.has(word)),
    production: words.some((word) => PROD_WORDS.has(word)),
  };
}

/** The environment an `if` around a node selects (`if app.debug:` → development), innermost first. */
function branchEnvironment(module: PyModule, node: SyntaxNode): 'development' | 'production' | 'unknown' {
  for (const test of branchConditions(node)) {
    if (!test) return 'unknown';
    const environment = classifyPyCondition(module, test);
    if (environment !== 'unknown') return environment;
  }
  return 'unknown';
}

function blocksOf(module: PyModule, context: PyRuleContext): FlaskConfigBlock[] {
  const blocks: FlaskConfigBlock[] = [];
  const fileEnvironment = environmentOfLabel(module.file.replace(/\.py$/, '').split('/').pop() ?? '');
  if (module.text.includes('config')) {
    blocks.push(...callBlocks(module, context), ...subscriptBlocks(module));
  }
  if (module.text.includes('class ')) blocks.push(...classBlocks(module, fileEnvironment));
  const moduleBlock = moduleBlockOf(module, context, fileEnvironment);
  if (moduleBlock) blocks.push(moduleBlock);
  return blocks;
}

/** `app.config.update(KEY=…)`, `app.config.update({…})`, `app.config.from_mapping(…)`. */
function callBlocks(module: PyModule, context: PyRuleContext): FlaskConfigBlock[] {
  const blocks: FlaskConfigBlock[] = [];
  for (const call of callsOf(module)) {
    const parts = callParts(call);
    const callee = parts ? dottedName(module, parts.callee) : null;
    if (!parts || !callee || callee.length < 2 || callee.at(-2) !== 'config') continue;
    if (callee.at(-1) !== 'update' && callee.at(-1) !== 'from_mapping') continue;
    const environment = branchEnvironment(module, call);
    const block: FlaskConfigBlock = {
      kind: 'call',
      module,
      name: callee.slice(0, -1).join('.'),
      anchor: call.from,
      anchorFile: module.file,
      writes: [],
      bases: [],
      devOnly: environment === 'development',
      production: environment === 'production',
      unknownSpread: null,
      callContainer: null,
      bodyOpen: 0,
      template: '',
    };
    const args = argumentsOf(module, parts.argList);
    const positional = args.find((argument) => argument.kind === 'positional');
    let dict: { module: PyModule; node: SyntaxNode } | null = null;
    if (positional) {
      const resolved = resolvePyExpression(module, positional.value, context);
      if ('unknown' in resolved) block.unknownSpread = resolved.unknown;
      else dict = resolved;
    }
    const readEntries = (owner: PyModule, node: SyntaxNode) => {
      if (node.name === 'DictionaryExpression') {
        for (const entry of dictEntriesOf(owner, node)) {
          if (entry.splat) spread(owner, entry.value);
          else if (entry.key !== null)
            block.writes.push({
              key: entry.key,
              module: owner,
              value: entry.value,
              at: entry.span.start,
              statement: null,
            });
        }
      } else {
        for (const argument of argumentsOf(owner, node)) {
          if (argument.kind === 'doublestar') spread(owner, argument.value);
          else if (argument.kind === 'keyword' && argument.name)
            block.writes.push({
              key: argument.name,
              module: owner,
              value: argument.value,
              at: argument.span.start,
              statement: null,
            });
        }
      }
    };
    const spread = (owner: PyModule, value: SyntaxNode) => {
      const resolved = resolvePyExpression(owner, value, context);
      if ('unknown' in resolved)
        block.unknownSpread = `\`**${textOf(owner, value)}\` cannot be read (${resolved.unknown})`;
      else readEntries(resolved.module, resolved.node);
    };
    if (dict) readEntries(dict.module, dict.node);
    readEntries(module, parts.argList);
    if (!block.writes.some((write) => UPPER.test(write.key)) && !block.unknownSpread) continue;
    // New keys go where the author wrote them: into the dict the call is given (`update({...})`,
    // `update(SETTINGS)`, `update(**SETTINGS)` alone), else as keywords of the call.
    const sole = args.length === 1 && args[0]!.kind === 'doublestar' ? args[0]!.value : null;
    const soleDict = sole ? resolvePyExpression(module, sole, context) : null;
    const source = dict ?? (soleDict && !('unknown' in soleDict) ? soleDict : null);
    const target = source ?? { module, node: parts.argList };
    const spans =
      target.node.name === 'DictionaryExpression'
        ? dictEntriesOf(target.module, target.node).map((entry) => entry.span)
        : argumentsOf(target.module, target.node).map((argument) => argument.span);
    block.callContainer = pyContainer(target.module, target.node, spans);
    // Options kept in a named dict are reported where the dict is written.
    if (target.module !== module || target.node.from < call.from || target.node.to > call.to) {
      block.anchor = target.node.from;
      block.anchorFile = target.module.file;
    }
    blocks.push(block);
  }
  return blocks;
}

/** Decorators that make a function run per request: views and request hooks. */
const PER_REQUEST =
  /\.(?:route|get|post|put|patch|delete|before_request|before_app_request|after_request|after_app_request|teardown_request|errorhandler)$/;

/** The innermost function around `node` is a view or a request hook (`@app.before_request`, `@bp.route`). */
function insideRequestHandler(module: PyModule, node: SyntaxNode): boolean {
  let parent = node.parent;
  while (parent && parent.name !== 'FunctionDefinition') parent = parent.parent;
  if (parent?.parent?.name !== 'DecoratedStatement') return false;
  for (let child = parent.parent.firstChild; child; child = child.nextSibling) {
    if (child.name !== 'Decorator') continue;
    const name = textOf(module, child).replace(/^@\s*/, '').replace(/\(.*$/s, '').trim();
    if (PER_REQUEST.test(name)) return true;
  }
  return false;
}

/** Runs of `app.config["KEY"] = value` statements, one block per body and receiver. */
function subscriptBlocks(module: PyModule): FlaskConfigBlock[] {
  if (!module.text.includes('.config[')) return [];
  const groups = new Map<
    string,
    { body: SyntaxNode; statements: SyntaxNode[]; writes: ConfigWrite[]; receiver: string }
  >();
  module.tree.iterate({
    enter(ref) {
      if (ref.name !== 'AssignStatement') return;
      const statement = ref.node;
      const target = statement.firstChild;
      const children = target?.name === 'MemberExpression' ? childrenOf(target) : [];
      if (children[1]?.name !== '[' || !children[0] || !children[2]) return;
      const owner = dottedName(module, children[0]);
      const key = stringLiteral(module, children[2]);
      const value = assignedValue(statement);
      if (!owner || owner.at(-1) !== 'config' || key === null || !UPPER.test(key) || !value) return;
      // Inside a request hook or a view (`@app.before_request`), the write happens per request, often only
      // under a condition: not the app's configuration, and no place for a setting that must always hold.
      if (insideRequestHandler(module, statement)) return false;
      const body = statement.parent!;
      const receiver = owner.join('.');
      const groupKey = `${body.from}:${receiver}`;
      const group = groups.get(groupKey) ?? {
        body,
        statements: [],
        writes: [],
        receiver,
      };
      group.statements.push(statement);
      const quote = /^[a-zA-Z]*(['"])/.exec(textOf(module, children[2]))?.[1] ?? '"';
      group.writes.push({ key, module, value, at: statement.from, statement, quote });
      groups.set(groupKey, group);
      return false;
    },
  });
  return [...groups.values()].map((group) => {
    const environment = branchEnvironment(module, group.statements[0]!);
    return {
      kind: 'subscript' as const,
      module,
      name: group.receiver,
      anchor: group.statements[0]!.from,
      anchorFile: module.file,
      writes: group.writes,
      bases: [],
      devOnly: environment === 'development',
      production: environment === 'production',
      unknownSpread: null,
      callContainer: null,
      bodyOpen: group.body.from,
      template: `${group.receiver}[{q}{key}{q}] = True`,
    };
  });
}

/** Top-level classes named like a config (`Config`, `ProductionConfig`, `Settings`) with UPPERCASE attributes. */
function classBlocks(
  module: PyModule,
  fileEnvironment: { devOnly: boolean; production: boolean },
): FlaskConfigBlock[] {
  const blocks: FlaskConfigBlock[] = [];
  for (let statement = module.tree.topNode.firstChild; statement; statement = statement.nextSibling) {
    if (statement.name !== 'ClassDefinition') continue;
    const children = childrenOf(statement);
    const nameNode = children.find((child) => child.name === 'VariableName');
    const argList = children.find((child) => child.name === 'ArgList');
    const body = children.find((child) => child.name === 'Body');
    if (!nameNode || !body) continue;
    const name = textOf(module, nameNode);
    const bases = argList
      ? argumentsOf(module, argList)
          .filter((argument) => argument.kind === 'positional')
          .map((argument) => dottedName(module, argument.value)?.at(-1) ?? '')
          .filter(Boolean)
      : [];
    if (!CONFIG_CLASS.test(name) && !bases.some((base) => CONFIG_CLASS.test(base))) continue;
    const assignments = childrenOf(body).filter((child) => child.name === 'AssignStatement');
    const writes: ConfigWrite[] = [];
    for (const assignment of assignments) {
      const target = assignment.firstChild;
      const value = assignedValue(assignment);
      if (target?.name !== 'VariableName' || !value) continue;
      const key = textOf(module, target);
      if (UPPER.test(key)) writes.push({ key, module, value, at: assignment.from, statement: assignment });
    }
    // A config class with no settings of its own (`class Config(ServerConfig): pass`) is still one an app loads.
    const environment = environmentOfLabel(name);
    blocks.push({
      kind: 'class',
      module,
      name,
      anchor: statement.from,
      anchorFile: module.file,
      writes,
      bases,
      devOnly: environment.devOnly || (fileEnvironment.devOnly && !environment.production),
      production: environment.production || (fileEnvironment.production && !environment.devOnly),
      unknownSpread: null,
      callContainer: null,
      bodyOpen: body.from,
      template: '{key} = True',
    });
  }
  return blocks;
}

/**
 * A config module: module-level UPPERCASE settings loaded with `from_object` / `from_pyfile`. Only modules that
 * write a cookie key, or production-named ones, in projects that are not Django projects (whose settings
 * modules look the same and belong to the Django rules).
 */
function moduleBlockOf(
  module: PyModule,
  context: PyRuleContext,
  fileEnvironment: { devOnly: boolean; production: boolean },
): FlaskConfigBlock | null {
  if (projectFrameworks(context.project).has('django') || context.project.some(isDjangoSettingsLike))
    return null;
  const writes: ConfigWrite[] = [];
  for (let statement = module.tree.topNode.firstChild; statement; statement = statement.nextSibling) {
    if (statement.name !== 'AssignStatement') continue;
    const target = statement.firstChild;
    const value = assignedValue(statement);
    if (target?.name !== 'VariableName' || !value) continue;
    const key = textOf(module, target);
    if (UPPER.test(key)) writes.push({ key, module, value, at: statement.from, statement });
  }
  const cookieKeys = writes.some((write) => /^(SESSION|REMEMBER)_COOKIE_/.test(write.key));
  const loaded = context.project.some((other) => /\.(from_object|from_pyfile)\s*\(/.test(other.text));
  if (!cookieKeys && !(fileEnvironment.production && loaded && writes.length > 0)) return null;
  return {
    kind: 'module',
    module,
    name: module.file,
    anchor: writes[0]?.at ?? 0,
    anchorFile: module.file,
    writes,
    bases: [],
    devOnly: fileEnvironment.devOnly && !fileEnvironment.production,
    production: fileEnvironment.production,
    unknownSpread: null,
    callContainer: null,
    bodyOpen: module.tree.topNode.from,
    template: '{key} = True',
  };
}

interface Effective {
  write: ConfigWrite | null;
  /** The block that holds the write (a base class for an inherited value). */
  owner: FlaskConfigBlock | null;
}

/** A key's value in a block, following class bases (the first base that sets it wins, as in Python's MRO). */
function effectiveWrite(project: FlaskProject, block: FlaskConfigBlock, key: string, depth = 0): Effective {
  const own = block.writes.filter((write) => write.key === key).at(-1);
  if (own) return { write: own, owner: block };
  if (block.kind !== 'class' || depth > 8) return { write: null, owner: null };
  for (const base of block.bases) {
    const baseBlock = classNamed(project, block.module, base);
    if (!baseBlock) continue;
    const inherited = effectiveWrite(project, baseBlock, key, depth + 1);
    if (inherited.write) return inherited;
  }
  return { write: null, owner: null };
}

function classNamed(project: FlaskProject, from: PyModule, name: string): FlaskConfigBlock | null {
  const classes = project.blocks.filter((block) => block.kind === 'class' && block.name === name);
  return classes.find((block) => block.module === from) ?? (classes.length === 1 ? classes[0]! : null);
}

/** Classes that inherit from `block` and have no subclasses themselves (the configs an app actually loads). */
function leafSubclasses(project: FlaskProject, block: FlaskConfigBlock): FlaskConfigBlock[] {
  if (block.kind !== 'class') return [];
  const leaves: FlaskConfigBlock[] = [];
  const visit = (parent: FlaskConfigBlock, depth: number) => {
    const children = project.blocks.filter(
      (other) =>
        other.kind === 'class' &&
        other.bases.includes(parent.name) &&
        classNamed(project, other.module, parent.name) === parent,
    );
    for (const child of children) {
      if (
        depth < 8 &&
        project.blocks.some((other) => other.kind === 'class' && other.bases.includes(child.name))
      )
        visit(child, depth + 1);
      else leaves.push(child);
    }
  };
  visit(block, 0);
  return leaves;
}

export interface FamilySpec {
  ruleId: string;
  /** `SESSION_COOKIE_` or `REMEMBER_COOKIE_`. */
  prefix: string;
  cookieName: string;
  /** Missing Secure is reported only where the block writes a key of the family (not for production alone). */
  missingNeedsFamilyKey: boolean;
  /** Another family may add a key to the same `update(...)` call (see flaskFamilySites). */
  sharesCalls?: boolean;
}

/** One site per block whose family settings are weak in a config the app can load outside development. */
export function flaskFamilySites(
  project: FlaskProject,
  block: FlaskConfigBlock,
  spec: FamilySpec,
): CookieSite[] {
  if (block.devOnly) return [];
  const secureKey = `${spec.prefix}SECURE`;
  const httpOnlyKey = `${spec.prefix}HTTPONLY`;
  const secure = effectiveWrite(project, block, secureKey);
  const httpOnly = effectiveWrite(project, block, httpOnlyKey);
  const weak = (value: FlagValue) => value.kind === 'false' || value.kind === 'conditional';
  const httpOnlyValue = valueOf(block, httpOnly);
  const flags: Record<'httpOnly' | 'secure', FlagValue> = {
    // HttpOnly is on by default: only a value that turns it off (in production) is worth a word.
    httpOnly:
      httpOnlyValue.kind === 'false' || (httpOnlyValue.kind === 'conditional' && httpOnlyValue.devOnly)
        ? httpOnlyValue
        : { kind: 'absent' },
    secure: valueOf(block, secure),
  };

  // A weak value is reported once, at the class that writes it, unless every config that loads that class
  // overrides it or is a development config.
  for (const [key, effective] of [
    [secureKey, secure],
    [httpOnlyKey, httpOnly],
  ] as const) {
    const value = key === secureKey ? flags.secure : flags.httpOnly;
    if (!weak(value) || !effective.owner) continue;
    if (effective.owner !== block) return [];
    const leaves = leafSubclasses(project, block);
    if (
      leaves.length > 0 &&
      leaves.every((leaf) => leaf.devOnly || effectiveWrite(project, leaf, key).owner !== block)
    )
      return [];
  }

  if (
    (flags.secure.kind === 'absent' || flags.secure.kind === 'unknown') &&
    !missingIsReportable(project, block, spec, secureKey)
  ) {
    if (!weak(flags.httpOnly)) return [];
    flags.secure = {
      kind: 'unknown',
      reason: `\`${secureKey}\` may be set by a config source that was not read`,
    };
  }
  if (flags.secure.kind === 'true' && !weak(flags.httpOnly)) return [];

  const weakWrite = weak(flags.secure) ? secure.write : weak(flags.httpOnly) ? httpOnly.write : null;
  const ownFamily = block.writes.filter((write) => write.key.startsWith(spec.prefix));
  // Statement blocks point at the statement that matters; calls at the call (or the dict they are given).
  const pointer = block.kind === 'call' ? undefined : (weakWrite ?? ownFamily[0]);
  const site: CookieSite = {
    ruleId: spec.ruleId,
    file: pointer?.module.file ?? block.anchorFile,
    offset: pointer?.at ?? block.anchor,
    cookieNames: [spec.cookieName],
    kind: 'session',
    flags,
    keys: { httpOnly: httpOnlyKey, secure: secureKey },
    insertion: insertionFor(block, ownFamily),
    usedAt: [],
    notes: [],
  };
  if (spec.sharesCalls && site.insertion && block.kind === 'call') {
    // The plan groups insertions by container start and writes one key set per container, so when both
    // families add their Secure key to one `update(...)` call they must not share a start. Any offset on the
    // parenthesis' line gives the same layout decisions (insert.ts compares line starts with it).
    const container = site.insertion.container;
    site.insertion = { container: { ...container, open: container.open + 1 }, nest: [] };
  }
  return [site];
}

/**
 * A block that never sets `…_SECURE` is reported only where it configures that cookie (a key of the family, its
 * own or inherited) or is a production config, and where nothing else could set the key.
 */
function missingIsReportable(
  project: FlaskProject,
  block: FlaskConfigBlock,
  spec: FamilySpec,
  secureKey: string,
): boolean {
  if (!configures(project, block, spec)) return false;
  if (project.readsEnvironment || project.mentionedElsewhere(secureKey)) return false;
  const writtenElsewhere = project.blocks.some(
    (other) => other !== block && !other.devOnly && other.writes.some((write) => write.key === secureKey),
  );
  if (writtenElsewhere) return false;
  // A base class whose production subclass is reported itself: the fix goes to the production config.
  return !leafSubclasses(project, block).some(
    (leaf) => !leaf.devOnly && leaf.production && configures(project, leaf, spec),
  );
}

/**
 * Whether a missing `…_SECURE` is this block's to report: it writes keys of the family itself, or it is a
 * production config (for Flask-Login only when its bases configure the remember cookie). A subclass that adds
 * nothing is covered by the report on its base.
 */
function configures(project: FlaskProject, block: FlaskConfigBlock, spec: FamilySpec): boolean {
  if (block.writes.some((write) => write.key.startsWith(spec.prefix))) return true;
  if (!block.production) return false;
  return !spec.missingNeedsFamilyKey || chainWrites(project, block, spec.prefix);
}

function chainWrites(project: FlaskProject, block: FlaskConfigBlock, prefix: string, depth = 0): boolean {
  if (block.writes.some((write) => write.key.startsWith(prefix))) return true;
  if (block.kind !== 'class' || depth > 8) return false;
  return block.bases.some((base) => {
    const baseBlock = classNamed(project, block.module, base);
    return baseBlock !== null && chainWrites(project, baseBlock, prefix, depth + 1);
  });
}

function valueOf(block: FlaskConfigBlock, effective: Effective): FlagValue {
  if (!effective.write) {
    return block.unknownSpread ? { kind: 'unknown', reason: block.unknownSpread } : { kind: 'absent' };
  }
  return evaluatePyFlag(effective.write.module, effective.write.value);
}

function insertionFor(block: FlaskConfigBlock, ownFamily: ConfigWrite[]): CookieSite['insertion'] {
  if (block.kind === 'call') return block.callContainer ? { container: block.callContainer, nest: [] } : null;
  // Next to the family's own settings when there are some, else after the block's last setting. Each family
  // names its own run (its first statement, or the body's start) so two families inserting into one class
  // body are planned separately.
  const runWrites = ownFamily.length > 0 ? ownFamily : block.writes;
  let template = block.template.replaceAll('{q}', runWrites.at(-1)?.quote ?? '"');
  const family = ownFamily
    .map((write) => write.statement)
    .filter((node): node is SyntaxNode => node !== null);
  const all = block.writes
    .map((write) => write.statement)
    .filter((node): node is SyntaxNode => node !== null);
  const run = family.length > 0 ? family : all;
  // Classes written with annotations (`SESSION_COOKIE_HTTPONLY: bool = True`) get an annotated line too.
  const annotated = run.length > 0 && run.every((node) => node.getChild('TypeDef') !== null);
  if (annotated && block.kind === 'class') template = '{key}: bool = True';
  const open = family.length > 0 ? family[0]!.from : block.bodyOpen;
  return { container: pyStatementsContainer(block.module, open, run, template), nest: [] };
}
