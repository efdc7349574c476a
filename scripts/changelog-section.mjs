// Prints one version's section of CHANGELOG.md (the text under `## [1.2.3]` or `## [1.2.3] - date`, up to the
// next `## ` heading or the link definitions at the end), for the release workflow's release notes.
// Usage: node scripts/changelog-section.mjs <version> [changelog file]
import { readFileSync } from 'node:fs';

const [version, file = 'CHANGELOG.md'] = process.argv.slice(2);
if (!version) {
  process.stderr.write('usage: node scripts/changelog-section.mjs <version> [changelog file]\n');
  process.exit(2);
}

const lines = readFileSync(file, 'utf8').split(/\r?\n/);
const heading = (line) => /^## \[([^\]]+)\]/.exec(line)?.[1];
const start = lines.findIndex((line) => heading(line) === version);
if (start === -1) {
  process.stderr.write(`${file} has no section for ${version} (a heading "## [${version}]")\n`);
  process.exit(1);
}

const body = [];
for (const line of lines.slice(start + 1)) {
  if (line.startsWith('## ') || /^\[[^\]]+\]: \S+$/.test(line)) break;
  body.push(line);
}
const text = body.join('\n').trim();
if (text === '') {
  process.stderr.write(`the ${version} section of ${file} is empty\n`);
  process.exit(1);
}
process.stdout.write(`${text}\n`);
