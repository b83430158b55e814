// The environment a system tool the engine runs (mount, chrt) gets: a fixed PATH and nothing of
// ours. The process's own environment may hold CLEARFACTS_TOKEN, and a child must never receive
// the token (issue #12).

/** A fixed PATH where Linux and macOS keep their system tools; no other variable. */
export const SYSTEM_TOOL_ENVIRONMENT: NodeJS.ProcessEnv = Object.freeze({
  PATH: '/usr/bin:/bin:/usr/sbin:/sbin',
});
