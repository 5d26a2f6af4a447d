// The plan half of the deploy CLI, one command per file; this module gathers them for callers and
// tests. Nothing here spawns processes itself, so tests run the plans against fake executables.
export { accessHints, accessValues } from "./access";
export * from "./context";
export { downPlan } from "./down";
export { logsPlan } from "./logs";
export * from "./lookup";
export { openPlan } from "./open";
export { SECRETS_ACTIONS, type SecretsAction, secretsPlan } from "./secrets";
export { formatTable, statusPlan } from "./status";
export { checkToolsStep, upPlan } from "./up";
