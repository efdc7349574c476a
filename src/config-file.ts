// The repository configuration file (`.github/cookie-hardener.yml`): parsed and validated into the same
// Config the CLI and the action use. Every mistake names the file, the line and the key.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair } from 'yaml';
import { DEFAULT_CONFIG, type Config, type RuleSetting } from './config.js';
import { UsageError } from './errors.js';
import {
  collectFlags,
  readAttributeSetting,
  readFlagEntry,
  type AttributeSetting,
  type FlagSetting,
} from './attributes.js';
import type { Attribute, SameSiteValue } from './model.js';

export const DEFAULT_CONFIG_PATH = '.github/cookie-hardener.yml';

export class ConfigError extends UsageError {
  override name = 'ConfigError';
  constructor(
    readonly file: string,
    readonly line: number,
    reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
  }
}

const TOP_LEVEL_KEYS = ['paths', 'exclude', 'flags', 'rules', 'fix-tests'] as const;
const RULE_SETTINGS: readonly RuleSetting[] = ['off', 'report', 'fix'];

/** Parses the file's text. `knownRules` are the rule ids a `rules:` key may name. */
export function parseConfigFile(file: string, text: string, knownRules: readonly string[]): Config {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const lineOf = (node: Node | null | undefined) => (node?.range ? lines.linePos(node.range[0]).line : 1);
  const firstError = document.errors[0];
  if (firstError) {
    const line = firstError.linePos?.[0]?.line ?? 1;
    throw new ConfigError(file, line, `not valid YAML: ${firstError.message.split('\n')[0]}`);
  }
  const config: Config = { ...DEFAULT_CONFIG, flags: [...DEFAULT_CONFIG.flags], rules: {} };
  const root = document.contents;
  if (root === null || (isScalar(root) && root.value === null)) return config;
  if (!isMap(root))
    throw new ConfigError(file, lineOf(root), 'the file must be a mapping of settings (key: value)');

  for (const pair of root.items) {
    const keyNode = pair.key as Node;
    const key = isScalar(keyNode) ? String(keyNode.value) : '';
    const value = pair.value as Node | null;
    const line = lineOf(keyNode);
    switch (key) {
      case 'paths':
      case 'exclude':
        config[key] = stringList(file, key, value, lineOf(value) || line);
        break;
      case 'fix-tests':
        if (!isScalar(value) || typeof value.value !== 'boolean') {
          throw new ConfigError(file, lineOf(value) || line, '`fix-tests` must be true or false');
        }
        config.fixTests = value.value;
        break;
      case 'flags':
        ({ flags: config.flags, sameSite: config.sameSite } = flagList(file, value, line, lineOf));
        break;
      case 'rules':
        config.rules = ruleSettings(file, value, line, knownRules, lineOf);
        break;
      default: {
        const suggestion = TOP_LEVEL_KEYS.find(
          (known) => known.replace('-', '') === key.toLowerCase().replace(/[-_]/g, ''),
        );
        // Only a near miss of a setting is quoted back: any other key may be the first line of a file
        // that is not a config at all, and an error message is no place to show its contents.
        throw new ConfigError(
          file,
          line,
          suggestion
            ? `unknown setting \`${key}\` (did you mean \`${suggestion}\`?); known: ${TOP_LEVEL_KEYS.join(', ')}`
            : `unknown setting; known: ${TOP_LEVEL_KEYS.join(', ')}`,
        );
      }
    }
  }
  return config;
}

function stringList(file: string, key: string, value: Node | null, line: number): string[] {
  if (isScalar(value) && typeof value.value === 'string') return [value.value];
  if (!isSeq(value)) throw new ConfigError(file, line, `\`${key}\` must be a list of paths or globs`);
  return value.items.map((item) => {
    if (!isScalar(item) || typeof item.value !== 'string' || item.value.trim() === '') {
      throw new ConfigError(file, line, `\`${key}\` entries must be non-empty strings`);
    }
    return item.value.trim();
  });
}

function flagList(
  file: string,
  value: Node | null,
  line: number,
  lineOf: (node: Node | null) => number,
): { flags: Attribute[]; sameSite: SameSiteValue } {
  const settings: FlagSetting[] = [];
  const read = (at: number, setting: AttributeSetting) => {
    if ('error' in setting) throw new ConfigError(file, at, setting.error);
    settings.push(setting);
  };
  const readPair = (pair: Pair<unknown, unknown>, at: number) =>
    read(
      at,
      readAttributeSetting(
        isScalar(pair.key) ? pair.key.value : undefined,
        isScalar(pair.value) ? pair.value.value : undefined,
      ),
    );
  if (isSeq(value)) {
    // `[secure, sameSite=strict]` as the action input spells it; `[secure, sameSite: strict]` is a one-pair
    // mapping to YAML, read the same way.
    for (const item of value.items) {
      const at = lineOf(item as Node) || line;
      if (isScalar(item) && typeof item.value === 'string') read(at, readFlagEntry(item.value));
      else if (isMap(item) && item.items.length === 1) readPair(item.items[0]!, at);
      else read(at, readAttributeSetting(isScalar(item) ? item.value : undefined, true));
    }
  } else if (isMap(value)) {
    for (const pair of value.items) readPair(pair, lineOf(pair.key as Node) || line);
  } else {
    throw new ConfigError(
      file,
      line,
      '`flags` must be a list (`[httpOnly, secure, sameSite=strict]`) or a mapping (`secure: true`, `sameSite: strict`)',
    );
  }
  const collected = collectFlags(settings);
  if ('error' in collected) throw new ConfigError(file, line, collected.error);
  return collected;
}

function ruleSettings(
  file: string,
  value: Node | null,
  line: number,
  knownRules: readonly string[],
  lineOf: (node: Node | null) => number,
): Record<string, RuleSetting> {
  if (!isMap(value)) throw new ConfigError(file, line, '`rules` must map rule ids to off, report or fix');
  const settings: Record<string, RuleSetting> = {};
  for (const pair of value.items) {
    const at = lineOf(pair.key as Node) || line;
    const id = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!knownRules.includes(id)) {
      const close = knownRules.filter((known) => known.startsWith(id.split('-')[0] ?? '')).slice(0, 3);
      throw new ConfigError(
        file,
        at,
        `unknown rule \`${id}\`${close.length > 0 ? ` (rules of that framework: ${close.join(', ')})` : ''}`,
      );
    }
    const setting = isScalar(pair.value) ? pair.value.value : undefined;
    if (typeof setting !== 'string' || !RULE_SETTINGS.includes(setting as RuleSetting)) {
      throw new ConfigError(
        file,
        lineOf(pair.value as Node) || at,
        `rule \`${id}\` must be set to off, report or fix`,
      );
    }
    settings[id] = setting as RuleSetting;
  }
  return settings;
}
