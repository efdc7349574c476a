// A Quart project is checked by the Flask rules (Werkzeug's `set_cookie`, Flask's config keys), so its
// dependency on `quart` alone must count as using them: before, a project whose requirements named only Quart
// had every Werkzeug fix withheld as "the project does not use werkzeug".
import { expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { scanFiles } from '../../src/scan.js';

it('fixes set_cookie in a project whose only dependency is Quart', () => {
  const view = [
    'from quart import Quart, make_response',
    '',
    'app = Quart(__name__)',
    '',
    '@app.route("/")',
    'async def index():',
    '    resp = await make_response("ok")',
    '    resp.set_cookie("sid", new_sid())',
    '    return resp',
    '',
  ].join('\n');
  const texts = new Map([
    ['requirements.txt', 'quart>=0.19\n'],
    ['app.py', view],
  ]);
  const result = scanFiles({
    files: ['app.py'],
    evidenceFiles: ['requirements.txt'],
    read: (file) => ({ text: texts.get(file)! }),
    config: DEFAULT_CONFIG,
  });
  expect(result.findings.map((finding) => [finding.ruleId, finding.outcome])).toEqual([
    ['flask-set-cookie', 'fixable'],
  ]);
  expect(result.changes.map((change) => change.after)).toEqual([
    view.replace('new_sid())', 'new_sid(), httponly=True, secure=True)'),
  ]);
});
