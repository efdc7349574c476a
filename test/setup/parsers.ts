// The WebAssembly parsers are compiled asynchronously; the entry points wait for them before a scan, and so do
// the tests, once per worker, before any test scans a Ruby or C# file synchronously.
import { loadGrammars } from '../../src/languages/tree-sitter/runtime.js';

await loadGrammars(['ruby', 'c_sharp']);
