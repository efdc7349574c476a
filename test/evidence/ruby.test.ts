// Ruby projects as the evidence index sees them: Rails views read as templates, `config.force_ssl = true` as
// a setting that makes every cookie of the app Secure, `#` comments that say the app serves plain HTTP, and
// `request.ssl?` as a Secure that follows the request.
import { describe, expect, it } from 'vitest';
import { evidenceFileKind } from '../../src/evidence/files.js';
import { findForcedSecure } from '../../src/evidence/forced-secure.js';
import { followsRequestScheme } from '../../src/evidence/request-scheme.js';
import { Source } from '../../src/evidence/source.js';
import { followRequest } from '../../src/fix/request-secure.js';
import { rackSetCookie } from '../../src/rules/rack-set-cookie.js';
import { railsCookies } from '../../src/rules/rails-cookies.js';
import { parseRuby } from '../../src/languages/ruby/parse.js';
import { scanProject as scan } from './scan-project.js';

const CONTROLLER = `class SessionsController < ApplicationController
  def create
    cookies[:session_hint] = { value: current_user.hint, secure: true }
  end
end
`;

function sitesOf(rule: typeof railsCookies, file: string, text: string) {
  const module = parseRuby(file, text);
  try {
    return rule.findSites(module);
  } finally {
    module.tree.delete();
  }
}

describe('Ruby evidence', () => {
  it('reads Rails views as templates', () => {
    expect(evidenceFileKind('app/views/sessions/new.html.erb')).toBe('template');
  });

  it('leaves HttpOnly off a cookie a Rails view reads in its inline script', () => {
    const result = scan({
      'app/controllers/sessions_controller.rb': CONTROLLER,
      'app/views/sessions/new.html.erb':
        "<%= form_with url: login_path do |f| %><% end %>\n<script>\n  const hint = document.cookie.split('; ').find((row) => row.startsWith('session_hint='));\n</script>\n",
    });
    expect(
      result.findings.map((finding) => [finding.cookie, finding.outcome, finding.notChangedReasons]),
    ).toEqual([
      [
        'session_hint',
        'manual',
        [
          'browser code in this project uses the cookie, and HttpOnly would hide it from that code: browser code parses `document.cookie` for `session_hint` (an inline script of a template) (app/views/sessions/new.html.erb:3)',
        ],
      ],
    ]);
    expect(result.changes).toEqual([]);
  });

  it('takes config.force_ssl = true in production or application.rb as Secure for the app that holds it', () => {
    const production = 'Rails.application.configure do\n  config.force_ssl = true\nend\n';
    expect(
      findForcedSecure(new Source('shop/config/environments/production.rb', production, 'ruby')),
    ).toEqual([
      {
        file: 'shop/config/environments/production.rb',
        line: 2,
        fact: '`config.force_ssl = true`: Rails marks every cookie of the app Secure, the session cookie included',
        framework: 'rails',
        folder: 'shop',
      },
    ]);
    expect(findForcedSecure(new Source('config/application.rb', production, 'ruby'))[0]?.folder).toBe('');
    // Commented out, turned off, in another environment or in another language: nothing.
    const commented = 'Rails.application.configure do\n  # config.force_ssl = true\nend\n';
    expect(findForcedSecure(new Source('config/environments/production.rb', commented, 'ruby'))).toEqual([]);
    const off = production.replace('true', 'false');
    expect(findForcedSecure(new Source('config/environments/production.rb', off, 'ruby'))).toEqual([]);
    expect(findForcedSecure(new Source('config/environments/staging.rb', production, 'ruby'))).toEqual([]);
    const uncookied = production.replace(
      'end',
      '  config.ssl_options = { hsts: false, secure_cookies: false }\nend',
    );
    expect(findForcedSecure(new Source('config/environments/production.rb', uncookied, 'ruby'))).toEqual([]);
  });

  it('applies force_ssl to the cookies of its own app only, and not to middleware in config.ru', () => {
    const production = 'Rails.application.configure do\n  config.force_ssl = true\nend\n';
    const insecure = CONTROLLER.replace('secure: true', 'httponly: true');
    const result = scan({
      'shop/config/environments/production.rb': production,
      'shop/app/controllers/sessions_controller.rb': insecure,
      'shop/config.ru':
        "use Rack::Session::Cookie, key: 'shop.session', secret: ENV['SECRET']\nrun Rails.application\n",
      'blog/app/controllers/sessions_controller.rb': insecure,
    });
    expect(result.findings.map((finding) => [finding.file, finding.problems])).toEqual([
      ['blog/app/controllers/sessions_controller.rb', ['secure-missing']],
      ['shop/config.ru', ['secure-missing']],
    ]);
  });

  it('keeps Secure off a cookie next to a comment saying the app serves plain HTTP', () => {
    const result = scan({
      'app/controllers/sessions_controller.rb': CONTROLLER.replace(
        '    cookies',
        '    # The kiosk is served over plain HTTP until the certificate arrives.\n    cookies',
      ).replace('secure: true', 'httponly: true'),
    });
    expect(result.findings.map((finding) => [finding.problems, finding.outcome])).toEqual([
      [['secure-missing'], 'manual'],
    ]);
    expect(result.findings[0]?.evidence.map((fact) => fact.fact)).toEqual([
      'a comment says "The kiosk is served over plain HTTP until the certificate arrives."',
    ]);
  });

  it('reads request.ssl? as following the request, and writes it where the request is in scope', () => {
    expect(followsRequestScheme('request.ssl?')).toBe(true);
    expect(followsRequestScheme('Rails.env.ssl_enabled')).toBe(false);
    const text = CONTROLLER.replace(', secure: true', '');
    const [site] = sitesOf(railsCookies, 'app/controllers/sessions_controller.rb', text);
    expect(followRequest(site!, railsCookies.meta, text)?.value).toBe('request.ssl?');
    // A block variable named request is not the controller's request.
    const shadowed = text
      .replace('  def create\n', '  def create\n    jobs.each do |request|\n')
      .replace('  end\nend', '  end\n  end\nend');
    const [inBlock] = sitesOf(railsCookies, 'app/controllers/sessions_controller.rb', shadowed);
    expect(followRequest(inBlock!, railsCookies.meta, shadowed)).toBeNull();
    // Middleware has no request to ask.
    const middleware =
      "class Stamp\n  def call(env)\n    Rack::Utils.set_cookie_header!(headers, 'sid', { value: env['sid'] })\n  end\nend\n";
    const [header] = sitesOf(rackSetCookie, 'lib/stamp.rb', middleware);
    expect(followRequest(header!, rackSetCookie.meta, middleware)).toBeNull();
  });
});
