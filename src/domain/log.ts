/** Structured log fields; fixed keys such as `source_id`, `url`, `status` are used across the code base. */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

/** A structured logger passed in as a dependency. */
export interface Logger {
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

/** A logger that drops everything (tests, library use). */
export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

/** A logger that writes one JSON object per line through the given sink. */
export function jsonLogger(write: (line: string) => void, clock: () => Date = () => new Date()): Logger {
  const emit = (level: string, msg: string, fields?: LogFields) =>
    write(JSON.stringify({ time: clock().toISOString(), level, msg, ...fields }));
  return {
    info: (msg, fields) => emit("info", msg, fields),
    warn: (msg, fields) => emit("warn", msg, fields),
    error: (msg, fields) => emit("error", msg, fields),
  };
}
