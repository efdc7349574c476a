// Settings that make a framework mark every cookie of an app Secure, so a missing or false `secure` at one of
// its cookie sites changes nothing: Rails' `config.force_ssl = true` (ActionDispatch::SSL adds `secure` to
// every Set-Cookie header that lacks it, and the session store's options get `secure: true`). Only the
// application-wide file and the production environment count: that is where production's behaviour is set.
import type { Source } from './source.js';
import type { ForcedSecureFact } from './types.js';

const RAILS_SETTINGS = /(?:^|\/)config\/(?:application|environments\/production)\.rb$/;
const FORCE_SSL = /^[ \t]*(?:config|Rails\.application\.config)\.force_ssl[ \t]*=[ \t]*true\b/m;

export function findForcedSecure(source: Source): ForcedSecureFact[] {
  if (source.kind !== 'ruby' || !RAILS_SETTINGS.test(source.file)) return [];
  const match = FORCE_SSL.exec(source.text);
  // `config.ssl_options = { secure_cookies: false }` keeps force_ssl from marking the cookies.
  if (!match || /(?:\bsecure_cookies:|:secure_cookies\s*=>)\s*false\b/.test(source.text)) return [];
  const at = match.index + match[0].length - match[0].trimStart().length;
  const configAt = source.file.lastIndexOf('config/');
  return [
    {
      ...source.fact(
        at,
        '`config.force_ssl = true`: Rails marks every cookie of the app Secure, the session cookie included',
      ),
      framework: 'rails',
      // The app is the folder that holds config/ ('' at the root).
      folder: source.file.slice(0, Math.max(0, configAt - 1)),
    },
  ];
}
