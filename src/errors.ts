// Errors that reach a person: each carries a message that says what is wrong and what to do about it.

/** Bad input from the person running the tool (a flag, a folder, a config value). Exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
