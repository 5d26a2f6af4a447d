// `npm run k8s -- <command>`: one-command Minikube deployment of Taskflow. Flags are parsed with
// node:util parseArgs per command; an unknown flag or a bad value is a usage error (exit 2).
// Environment: TASKFLOW_MINIKUBE_CPUS / TASKFLOW_MINIKUBE_MEMORY (= --cpus / --memory);
// TASKFLOW_K8S_RETRY_DELAY_MS (pause between retries, default 5000) and TASKFLOW_K8S_PLATFORM
// (linux, darwin, win32: which hints to print) exist for the tests of tests/k8s/deploy-cli.test.ts.
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { accessHints } from "./access";
import {
  ACCESS_MODES,
  type Access,
  type Ctx,
  DEFAULT_HOST,
  DEFAULT_NODE_PORT,
  LOG_COMPONENTS,
  type Options,
} from "./context";
import { downPlan } from "./down";
import { sourceHash } from "./hash";
import { logsPlan } from "./logs";
import { openPlan } from "./open";
import { bold, createRunner, red, runPlan, type Step, StepFailure } from "./runner";
import { SECRETS_ACTIONS, type SecretsAction, secretsPlan } from "./secrets";
import { parseCpus, parseMemoryMiB } from "./sizing";
import { statusPlan } from "./status";
import { upPlan } from "./up";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

export const USAGE = `usage: npm run k8s -- <command> [options]
  up       [--access ingress|nodeport|port-forward] [--host taskflow.test] [--port 3000]
           [--mcp-port 8080] [--node-port 30080] [--tls-secret <secret>] [--cni calico] [--cpus N] [--memory MiB|Ng]
           [--tag <tag>] [--skip-test]
           (env TASKFLOW_MINIKUBE_CPUS / TASKFLOW_MINIKUBE_MEMORY = --cpus / --memory)
  down     [--delete-data]
  status
  logs     <${LOG_COMPONENTS.join("|")}> [-f]
  open     [--port N] [--mcp-port N]   (default: the ports up --access port-forward configured, else 3000/8080)
  secrets  [list|rotate|set-openai-key]   (set-openai-key reads the key from stdin or $OPENAI_API_KEY)
  common:  --release taskflow --namespace taskflow`;

export class UsageError extends Error {}

type Spec = Record<string, { type: "string" | "boolean"; short?: string }>;
const COMMON: Spec = {
  release: { type: "string" },
  namespace: { type: "string" },
  help: { type: "boolean", short: "h" },
};
const COMMANDS: Record<string, { options: Spec; positionals: number }> = {
  up: {
    options: {
      tag: { type: "string" },
      "skip-test": { type: "boolean" },
      access: { type: "string" },
      host: { type: "string" },
      port: { type: "string" },
      "node-port": { type: "string" },
      "mcp-port": { type: "string" },
      "tls-secret": { type: "string" },
      cni: { type: "string" },
      cpus: { type: "string" },
      memory: { type: "string" },
    },
    positionals: 0,
  },
  down: { options: { "delete-data": { type: "boolean" } }, positionals: 0 },
  status: { options: {}, positionals: 0 },
  logs: { options: { follow: { type: "boolean", short: "f" } }, positionals: 1 },
  open: { options: { port: { type: "string" }, "mcp-port": { type: "string" } }, positionals: 0 },
  secrets: { options: {}, positionals: 1 },
};

function port(value: string | undefined, name: string, min = 1, max = 65535): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max)
    throw new UsageError(`--${name} must be a port number (${min}-${max}), not "${value}"`);
  return n;
}

/** The command line as Options plus the command's own arguments. */
export function parseCommandLine(
  argv: string[],
  env: NodeJS.ProcessEnv,
): { command: string; opts: Omit<Options, "log">; positional?: string; follow: boolean } | "help" {
  const [command, ...rest] = argv;
  if (command === "help" || command === "--help" || command === "-h") return "help";
  if (!command) throw new UsageError("no command given");
  const spec = COMMANDS[command];
  if (!spec) throw new UsageError(`unknown command "${command}"`);
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: rest,
      options: { ...COMMON, ...spec.options },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const v = parsed.values as Record<string, string | boolean | undefined>;
  if (v.help) return "help";
  const str = (k: string) => (typeof v[k] === "string" ? (v[k] as string) : undefined);
  if (parsed.positionals.length > spec.positionals)
    throw new UsageError(`${command}: unexpected argument "${parsed.positionals[spec.positionals]}"`);
  const positional = parsed.positionals[0];
  if (command === "logs") {
    if (!positional) throw new UsageError(`logs needs a component: ${LOG_COMPONENTS.join(", ")}`);
    if (!(LOG_COMPONENTS as readonly string[]).includes(positional))
      throw new UsageError(`logs: unknown component "${positional}" (one of ${LOG_COMPONENTS.join(", ")})`);
  }
  if (command === "secrets" && positional && !(SECRETS_ACTIONS as readonly string[]).includes(positional))
    throw new UsageError(`secrets: unknown action "${positional}" (one of ${SECRETS_ACTIONS.join(", ")})`);
  const access = str("access") ?? "ingress";
  if (!(ACCESS_MODES as readonly string[]).includes(access))
    throw new UsageError(`--access must be one of ${ACCESS_MODES.join(", ")}, not "${access}"`);
  const cpusText = str("cpus") ?? env.TASKFLOW_MINIKUBE_CPUS;
  const memoryText = str("memory") ?? env.TASKFLOW_MINIKUBE_MEMORY;
  const cpus = cpusText === undefined ? undefined : parseCpus(cpusText);
  if (cpusText !== undefined && cpus === undefined)
    throw new UsageError(`--cpus (or TASKFLOW_MINIKUBE_CPUS) must be a whole number, not "${cpusText}"`);
  const memoryMiB = memoryText === undefined ? undefined : parseMemoryMiB(memoryText);
  if (memoryText !== undefined && memoryMiB === undefined)
    throw new UsageError(
      `--memory (or TASKFLOW_MINIKUBE_MEMORY) must be MiB (6144) or GiB (6g), not "${memoryText}"`,
    );
  const cni = str("cni") ?? "";
  if (cni && !/^[a-z0-9-]+$/.test(cni))
    throw new UsageError(`--cni: "${cni}" is not a CNI name (e.g. calico)`);
  const host = str("host") ?? DEFAULT_HOST;
  if (!/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/i.test(host))
    throw new UsageError(`--host: "${host}" is not a host name`);
  const platform = (env.TASKFLOW_K8S_PLATFORM as NodeJS.Platform | undefined) ?? process.platform;
  return {
    command,
    positional,
    follow: v.follow === true,
    opts: {
      repoRoot,
      release: str("release") ?? "taskflow",
      namespace: str("namespace") ?? "taskflow",
      tag: str("tag") ?? (command === "up" ? `src-${sourceHash(repoRoot)}` : "unused"),
      platform,
      runHelmTest: v["skip-test"] !== true,
      deleteData: v["delete-data"] === true,
      access: access as Access,
      host,
      port: port(str("port"), "port"),
      mcpPort: port(str("mcp-port"), "mcp-port"),
      nodePort: port(str("node-port"), "node-port", 30000, 32767) ?? DEFAULT_NODE_PORT,
      tlsSecret: str("tls-secret"),
      cni,
      cpus,
      memoryMiB,
      retryDelayMs: Number(env.TASKFLOW_K8S_RETRY_DELAY_MS ?? 5000),
    },
  };
}

async function readStdin(): Promise<string | undefined> {
  if (process.stdin.isTTY) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").trim() || undefined;
}

export async function main(argv: string[]): Promise<number> {
  const log = (line: string) => console.log(line);
  let cmd: ReturnType<typeof parseCommandLine>;
  try {
    cmd = parseCommandLine(argv, process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(red(error.message));
    console.error(USAGE);
    return 2;
  }
  if (cmd === "help") {
    log(USAGE);
    return 0;
  }
  const opts: Options = { ...cmd.opts, log };
  const ctx: Ctx = { runner: createRunner({ cwd: repoRoot }), opts, facts: {} };

  let title: string;
  let steps: Step<Ctx>[];
  switch (cmd.command) {
    case "up":
      title = `Deploying Taskflow to Minikube (images tagged ${opts.tag}, access ${opts.access})`;
      steps = upPlan(opts);
      break;
    case "down":
      title = `Removing release ${opts.release}`;
      steps = downPlan();
      break;
    case "status":
      title = `Status of release ${opts.release} (namespace ${opts.namespace})`;
      steps = statusPlan();
      break;
    case "logs":
      title = `Logs of ${cmd.positional}`;
      steps = logsPlan(cmd.positional ?? "", cmd.follow);
      break;
    case "open":
      title = `Opening Taskflow (release ${opts.release})`;
      steps = openPlan();
      break;
    default: {
      const action = (cmd.positional ?? "list") as SecretsAction;
      const openaiKey =
        action === "set-openai-key" ? ((await readStdin()) ?? process.env.OPENAI_API_KEY) : undefined;
      title = `Secrets of release ${opts.release}`;
      steps = secretsPlan(action, { openaiKey });
    }
  }

  try {
    await runPlan(title, steps, ctx, log);
  } catch (error) {
    if (error instanceof StepFailure) {
      console.error(`\n${red("✖ Failed step:")} ${bold(error.step)}`);
      console.error(error.detail.replace(/^/gm, "  "));
      console.error(`${bold("Likely fix:")} ${error.fix}`);
      return 1;
    }
    throw error;
  }
  if (cmd.command === "up") {
    log("");
    for (const line of accessHints(ctx)) log(line);
    log(
      "Status: npm run k8s -- status   ·   Logs: npm run k8s -- logs api   ·   Remove: npm run k8s -- down",
    );
  }
  return 0;
}

// Run when executed directly (tsx deploy/cli/src/main.ts), not when imported by tests.
const invoked = process.argv[1] ? resolve(process.argv[1]) : "";
if (invoked === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(red(error instanceof Error ? error.message : String(error)));
      process.exit(1);
    },
  );
}
