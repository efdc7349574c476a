// The Java cookie sites injected into copies of real files: a method added to the file's first top-level
// class, which sends a Servlet `Cookie` and builds a Spring `ResponseCookie`, with the imports both rules need
// to know the classes. What the file offers is copied into it: as the cookie value its first string literal
// (at the end) or its first variable initializer written over several lines (in the middle), byte for byte;
// its member and statement indentation, its line ending, its first comment that ends a line of code (after
// the last setup call of each cookie), and the continuation indent of its first method chain written over
// several lines (the builder chain is on one line when the file has none).
import type { SyntaxNode } from '@lezer/common';
import { textOf, type JavaModule } from '../../src/languages/java/parse.js';
import { indentationAt, lineBreakOf, lineEndOf, lineStartOf } from '../../src/languages/text.js';
import type { Injection, Placement } from './inject.js';

export const JAVA_METHOD = 'cookieHardenerInjected';

/** The rules each injected method must be fixed by: one site of each. */
export const JAVA_RULE_IDS = ['servlet-cookie', 'spring-response-cookie'] as const;

/**
 * The imports per placement: single-type imports of javax at the end, a jakarta package imported whole in the
 * middle, so both ways the rules resolve a simple name are met.
 */
const JAVA_IMPORTS: Record<Placement, readonly string[]> = {
  end: [
    'import javax.servlet.http.Cookie;',
    'import javax.servlet.http.HttpServletResponse;',
    'import org.springframework.http.ResponseCookie;',
  ],
  middle: ['import jakarta.servlet.http.*;', 'import org.springframework.http.ResponseCookie;'],
};

/** The simple names the injected code relies on; a file with its own meaning for one gets an excuse. */
const INJECTED_NAMES = ['Cookie', 'HttpServletResponse', 'ResponseCookie'];

/** The file's first top-level class (interfaces, enums and records are left alone). */
function firstTopLevelClass(module: JavaModule): SyntaxNode | null {
  for (let node = module.tree.topNode.firstChild; node; node = node.nextSibling) {
    if (node.name === 'ClassDeclaration') return node;
  }
  return null;
}

/** The first string literal or text block, in source order, copied as the cookie value. */
export function firstJavaString(module: JavaModule): SyntaxNode | null {
  let found: SyntaxNode | null = null;
  module.tree.iterate({
    enter(node) {
      if (found) return false;
      if (node.name === 'StringLiteral' || node.name === 'TextBlock') {
        found = node.node;
        return false;
      }
      return undefined;
    },
  });
  return found;
}

/**
 * The first variable initializer whose own text spans lines (a chain, a lambda, an anonymous class): as a
 * cookie value it puts line breaks inside the statements the fixer adds to. Array initializers (`{1, 2}`) are
 * not expressions anywhere else, and one with a parse error would only add errors to the copy.
 */
export function firstMultiLineInitializer(module: JavaModule): SyntaxNode | null {
  let found: SyntaxNode | null = null;
  module.tree.iterate({
    enter(node) {
      if (found) return false;
      if (node.name !== 'VariableDeclarator') return undefined;
      let value = node.node.getChild('AssignOp')?.nextSibling ?? null;
      while (value && (value.name === 'LineComment' || value.name === 'BlockComment'))
        value = value.nextSibling;
      if (
        value &&
        value.name !== 'ArrayInitializer' &&
        textOf(module, value).includes('\n') &&
        !hasErrors(value)
      )
        found = value;
      return undefined;
    },
  });
  return found;
}

/** Whether @lezer/java marks anything inside as an error (a copy of `String.class` would add its false errors). */
function hasErrors(node: SyntaxNode): boolean {
  let error = false;
  node.cursor().iterate((ref) => {
    if (ref.type.isError) error = true;
    return !error;
  });
  return error;
}

/** Error nodes @lezer/java put between two offsets. */
export function javaErrorsWithin(module: JavaModule, from: number, to: number): number {
  let errors = 0;
  module.tree.iterate({
    from,
    to,
    enter(node) {
      if (node.type.isError && node.from >= from && node.to <= to) errors++;
    },
  });
  return errors;
}

/** The first `// comment` after code on its line, copied after the injected setup calls. */
export function firstTrailingComment(module: JavaModule): SyntaxNode | null {
  const text = module.text;
  let found: SyntaxNode | null = null;
  module.tree.iterate({
    enter(node) {
      if (found) return false;
      if (node.name === 'LineComment' && text.slice(lineStartOf(text, node.from), node.from).trim() !== '')
        found = node.node;
      return undefined;
    },
  });
  return found;
}

/** The statement (or declaration) a node belongs to, for the indentation its continuation lines count from. */
function statementOf(node: SyntaxNode): SyntaxNode {
  for (let current: SyntaxNode | null = node; current; current = current.parent) {
    if (/(?:Statement|Declaration)$/.test(current.name)) return current;
  }
  return node;
}

/**
 * How far the file indents a method call that starts its own line (`.filter(…)` under `stream()`), past the
 * line its statement starts on; null when no chain in the file is written over several lines.
 */
export function chainContinuation(module: JavaModule): string | null {
  const text = module.text;
  let found: string | null = null;
  module.tree.iterate({
    enter(node) {
      if (found !== null) return false;
      if (node.name !== 'MethodInvocation') return undefined;
      const dot = node.node.getChild('.');
      if (!dot || text.slice(lineStartOf(text, dot.from), dot.from).trim() !== '') return undefined;
      const own = indentationAt(text, dot.from);
      const base = indentationAt(text, statementOf(node.node).from);
      if (own.length > base.length && own.startsWith(base)) found = own.slice(base.length);
      return undefined;
    },
  });
  return found;
}

/** Why the rules may rightly not see the injected classes: the file gives one of their names another meaning. */
function javaExcuse(module: JavaModule): string | null {
  for (const name of INJECTED_NAMES) {
    if (module.imports.has(name)) return `the file imports another \`${name}\``;
  }
  let declared: string | null = null;
  module.tree.iterate({
    enter(node) {
      if (declared !== null) return false;
      if (!/^(?:Class|Interface|Enum|Record|AnnotationType)Declaration$/.test(node.name)) return undefined;
      const name = node.node.getChild('Definition');
      if (name && INJECTED_NAMES.includes(textOf(module, name))) declared = textOf(module, name);
      return undefined;
    },
  });
  return declared === null ? null : `the file declares its own \`${declared}\``;
}

/** The line start above a member and the comment lines right on top of it (its doc comment). */
function aboveDocComment(text: string, member: SyntaxNode): number | null {
  let top = member;
  for (let above = member.prevSibling; above; above = above.prevSibling) {
    if (above.name !== 'LineComment' && above.name !== 'BlockComment') break;
    if (/\n[ \t\r]*\n/.test(text.slice(above.to, top.from))) break;
    if (text.slice(lineStartOf(text, above.from), above.from).trim() !== '') break;
    top = above;
  }
  const lineStart = lineStartOf(text, top.from);
  return text.slice(lineStart, top.from).trim() === '' ? lineStart : null;
}

export interface JavaLayout {
  memberIndent: string;
  unit: string;
  eol: string;
  /** The continuation indent of a chain over several lines; null for a chain on one line. */
  continuation: string | null;
  /** A `// comment` for the end of the last setup line of each cookie, or ''. */
  comment: string;
}

/** The injected method, each line at the file's indentation; `value` is the cookie value's expression. */
export function javaMethod(layout: JavaLayout, value: string): string {
  const { memberIndent, unit, eol, continuation } = layout;
  const statement = `${memberIndent}${unit}`;
  const comment = layout.comment === '' ? '' : ` ${layout.comment}`;
  const chain =
    continuation === null
      ? [
          `${statement}ResponseCookie spring = ResponseCookie.from("session", ${value}).path("/").build();${comment}`,
        ]
      : [
          `${statement}ResponseCookie spring = ResponseCookie.from("session", ${value})`,
          `${statement}${continuation}.path("/")${comment}`,
          `${statement}${continuation}.build();`,
        ];
  return [
    `${memberIndent}void ${JAVA_METHOD}(HttpServletResponse response, String token) {`,
    `${statement}Cookie session = new Cookie("session", ${value});`,
    `${statement}session.setPath("/");${comment}`,
    `${statement}response.addCookie(session);`,
    ...chain,
    `${statement}response.addHeader("Set-Cookie", spring.toString());`,
    `${memberIndent}}`,
  ].join(eol);
}

/**
 * Copies of a Java file whose first top-level class gets the injected method: before the closing brace of its
 * body ('end') and above its first member and that member's doc comment ('middle'), with the imports after the
 * file's last import (or its package declaration). None when the file has no class.
 */
export function injectJava(module: JavaModule): Injection[] {
  const text = module.text;
  const type = firstTopLevelClass(module);
  const body = type?.getChild('ClassBody');
  if (!type || !body) return [];
  const eol = lineBreakOf(text);
  const members: SyntaxNode[] = [];
  for (let child = body.firstChild; child; child = child.nextSibling) {
    if (!['{', '}', 'LineComment', 'BlockComment'].includes(child.name)) members.push(child);
  }
  const first = members[0];
  const classIndent = indentationAt(text, type.from);
  const ownLine = (node: SyntaxNode) => text.slice(lineStartOf(text, node.from), node.from).trim() === '';
  const memberIndent =
    first && ownLine(first)
      ? indentationAt(text, first.from)
      : `${classIndent}${/^\t/m.test(text) ? '\t' : '    '}`;
  const unit =
    memberIndent.length > classIndent.length && memberIndent.startsWith(classIndent)
      ? memberIndent.slice(classIndent.length)
      : '    ';
  const comment = firstTrailingComment(module);
  const layout: JavaLayout = {
    memberIndent,
    unit,
    eol,
    continuation: chainContinuation(module),
    // @lezer/java's line comment runs up to the \n, so in a CRLF file it holds the \r.
    comment: comment ? textOf(module, comment).replace(/\r$/, '') : '',
  };
  const literal = firstJavaString(module);
  const initializer = firstMultiLineInitializer(module) ?? literal;
  const methods: Record<Placement, string> = {
    end: javaMethod(layout, literal ? textOf(module, literal) : 'token'),
    middle: javaMethod(layout, initializer ? textOf(module, initializer) : 'token'),
  };
  const excuse = javaExcuse(module);

  // The imports go on new lines after the last import, or after the package declaration, comments that end
  // their line kept on it.
  let anchor: SyntaxNode | null = null;
  for (let node = module.tree.topNode.firstChild; node && node.from < type.from; node = node.nextSibling) {
    if (node.name === 'ImportDeclaration' || node.name === 'PackageDeclaration') anchor = node;
  }
  const importsAt = anchor ? lineEndOf(text, anchor.to) : 0;
  const build = (placement: Placement, at: number, before: string, after: string): Injection => {
    const method = methods[placement];
    const added = `${before}${method}${after}`;
    const lines = JAVA_IMPORTS[placement].join(eol);
    const imports =
      anchor === null
        ? `${lines}${eol}${eol}`
        : anchor.name === 'PackageDeclaration'
          ? `${eol}${eol}${lines}`
          : `${eol}${lines}`;
    const start = at + imports.length + before.length;
    return {
      placement,
      excuse,
      text: `${text.slice(0, importsAt)}${imports}${text.slice(importsAt, at)}${added}${text.slice(at)}`,
      start,
      end: start + method.length,
      optionsStart: start,
      rules: JAVA_RULE_IDS,
    };
  };

  const injections: Injection[] = [];
  const close = body.lastChild;
  if (close?.name === '}' && ownLine(close)) {
    injections.push(build('end', lineStartOf(text, close.from), eol, eol));
  }
  const above = first ? aboveDocComment(text, first) : null;
  if (above !== null) injections.push(build('middle', above, '', `${eol}${eol}`));
  return injections;
}
