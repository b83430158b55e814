// The environment variable that carries timing knobs (tests and the benchmark; see
// cli-runtime.ts). Its own module because `--help` names it without loading the runtime.
export const TUNING_ENVIRONMENT_VARIABLE = 'CLEARFACTS_UPLOADER_TUNING';
