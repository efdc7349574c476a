// The values a scenario took from the environment are secrets as far as verify knows (a token in a magic-link
// path, a password): anything shown puts the `${NAME}` back in their place, whatever the output format.

const VARIABLE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/**
 * Values shorter than this are left alone: replacing a `1` or an `en` everywhere would garble every URL and
 * hide nothing worth hiding.
 */
const MIN_LENGTH = 4;

/** The `${NAME}`s a scenario value uses, in strings and JSON values at any depth. */
export function variablesIn(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (typeof value === 'string') for (const match of value.matchAll(VARIABLE)) into.add(match[1]!);
  else if (Array.isArray(value)) for (const item of value) variablesIn(item, into);
  else if (value !== null && typeof value === 'object')
    for (const item of Object.values(value)) variablesIn(item, into);
  return into;
}

/** Replaces each used variable's value (as given, and as a URL would encode it) by `${NAME}`. */
export function redactor(
  names: Iterable<string>,
  env: Readonly<Record<string, string | undefined>>,
): (text: string) => string {
  const forms: Array<[string, string]> = [];
  for (const name of names) {
    const value = env[name];
    if (value === undefined || value.length < MIN_LENGTH) continue;
    for (const form of new Set([value, ...encodedForms(value)])) forms.push([form, `\${${name}}`]);
  }
  // Longest first, so a value that contains another is replaced whole.
  forms.sort((a, b) => b[0].length - a[0].length);
  if (forms.length === 0) return (text) => text;
  return (text) => forms.reduce((shown, [form, placeholder]) => shown.split(form).join(placeholder), text);
}

/** How the value reads once a URL path or query carries it. */
function encodedForms(value: string): string[] {
  const forms: string[] = [];
  try {
    forms.push(encodeURIComponent(value));
  } catch {
    // A lone surrogate has no encoded form: only the value itself is replaced.
  }
  forms.push(new URL(`http://host/${value}`).pathname.slice(1));
  forms.push(new URLSearchParams({ v: value }).toString().slice(2));
  return forms.filter((form) => form.length >= MIN_LENGTH);
}

/** A copy of a JSON-shaped value with every string passed through `redact`. */
export function redactDeep<T>(value: T, redact: (text: string) => string): T {
  const walk = (item: unknown): unknown => {
    if (typeof item === 'string') return redact(item);
    if (Array.isArray(item)) return item.map(walk);
    if (item !== null && typeof item === 'object')
      return Object.fromEntries(Object.entries(item).map(([key, inner]) => [key, walk(inner)]));
    return item;
  };
  return walk(value) as T;
}
