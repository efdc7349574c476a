// Names of the enforced attributes as people write them in the config file and the action inputs.
import type { Attribute, SameSiteValue } from './model.js';

const NAMES: Record<string, Attribute> = { httponly: 'httpOnly', secure: 'secure', samesite: 'sameSite' };
const ORDER: readonly Attribute[] = ['httpOnly', 'secure', 'sameSite'];

/** How each attribute is written in a Set-Cookie header, and so in every message. */
export const ATTRIBUTE_LABEL: Record<Attribute, string> = {
  httpOnly: 'HttpOnly',
  secure: 'Secure',
  sameSite: 'SameSite',
};

export type AttributeSetting =
  { attribute: Attribute; enabled: boolean; sameSite?: SameSiteValue } | { error: string };

/**
 * One `name: value` setting: `secure: true`, `httpOnly: false`, `sameSite: strict` (a value turns SameSite
 * on with that value; `true` means `lax`).
 */
export function readAttributeSetting(name: unknown, value: unknown): AttributeSetting {
  const attribute = typeof name === 'string' ? NAMES[name.toLowerCase()] : undefined;
  if (!attribute) return { error: `unknown flag \`${String(name)}\`: use httpOnly, secure or sameSite` };
  if (typeof value === 'boolean') return { attribute, enabled: value };
  if (attribute === 'sameSite' && typeof value === 'string') {
    const lowered = value.toLowerCase();
    if (lowered === 'lax' || lowered === 'strict') return { attribute, enabled: true, sameSite: lowered };
    return { error: `\`sameSite\` must be lax, strict, true or false (got "${value}")` };
  }
  return {
    error:
      attribute === 'sameSite'
        ? '`sameSite` must be lax, strict, true or false'
        : `\`flags.${String(name)}\` must be true or false`,
  };
}

export function sortAttributes(attributes: readonly Attribute[]): Attribute[] {
  return [...new Set(attributes)].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));
}
