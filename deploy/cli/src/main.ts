// `npm run k8s -- <command>`: one-command Minikube deployment of Taskflow.
//   up [--skip-test] [--access ingress|port-forward]   build images into Minikube, install, test
//   down [--delete-data]                               uninstall (keeps the database unless asked)
//   status                                             pods, readiness, restarts, endpoint health
//   logs <web|api|mcp|postgresql|migrate> [-f]         recent logs of one component
//   open [--port 3000]                                 port-forward the web service
//   secrets [list|rotate|set-openai-key]               manage secrets without printing them
// Common flags: --release taskflow --namespace taskflow --tag <image tag>
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { sourceHash } from "./hash";
import {
  accessHints,
  type Ctx,
  downPlan,
  logsPlan,
  type Options,
  openPlan,
  secretsPlan,
  statusPlan,
  upPlan,
} from "./plans";
import { bold, createRunner, red, runPlan, type Step, StepFailure } from "./runner";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

const USAGE = `usage: npm run k8s -- <up|down|status|logs <service>|open|secrets> [options]
  up       [--skip-test] [--access ingress|port-forward] [--tag <tag>]
  down     [--delete-data]
  status
  logs     <web|api|mcp|postgresql|migrate> [-f]
  open     [--port 3000]
  secrets  [list|rotate|set-openai-key]   (set-openai-key reads the key from stdin or $OPENAI_API_KEY)
  common:  --release taskflow --namespace taskflow`;

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (value === undefined || value.startsWith("--")) throw new Error(`${name} needs a value`);
  return value;
}

async function readStdin(): Promise<string | undefined> {
  if (process.stdin.isTTY) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").trim() || undefined;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const log = (line: string) => console.log(line);
  if (!command || command === "help" || command === "--help" || command === "-h") {
    log(USAGE);
    return command ? 0 : 1;
  }
  const access = flag(rest, "--access") ?? "ingress";
  if (access !== "ingress" && access !== "port-forward")
    throw new Error("--access must be ingress or port-forward");
  const opts: Options = {
    repoRoot,
    release: flag(rest, "--release") ?? "taskflow",
    namespace: flag(rest, "--namespace") ?? "taskflow",
    tag: flag(rest, "--tag") ?? (command === "up" ? `src-${sourceHash(repoRoot)}` : "unused"),
    platform: process.platform,
    runHelmTest: !rest.includes("--skip-test"),
    deleteData: rest.includes("--delete-data"),
    access,
    log,
  };
  const ctx: Ctx = { runner: createRunner({ cwd: repoRoot }), opts, facts: {} };

  let title: string;
  let steps: Step<Ctx>[];
  switch (command) {
    case "up":
      title = `Deploying Taskflow to Minikube (images tagged ${opts.tag})`;
      steps = upPlan();
      break;
    case "down":
      title = `Removing release ${opts.release}`;
      steps = downPlan();
      break;
    case "status":
      title = `Status of release ${opts.release} (namespace ${opts.namespace})`;
      steps = statusPlan();
      break;
    case "logs": {
      const service = rest.find((a) => !a.startsWith("-"));
      if (!service) throw new Error("logs needs a service: web, api, mcp, postgresql or migrate");
      title = `Logs of ${service}`;
      steps = logsPlan(service, rest.includes("-f") || rest.includes("--follow"));
      break;
    }
    case "open": {
      const port = Number(flag(rest, "--port") ?? 3000);
      title = "Opening Taskflow";
      steps = openPlan(port);
      break;
    }
    case "secrets": {
      const sub = (rest.find((a) => !a.startsWith("-")) ?? "list") as "list" | "rotate" | "set-openai-key";
      if (!["list", "rotate", "set-openai-key"].includes(sub))
        throw new Error(`unknown secrets action ${sub}`);
      const openaiKey =
        sub === "set-openai-key" ? ((await readStdin()) ?? process.env.OPENAI_API_KEY) : undefined;
      title = `Secrets of release ${opts.release}`;
      steps = secretsPlan(sub, { openaiKey });
      break;
    }
    default:
      log(USAGE);
      return 1;
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
  if (command === "up") {
    log("");
    for (const line of accessHints(opts, ctx.facts.minikubeIp)) log(line);
    log(
      `Status: npm run k8s -- status   ·   Logs: npm run k8s -- logs api   ·   Remove: npm run k8s -- down`,
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
      console.error(USAGE);
      process.exit(2);
    },
  );
}
