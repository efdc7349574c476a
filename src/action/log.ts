// The Actions log reads workflow commands from any line that starts with `::` (or the older `##[`): a file
// or cookie name holding a line break followed by `::warning::…`, `::add-mask::…` or `::stop-commands::…`
// printed with core.info would run that command. Plain log lines go through here: line breaks and `%` are
// escaped the way the toolkit escapes command data, and a line that would begin like a command does not.
// Annotations (core.warning / error / notice) are escaped by the toolkit itself; they are routed here too
// so every call site reads the same.
import * as core from '@actions/core';

/** One log line that cannot be read as a workflow command. */
export function escapeLogLine(message: string): string {
  const escaped = message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  // The runner trims leading whitespace before looking for a command.
  return escaped.replace(/^(\s*)(::|##\[)/, (_, space: string, start: string) =>
    start === '::' ? `${space}%3A%3A` : `${space}%23%23[`,
  );
}

export function logInfo(message: string): void {
  core.info(escapeLogLine(message));
}

export function logWarning(message: string, properties?: core.AnnotationProperties): void {
  core.warning(message, properties);
}

export function logNotice(message: string, properties?: core.AnnotationProperties): void {
  core.notice(message, properties);
}

/** The logger delivery code is handed: every message it prints may quote repository text. */
export const actionLog = { info: logInfo, warning: logWarning, notice: logNotice };
