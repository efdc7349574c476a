// Twisted web `Request.addCookie(k, v, expires=None, domain=None, path=None, max_age=None, comment=None,
// secure=None, httpOnly=False, sameSite=None)`: each flag is written only when truthy, so both are off unless
// passed (by keyword, or eighth / ninth by position). Klein hands handlers the same request object.
import type { SyntaxNode } from '@lezer/common';
import {
  enclosingClass,
  methodOwner,
  receiverClass,
  type FrameworkClasses,
  type PyClass,
} from '../languages/py-classes.js';
import {
  argumentsOf,
  callParts,
  callsOf,
  dottedName,
  evaluatePyFlag,
  stringLiteral,
  textOf,
  type PyArgument,
  type PyModule,
} from '../languages/python.js';
import { readPyFlag, readPyOptions } from '../languages/py-options.js';
import type { CookieSite } from '../model.js';
import {
  behindStarArguments,
  isPyCookieDeletion,
  kindOfExpression,
  passesCallerKwargs,
  placeCallOptions,
  withheld,
} from './py-call-site-common.js';
import type { PyRule, PyRuleContext } from './rule.js';

/** `addCookie`'s parameters in order: positional index is the position in this list. */
const PARAMETERS = [
  'k',
  'v',
  'expires',
  'domain',
  'path',
  'max_age',
  'comment',
  'secure',
  'httpOnly',
  'sameSite',
];
const PACKAGES = ['twisted', 'klein'];
/** What a request is called where the file itself imports nothing from Twisted. */
const REQUEST_NAME = /^(?:request|req|self\.request)$/;

const TWISTED_CLASSES: FrameworkClasses = {
  owns: (name) => /^twisted\.web\.[\w.]*Request$/.test(name),
  neutral: (name) => PACKAGES.includes(name.split('.')[0] ?? '') || /^(?:builtins|typing|abc)\./.test(name),
};

export const twistedAddCookie: PyRule = {
  meta: {
    id: 'twisted-add-cookie',
    framework: 'twisted',
    language: 'python',
    api: 'request.addCookie()',
    description: 'Twisted web (and Klein) `request.addCookie(...)` calls.',
    defaults: { httpOnly: 'off', secure: 'off' },
  },
  findSites(module, context) {
    if (!module.text.includes('addCookie')) return [];
    const ownImport = importsTwisted(module);
    if (!ownImport && !context.project.some(importsTwisted)) return [];
    const sites: CookieSite[] = [];
    for (const call of callsOf(module)) {
      const parts = callParts(call);
      const callee = parts ? dottedName(module, parts.callee) : null;
      if (!parts || !callee || callee.length < 2 || callee.at(-1) !== 'addCookie') continue;
      const receiverText = callee.slice(0, -1).join('.');
      if (!ownImport && !REQUEST_NAME.test(receiverText)) continue;
      const owner = receiverOwner(module, call, callee, context);
      if (owner.kind === 'not-twisted') continue;
      const args = argumentsOf(module, parts.argList);
      const argument = (name: string) =>
        args.find((candidate) => candidate.kind === 'keyword' && candidate.name === name)?.value ??
        args.filter((candidate) => candidate.kind === 'positional')[PARAMETERS.indexOf(name)]?.value;
      const nameNode = argument('k');
      if (!nameNode) continue;
      if (isPyCookieDeletion(module, argument('v'), argument)) continue;
      if (passesCallerKwargs(module, call, args)) continue;

      const identity = (key: string) => key;
      const view = readPyOptions(module, parts.argList, context, identity);
      const positional = args.filter((candidate) => candidate.kind === 'positional');
      const flagAt = (key: 'secure' | 'httpOnly') => {
        const node = positional[PARAMETERS.indexOf(key)]?.value;
        return node ? evaluatePyFlag(module, node) : readPyFlag(view, key);
      };
      const cookieName = stringLiteral(module, nameNode);
      const valueNode = argument('v');
      const site: CookieSite = {
        ruleId: this.meta.id,
        file: module.file,
        offset: call.from,
        cookieNames: cookieName === null ? [] : [cookieName],
        kindHint: cookieName === null ? kindOfExpression(module, nameNode) : undefined,
        ...(valueNode ? { valueText: textOf(module, valueNode) } : {}),
        flags: { httpOnly: flagAt('httpOnly'), secure: flagAt('secure') },
        keys: { httpOnly: 'httpOnly', secure: 'secure' },
        insertion: null,
        usedAt: [],
        notes: [],
      };
      placeCallOptions(site, module, call, view, context, identity);
      const doubt = owner.kind === 'unknown' ? owner.reason : argumentMismatch(args);
      if (doubt !== null) withheld(site, doubt);
      const star = args.find((candidate) => candidate.kind === 'star');
      if (star) behindStarArguments(site, module, star.value);
      sites.push(site);
    }
    return sites;
  },
};

function importsTwisted(module: PyModule): boolean {
  for (const binding of module.imports.values()) {
    if (PACKAGES.includes(binding.module.split('.')[0] ?? '')) return true;
  }
  return false;
}

type Owner = { kind: 'twisted' } | { kind: 'not-twisted' } | { kind: 'unknown'; reason: string };

/**
 * Whose `addCookie` the call reaches: `self` in a class, a local built by a constructor, or an annotated
 * parameter are decided by their class; a handler's plain `request` parameter is Twisted's.
 */
function receiverOwner(
  module: PyModule,
  call: SyntaxNode,
  callee: readonly string[],
  context: PyRuleContext,
): Owner {
  const judge = (cls: PyClass): Owner => {
    const owner = methodOwner(cls, 'addCookie', TWISTED_CLASSES, context.load);
    switch (owner.kind) {
      case 'framework':
        return { kind: 'twisted' };
      case 'unknown':
        return {
          kind: 'unknown',
          reason: `\`${cls.name}\` derives from \`${owner.base}\`, which is outside the project, so it may not be Twisted's \`addCookie\``,
        };
      default:
        // A project class with its own `addCookie`, or one unrelated to Twisted's request.
        return { kind: 'not-twisted' };
    }
  };
  const receiver = callee.at(-2)!;
  if (callee.length === 2 && receiver === 'self') {
    const cls = enclosingClass(module, call);
    return cls ? judge(cls) : { kind: 'not-twisted' };
  }
  // A cookie jar or an HTTP client (`self.client.addCookie`) is not a request; a longer chain is only the
  // request when it is named like one (`self.request`).
  if (/jar|client/i.test(receiver)) return { kind: 'not-twisted' };
  if (callee.length !== 2) {
    return /^(?:request|req)$/i.test(receiver)
      ? { kind: 'twisted' }
      : { kind: 'unknown', reason: `\`${callee.slice(0, -1).join('.')}\` may not be Twisted's request` };
  }
  const resolved = receiverClass(module, call, receiver, context.load);
  if (!resolved) return { kind: 'twisted' };
  if (resolved.kind === 'class') return judge(resolved.cls);
  if (resolved.kind === 'external') {
    if (TWISTED_CLASSES.owns(resolved.name)) return { kind: 'twisted' };
    // `IRequest` and other Twisted names used as annotations describe the same request.
    if (TWISTED_CLASSES.neutral(resolved.name)) return { kind: 'twisted' };
    return { kind: 'not-twisted' };
  }
  return { kind: 'twisted' };
}

function argumentMismatch(args: readonly PyArgument[]): string | null {
  const positional = args.filter((argument) => argument.kind === 'positional').length;
  if (positional > PARAMETERS.length) {
    return `\`addCookie\` takes at most ${PARAMETERS.length} positional arguments and this call passes ${positional}, so it may be another method of that name`;
  }
  const unknown = args.find(
    (argument) => argument.kind === 'keyword' && !PARAMETERS.includes(argument.name ?? ''),
  );
  if (unknown)
    return `\`addCookie\` has no \`${unknown.name}\` keyword, so this may be another method of that name`;
  return null;
}
