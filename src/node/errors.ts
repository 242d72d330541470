/**
 * The two kinds of failure the CLI and the build tell apart: a user's mistake (exit 2, one line,
 * no stack trace) and a fault of Fieldkit or the machine (exit 3). Here, not in cli/, because the
 * adapters in src/node throw them and nothing under src/ imports cli/.
 */
export class UsageError extends Error {}
export class InternalError extends Error {}
