// Names of the enforced attributes as people write them, and the one reader of a `flags` setting: the action
// input and the config file accept the same spellings (`secure`, `secure=false`, `sameSite=strict`,
// `sameSite: strict`) and give the same errors.
import type { Attribute, SameSiteValue } from './model.js';

const NAMES: Record<string, Attribute> = { httponly: 'httpOnly', secure: 'secure', samesite: 'sameSite' };
const ORDER: readonly Attribute[] = ['httpOnly', 'secure', 'sameSite'];

/** How each attribute is written in a Set-Cookie header, and so in every message. */
export const ATTRIBUTE_LABEL: Record<Attribute, string> = {
  httpOnly: 'HttpOnly',
  secure: 'Secure',
  sameSite: 'SameSite',
};

export interface FlagSetting {
  attribute: Attribute;
  enabled: boolean;
  sameSite?: SameSiteValue;
}
export type AttributeSetting = FlagSetting | { error: string };

/**
 * One `name: value` setting: `secure: true`, `httpOnly: false`, `sameSite: strict` (a value turns SameSite
 * on with that value; `true` means `lax`). Values may be booleans or their text (`"false"`), as an input
 * string carries them.
 */
export function readAttributeSetting(name: unknown, value: unknown): AttributeSetting {
  const attribute = typeof name === 'string' ? NAMES[name.trim().toLowerCase()] : undefined;
  if (!attribute) return { error: `unknown flag \`${String(name)}\`: use httpOnly, secure or sameSite` };
  const text = typeof value === 'string' ? value.trim().toLowerCase() : null;
  if (typeof value === 'boolean' || text === 'true' || text === 'false') {
    return { attribute, enabled: value === true || text === 'true' };
  }
  if (attribute === 'sameSite' && text !== null) {
    if (text === 'lax' || text === 'strict') return { attribute, enabled: true, sameSite: text };
    return { error: `\`sameSite\` must be lax, strict, true or false (got "${String(value).trim()}")` };
  }
  return {
    error:
      attribute === 'sameSite'
        ? '`sameSite` must be lax, strict, true or false'
        : `\`${attribute}\` must be true or false${text !== null ? ` (got "${String(value).trim()}")` : ''}`,
  };
}

/**
 * One entry of a flags list as text: `secure` (on), `secure=false`, `sameSite=strict`, or the same with a
 * colon (`sameSite: strict`), which is how the mapping form of the config file spells it.
 */
export function readFlagEntry(entry: string): AttributeSetting {
  const separator = /[=:]/.exec(entry);
  if (!separator) return readAttributeSetting(entry, true);
  const value = entry.slice(separator.index + 1).trim();
  if (value === '') return { error: `\`${entry.trim()}\` has no value after "${separator[0]}"` };
  return readAttributeSetting(entry.slice(0, separator.index), value);
}

/**
 * The attributes to enforce and the SameSite value, from settings already read (in order: a later entry for
 * the same attribute wins), or an error when none is left on.
 */
export function collectFlags(
  settings: readonly FlagSetting[],
): { flags: Attribute[]; sameSite: SameSiteValue } | { error: string } {
  const enabled = new Map<Attribute, boolean>();
  let sameSite: SameSiteValue = 'lax';
  for (const setting of settings) {
    enabled.set(setting.attribute, setting.enabled);
    if (setting.sameSite) sameSite = setting.sameSite;
  }
  const flags = sortAttributes([...enabled].filter(([, on]) => on).map(([attribute]) => attribute));
  if (flags.length === 0) return { error: '`flags` must enforce at least one flag' };
  return { flags, sameSite };
}

/**
 * A flags list written as text entries (the action's `flags` input, the CLI's `--flags`): every bad entry is
 * named, so one run shows all the mistakes.
 */
export function parseFlagEntries(
  entries: readonly string[],
): { flags: Attribute[]; sameSite: SameSiteValue } | { errors: string[] } {
  const settings: FlagSetting[] = [];
  const errors: string[] = [];
  for (const entry of entries) {
    const setting = readFlagEntry(entry);
    if ('error' in setting) errors.push(setting.error);
    else settings.push(setting);
  }
  if (errors.length > 0) return { errors };
  const collected = collectFlags(settings);
  return 'error' in collected ? { errors: [collected.error] } : collected;
}

function sortAttributes(attributes: readonly Attribute[]): Attribute[] {
  return [...new Set(attributes)].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));
}
