// web-tree-sitter for the languages @lezer has no parser for (Ruby, C#). Its WebAssembly is compiled
// asynchronously, while the scan is synchronous: the entry points await `loadGrammars` for the languages the
// listed files are in before they scan, and the analyzers then parse synchronously.
//
// The .wasm files travel next to the bundles in dist/ (scripts/build.mjs copies them), so the committed
// bundles run without an install; from the sources (tests) they are read from node_modules. Compiling a
// grammar takes 0.1 s or more, so one is loaded only when a scan has a file in its language.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Language, Parser, type Node, type Tree } from 'web-tree-sitter';

export type Grammar = 'ruby' | 'c_sharp';

/** Each grammar's file name and the npm package that ships it. */
const GRAMMAR_FILES: Record<Grammar, { file: string; pkg: string }> = {
  ruby: { file: 'tree-sitter-ruby.wasm', pkg: 'tree-sitter-ruby' },
  c_sharp: { file: 'tree-sitter-c_sharp.wasm', pkg: 'tree-sitter-c-sharp' },
};

const RUNTIME_FILE = { file: 'web-tree-sitter.wasm', pkg: 'web-tree-sitter' };

/** The .wasm files the build copies beside the bundles. */
export const WASM_FILES = [RUNTIME_FILE, ...Object.values(GRAMMAR_FILES)];

let runtime: Promise<void> | null = null;
const loading = new Map<Grammar, Promise<void>>();
const parsers = new Map<Grammar, Parser>();

/** Beside the running bundle first (dist/), then the package in node_modules. */
function wasmPath({ file, pkg }: { file: string; pkg: string }): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const beside = join(here, file);
  if (existsSync(beside)) return beside;
  try {
    return createRequire(import.meta.url).resolve(`${pkg}/${file}`);
  } catch {
    throw new Error(`${file} is missing: it ships beside the cookie-hardener bundle (dist/${file})`);
  }
}

export async function loadGrammars(grammars: Iterable<Grammar>): Promise<void> {
  const wanted = [...new Set(grammars)].filter((grammar) => !parsers.has(grammar));
  if (wanted.length === 0) return;
  runtime ??= Parser.init({ wasmBinary: readFileSync(wasmPath(RUNTIME_FILE)) });
  await runtime;
  await Promise.all(
    wanted.map((grammar) => {
      let pending = loading.get(grammar);
      if (!pending) {
        pending = Language.load(readFileSync(wasmPath(GRAMMAR_FILES[grammar]))).then((language) => {
          const parser = new Parser();
          parser.setLanguage(language);
          parsers.set(grammar, parser);
        });
        loading.set(grammar, pending);
      }
      return pending;
    }),
  );
}

export class GrammarNotLoaded extends Error {
  constructor(grammar: Grammar) {
    super(`the ${grammar} parser was not loaded before the scan (loadGrammars)`);
  }
}

export interface ParsedTree {
  tree: Tree;
  /** ERROR and MISSING nodes: a fix may never add to them. */
  errorCount: number;
}

/**
 * Parses `text`. tree-sitter's offsets count UTF-16 code units when the input is a JavaScript string, so
 * `startIndex`/`endIndex` slice the text directly.
 */
export function parseWith(grammar: Grammar, text: string): ParsedTree {
  const parser = parsers.get(grammar);
  if (!parser) throw new GrammarNotLoaded(grammar);
  const tree = parser.parse(text);
  if (!tree) throw new Error(`the ${grammar} parser returned no tree`);
  return { tree, errorCount: tree.rootNode.hasError ? countErrors(tree.rootNode) : 0 };
}

function countErrors(root: Node): number {
  let count = 0;
  const cursor = root.walk();
  let descend = true;
  for (;;) {
    if (descend) {
      const node = cursor.currentNode;
      if (node.isError || node.isMissing) count++;
      // Subtrees without an error need no visit.
      if (node.hasError && cursor.gotoFirstChild()) continue;
    }
    if (cursor.gotoNextSibling()) {
      descend = true;
      continue;
    }
    if (!cursor.gotoParent()) break;
    descend = false;
  }
  cursor.delete();
  return count;
}
