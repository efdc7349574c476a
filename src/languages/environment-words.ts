// Words that tell which environment a run-time check is about. A flag that is on only when such a check
// says "development" is off in production: that is weak, not conditional.

export type Environment = 'development' | 'production' | 'unknown';

const DEVELOPMENT_VALUES = new Set([
  'development',
  'dev',
  'develop',
  'local',
  'localhost',
  'test',
  'testing',
  'debug',
]);
const PRODUCTION_VALUES = new Set(['production', 'prod', 'live', 'https', 'staging']);

/** Environment named by a string compared against (`NODE_ENV === 'development'`). */
export function environmentOfValue(value: string): Environment {
  const lowered = value.toLowerCase();
  if (DEVELOPMENT_VALUES.has(lowered)) return 'development';
  if (PRODUCTION_VALUES.has(lowered)) return 'production';
  return 'unknown';
}

/** Environment a boolean-looking name is true in: `isDev`, `DEBUG`, `__DEV__` vs `isProd`, `useHttps`. */
export function environmentOfName(name: string): Environment {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  if (
    words.some((word) => ['dev', 'development', 'debug', 'local', 'localhost', 'insecure'].includes(word))
  ) {
    return 'development';
  }
  if (words.some((word) => ['prod', 'production', 'secure', 'https', 'ssl', 'tls', 'live'].includes(word))) {
    return 'production';
  }
  return 'unknown';
}

export function opposite(environment: Environment): Environment {
  if (environment === 'development') return 'production';
  if (environment === 'production') return 'development';
  return 'unknown';
}
