// The plan half of the deploy CLI: what `up`, `down`, `status`, `logs`, `open` and `secrets` do,
// as ordered steps over a Runner. Nothing here spawns processes itself, so tests run the same
// plans against fake docker/minikube/helm/kubectl executables.
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import type { Runner, Step } from "./runner";

export const SERVICES = ["web", "api", "mcp"] as const;
export type Service = (typeof SERVICES)[number];

export interface Options {
  repoRoot: string;
  release: string;
  namespace: string;
  /** Image tag (content hash of the sources). */
  tag: string;
  platform: NodeJS.Platform;
  runHelmTest: boolean;
  deleteData: boolean;
  /** "ingress" (default) or "port-forward" (sets publicUrl=http://localhost:3000). */
  access: "ingress" | "port-forward";
  log: (line: string) => void;
}

export interface Ctx {
  runner: Runner;
  opts: Options;
  /** Facts collected along the way (tool versions, minikube ip...). */
  facts: Record<string, string>;
}

const TOOLS: { name: string; args: string[]; fix: string }[] = [
  {
    name: "docker",
    args: ["--version"],
    fix: "Install Docker Desktop (macOS/Windows) or Docker Engine (Linux): https://docs.docker.com/get-docker/",
  },
  {
    name: "minikube",
    args: ["version", "--short"],
    fix: "Install Minikube >= 1.32: https://minikube.sigs.k8s.io/docs/start/ (brew install minikube | winget install Kubernetes.minikube)",
  },
  {
    name: "helm",
    args: ["version", "--short"],
    fix: "Install Helm 3.14+ or 4: https://helm.sh/docs/intro/install/ (brew install helm | winget install Helm.Helm)",
  },
  {
    name: "kubectl",
    args: ["version", "--client"],
    fix: "Install kubectl >= 1.28: https://kubernetes.io/docs/tasks/tools/ (or use `minikube kubectl --`)",
  },
];

export const chartPath = (o: Options) => join(o.repoRoot, "deploy/helm/taskflow");
export const imageRef = (service: Service, tag: string) => `taskflow-${service}:${tag}`;
const selector = (o: Options) => `app.kubernetes.io/instance=${o.release}`;

/** `kubectl get <resource> -l <release selector> -o json`, as the list of items. */
async function listReleaseObjects<T>(runner: Runner, opts: Options, resource: string): Promise<T[]> {
  const r = await runner.run("kubectl", [
    "get",
    resource,
    "--namespace",
    opts.namespace,
    "-l",
    selector(opts),
    "-o",
    "json",
  ]);
  return (JSON.parse(r.stdout) as { items: T[] }).items;
}

function firstLine(text: string): string {
  return text.trim().split("\n")[0]?.trim() ?? "";
}

export function checkToolsStep(): Step<Ctx> {
  return {
    title: "Check docker, minikube, helm and kubectl",
    fix: "Install the missing tool(s) listed above, then run the command again.",
    async action({ runner, facts, opts }) {
      const missing: string[] = [];
      const found: string[] = [];
      for (const tool of TOOLS) {
        const r = await runner.run(tool.name, tool.args, { allowFailure: true });
        if (r.code !== 0) {
          missing.push(`  ✖ ${tool.name}: ${firstLine(r.stderr) || `exit ${r.code}`}\n    fix: ${tool.fix}`);
        } else {
          facts[tool.name] = firstLine(r.stdout);
          found.push(`${tool.name} ${facts[tool.name]}`);
        }
      }
      for (const f of found) opts.log(`      · ${f}`);
      if (missing.length > 0) throw new Error(`missing or broken tools:\n${missing.join("\n")}`);
      return undefined;
    },
  };
}

export function upPlan(): Step<Ctx>[] {
  return [
    checkToolsStep(),
    {
      title: "Start Minikube (4 CPUs, 8 GB) if it is not running",
      fix: "Run `minikube delete` and retry, or start it yourself: `minikube start --cpus=4 --memory=8192`. On Docker Desktop give Docker at least 8 GB of memory.",
      async action({ runner }) {
        const status = await runner.run("minikube", ["status", "--format", "{{.Host}}/{{.APIServer}}"], {
          allowFailure: true,
        });
        if (status.code === 0 && status.stdout.includes("Running/Running")) return "already running";
        await runner.run("minikube", [
          "start",
          "--cpus=4",
          "--memory=8192",
          "--addons=default-storageclass,storage-provisioner",
        ]);
        return "started";
      },
    },
    {
      title: "Enable the ingress and metrics-server addons",
      fix: "Check `minikube addons list`; behind a proxy, set HTTPS_PROXY before `minikube start`.",
      async action({ runner }) {
        await runner.run("minikube", ["addons", "enable", "ingress"]);
        await runner.run("minikube", ["addons", "enable", "metrics-server"]);
        return "ingress, metrics-server";
      },
    },
    ...SERVICES.map(
      (service): Step<Ctx> => ({
        title: `Build the ${service} image into Minikube`,
        fix: "Read the build error above; `npm run build` must pass locally first. Out of disk in Minikube: `minikube ssh -- docker system prune -af`.",
        async action({ runner, opts }) {
          const ref = imageRef(service, opts.tag);
          const listed = await runner.run("minikube", ["image", "ls", "--format", "short"], {
            allowFailure: true,
          });
          if (listed.stdout.split(/\s+/).some((line) => line.endsWith(`/${ref}`) || line === ref))
            return `${ref} (already built)`;
          await runner.run("minikube", [
            "image",
            "build",
            "-t",
            ref,
            "-f",
            "deploy/docker/Dockerfile",
            `--build-opt=target=${service}`,
            ".",
          ]);
          return ref;
        },
      }),
    ),
    {
      title: "Install or upgrade the Helm release (waits for readiness)",
      fix: "See what is not ready: `npm run k8s -- status` and `npm run k8s -- logs api`. ImagePullBackOff/ErrImageNeverPull: the image build step did not finish.",
      async action({ runner, opts }) {
        const args = [
          "upgrade",
          "--install",
          opts.release,
          chartPath(opts),
          "--namespace",
          opts.namespace,
          "--create-namespace",
          "-f",
          join(chartPath(opts), "values-dev.yaml"),
          ...SERVICES.flatMap((s) => ["--set-string", `${s}.image.tag=${opts.tag}`]),
          ...(opts.access === "port-forward" ? ["--set-string", "publicUrl=http://localhost:3000"] : []),
          "--wait",
          "--timeout",
          "10m",
        ];
        await runner.run("helm", args);
        return `release ${opts.release} in namespace ${opts.namespace}`;
      },
    },
    {
      title: "Run helm test (health, sign-up + task round trip, MCP tools/list)",
      fix: "Read the failing test pod's log above; re-run with `helm test taskflow -n taskflow --logs`.",
      async action({ runner, opts }) {
        if (!opts.runHelmTest) return "skipped (--skip-test)";
        await runner.run("helm", [
          "test",
          opts.release,
          "--namespace",
          opts.namespace,
          "--logs",
          "--timeout",
          "5m",
        ]);
        return "all passed";
      },
    },
    {
      title: "Find the URL",
      fix: "Check `minikube ip` and `kubectl get ingress -n taskflow`.",
      async action({ runner, opts, facts }) {
        const ip = await runner.run("minikube", ["ip"], { allowFailure: true });
        facts.minikubeIp = firstLine(ip.stdout);
        await runner.run("kubectl", ["get", "ingress", "--namespace", opts.namespace, "-l", selector(opts)], {
          allowFailure: true,
        });
        return facts.minikubeIp ? `minikube ip ${facts.minikubeIp}` : undefined;
      },
    },
  ];
}

/** Where to point the browser, with the platform's extra step. */
export function accessHints(opts: Options, minikubeIp: string | undefined): string[] {
  if (opts.access === "port-forward") {
    return ["Open the app:", "  npm run k8s -- open        (port-forwards http://localhost:3000)"];
  }
  const lines = ["Open the app: https://taskflow.local   (self-signed certificate: accept it once)"];
  if (opts.platform === "linux") {
    lines.push(`  add to /etc/hosts:  ${minikubeIp || "$(minikube ip)"} taskflow.local`);
  } else {
    const hosts =
      opts.platform === "win32"
        ? "C:\\Windows\\System32\\drivers\\etc\\hosts (as Administrator)"
        : "/etc/hosts";
    lines.push(
      "  1. keep `minikube tunnel` running in another terminal (the Docker driver hides the node IP)",
    );
    lines.push(`  2. add to ${hosts}:  127.0.0.1 taskflow.local`);
  }
  lines.push("No hosts edit? `npm run k8s -- up --access port-forward` then `npm run k8s -- open`.");
  return lines;
}

export function downPlan(): Step<Ctx>[] {
  const steps: Step<Ctx>[] = [
    {
      title: "Uninstall the Helm release",
      fix: "If the release is stuck, `helm uninstall taskflow -n taskflow --no-hooks`.",
      async action({ runner, opts }) {
        const r = await runner.run(
          "helm",
          ["uninstall", opts.release, "--namespace", opts.namespace, "--wait"],
          { allowFailure: true },
        );
        if (r.code !== 0 && /not found/i.test(r.stderr)) return "not installed";
        if (r.code !== 0) throw new Error(r.stderr.trim() || `helm uninstall exited with ${r.code}`);
        return opts.deleteData ? undefined : "database volume and secrets kept (use --delete-data to remove)";
      },
    },
  ];
  steps.push({
    title: "Delete the database volume and the generated secrets",
    fix: "Delete them by hand: `kubectl delete pvc,secret -n taskflow -l app.kubernetes.io/instance=taskflow`.",
    async action({ runner, opts }) {
      if (!opts.deleteData) return "skipped (data kept)";
      await runner.run("kubectl", [
        "delete",
        "pvc,secret",
        "--namespace",
        opts.namespace,
        "-l",
        selector(opts),
        "--ignore-not-found",
      ]);
      return "deleted";
    },
  });
  return steps;
}

interface PodJson {
  metadata: { name: string; labels?: Record<string, string> };
  status?: {
    phase?: string;
    containerStatuses?: {
      ready: boolean;
      restartCount: number;
      state?: Record<string, { reason?: string }>;
    }[];
  };
}

export function formatTable(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
  return rows
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

export function statusPlan(): Step<Ctx>[] {
  return [
    {
      title: "Read the release",
      fix: "Not installed? Run `npm run k8s -- up`.",
      async action({ runner, opts }) {
        const r = await runner.run("helm", [
          "status",
          opts.release,
          "--namespace",
          opts.namespace,
          "-o",
          "json",
        ]);
        const info = JSON.parse(r.stdout) as { version?: number; info?: { status?: string } };
        return `revision ${info.version ?? "?"}, ${info.info?.status ?? "unknown"}`;
      },
    },
    {
      title: "Pods, readiness and restarts",
      fix: "Is the cluster up? `minikube status`.",
      async action({ runner, opts }) {
        const pods = await listReleaseObjects<PodJson>(runner, opts, "pods");
        const rows = [["POD", "COMPONENT", "PHASE", "READY", "RESTARTS", "WAITING"]];
        for (const p of pods) {
          const cs = p.status?.containerStatuses ?? [];
          rows.push([
            p.metadata.name,
            p.metadata.labels?.["app.kubernetes.io/component"] ?? "",
            p.status?.phase ?? "?",
            `${cs.filter((c) => c.ready).length}/${cs.length}`,
            String(cs.reduce((n, c) => n + c.restartCount, 0)),
            cs.map((c) => c.state?.waiting?.reason).find(Boolean) ?? "",
          ]);
        }
        opts.log(formatTable(rows).replace(/^/gm, "      "));
        return `${pods.length} pod(s)`;
      },
    },
    {
      title: "Service endpoints",
      fix: "A service with 0 ready endpoints: check that pod's readiness with `npm run k8s -- logs <service>`.",
      async action({ runner, opts }) {
        const slices = await listReleaseObjects<{
          metadata: { labels?: Record<string, string> };
          endpoints?: { conditions?: { ready?: boolean } }[];
        }>(runner, opts, "endpointslices");
        const byService = new Map<string, { ready: number; total: number }>();
        for (const s of slices) {
          const name = s.metadata.labels?.["kubernetes.io/service-name"] ?? "?";
          const e = byService.get(name) ?? { ready: 0, total: 0 };
          for (const ep of s.endpoints ?? []) {
            e.total++;
            if (ep.conditions?.ready) e.ready++;
          }
          byService.set(name, e);
        }
        const rows = [["SERVICE", "READY ENDPOINTS", "HEALTH"]];
        for (const [name, e] of [...byService].sort())
          rows.push([name, `${e.ready}/${e.total}`, e.ready > 0 ? "ok" : "DOWN"]);
        opts.log(formatTable(rows).replace(/^/gm, "      "));
        const down = [...byService.values()].filter((e) => e.ready === 0).length;
        if (down > 0) throw new Error(`${down} service(s) without a ready endpoint`);
        return "all services have ready endpoints";
      },
    },
  ];
}

export function logsPlan(service: string, follow: boolean): Step<Ctx>[] {
  return [
    {
      title: `Logs of ${service}`,
      fix: `Services: ${SERVICES.join(", ")}, postgresql, migrate.`,
      async action({ runner, opts }) {
        const args = [
          "logs",
          "--namespace",
          opts.namespace,
          "-l",
          `${selector(opts)},app.kubernetes.io/component=${service}`,
          "--all-containers",
          "--prefix",
          "--tail=200",
          "--max-log-requests=10",
        ];
        if (follow) args.push("--follow");
        await runner.run("kubectl", args, { inherit: true });
        return undefined;
      },
    },
  ];
}

export function openPlan(port: number): Step<Ctx>[] {
  return [
    {
      title: `Port-forward the web service to http://localhost:${port} (Ctrl+C to stop)`,
      fix: `Port ${port} busy? Use --port. Sign-in needs publicUrl=http://localhost:${port}: \`npm run k8s -- up --access port-forward\`.`,
      async action({ runner, opts }) {
        opts.log(`      open http://localhost:${port}`);
        await runner.run(
          "kubectl",
          ["port-forward", "--namespace", opts.namespace, `svc/${opts.release}-web`, `${port}:3000`],
          { inherit: true },
        );
        return undefined;
      },
    },
  ];
}

interface SecretJson {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  type?: string;
  data?: Record<string, string>;
}

/** A random secret of 48 URL-safe characters. */
function randomSecret(): string {
  return randomBytes(36).toString("base64url");
}

/**
 * `secrets` subcommands. Values are generated or read here and only ever sent to kubectl on
 * stdin; they are never printed, logged or passed as arguments (visible in `ps`).
 */
export function secretsPlan(
  action: "list" | "rotate" | "set-openai-key",
  input: { openaiKey?: string },
): Step<Ctx>[] {
  const read: Step<Ctx> = {
    title: "Read the release Secret (keys only)",
    fix: "Not installed? Run `npm run k8s -- up` first; the chart creates the Secret.",
    async action({ runner, opts, facts }) {
      const r = await runner.run("kubectl", [
        "get",
        "secret",
        opts.release,
        "--namespace",
        opts.namespace,
        "-o",
        "json",
      ]);
      facts.secret = r.stdout;
      const keys = Object.keys((JSON.parse(r.stdout) as SecretJson).data ?? {}).sort();
      return `keys: ${keys.join(", ")}`;
    },
  };
  if (action === "list") return [read];
  const write: Step<Ctx> = {
    title: action === "rotate" ? "Rotate BETTER_AUTH_SECRET and MCP_TOKEN_SECRET" : "Store OPENAI_API_KEY",
    fix: "Check your access: `kubectl auth can-i update secrets -n taskflow`.",
    async action({ runner, opts, facts }) {
      const secret = JSON.parse(facts.secret ?? "{}") as SecretJson;
      const data = { ...(secret.data ?? {}) };
      if (action === "rotate") {
        // The database password stays: changing it needs ALTER ROLE inside PostgreSQL too.
        data.BETTER_AUTH_SECRET = Buffer.from(randomSecret()).toString("base64");
        data.MCP_TOKEN_SECRET = Buffer.from(randomSecret()).toString("base64");
      } else {
        if (!input.openaiKey)
          throw new Error("no key given: pipe it on stdin or set OPENAI_API_KEY in the environment");
        data.OPENAI_API_KEY = Buffer.from(input.openaiKey.trim()).toString("base64");
      }
      const manifest: SecretJson = {
        apiVersion: "v1",
        kind: "Secret",
        metadata: {
          name: secret.metadata.name,
          namespace: opts.namespace,
          labels: secret.metadata.labels,
          annotations: secret.metadata.annotations,
        },
        type: secret.type ?? "Opaque",
        data,
      };
      // `replace` keeps Helm's ownership annotations, so the next `helm upgrade` adopts (and,
      // through `lookup`, keeps) the new values.
      await runner.run("kubectl", ["replace", "-f", "-", "--namespace", opts.namespace], {
        input: JSON.stringify(manifest),
      });
      return "stored (values not shown)";
    },
  };
  const restart: Step<Ctx> = {
    title: "Restart the services so they read the new values",
    fix: "Run `kubectl rollout restart deployment -n taskflow -l app.kubernetes.io/instance=taskflow`.",
    async action({ runner, opts }) {
      await runner.run("kubectl", [
        "rollout",
        "restart",
        "deployment",
        "--namespace",
        opts.namespace,
        "-l",
        selector(opts),
      ]);
      return action === "rotate" ? "signed-in users must sign in again" : undefined;
    },
  };
  return [read, write, restart];
}
