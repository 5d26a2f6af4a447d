// `up`: check tools, start (or reuse) a Minikube sized from what Docker has, enable addons, wait
// for the ingress controller, build and verify the images, install the chart, run its tests.
import { join } from "node:path";
import { accessValues, checkAccess, mdnsWarning } from "./access";
import { type Ctx, chartPath, firstLine, imageRef, type Options, SERVICES, sleep, tail } from "./context";
import { componentSelector, findAppSecret, findService, httpPort } from "./lookup";
import { type RunResult, type Step, ToolError } from "./runner";
import { chooseResources, type DockerInfo, minimumResources } from "./sizing";

/** Oldest Helm the CLI supports (`--reset-then-reuse-values`, used by `secrets`, is 3.14+). */
const MIN_HELM: [number, number] = [3, 14];

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

/** `minikube config get driver`; undefined when not configured (Minikube then picks docker). */
async function configuredDriver({ runner }: Ctx): Promise<string | undefined> {
  const r = await runner.run("minikube", ["config", "get", "driver"], { allowFailure: true });
  return r.code === 0 ? firstLine(r.stdout) || undefined : undefined;
}

export function checkToolsStep(): Step<Ctx> {
  return {
    title: "Check docker, minikube, helm and kubectl",
    fix: "Install the missing tool(s) listed above, then run the command again.",
    async action(ctx) {
      const { runner, facts, opts } = ctx;
      const missing: string[] = [];
      const found: string[] = [];
      for (const tool of TOOLS) {
        const r = await runner.run(tool.name, tool.args, { allowFailure: true });
        if (r.code !== 0) {
          missing.push(`  ✖ ${tool.name}: ${firstLine(r.stderr) || `exit ${r.code}`}\n    fix: ${tool.fix}`);
          continue;
        }
        facts[tool.name] = firstLine(r.stdout);
        found.push(`${tool.name} ${facts[tool.name]}`);
      }
      const helm = /v?(\d+)\.(\d+)/.exec(facts.helm ?? "");
      if (
        helm &&
        (Number(helm[1]) < MIN_HELM[0] || (Number(helm[1]) === MIN_HELM[0] && Number(helm[2]) < MIN_HELM[1]))
      )
        missing.push(
          `  ✖ helm: ${facts.helm} is older than ${MIN_HELM.join(".")}\n    fix: ${TOOLS[2]?.fix ?? ""}`,
        );
      // Docker is only needed by the docker driver (the images are built inside Minikube).
      const dockerMissing = missing.findIndex((m) => m.startsWith("  ✖ docker:"));
      if (dockerMissing >= 0 && facts.minikube) {
        const driver = await configuredDriver(ctx);
        if (driver && driver !== "docker") {
          missing.splice(dockerMissing, 1);
          found.push(`docker not found (not needed by the ${driver} driver)`);
        }
      }
      for (const f of found) opts.log(`      · ${f}`);
      if (missing.length > 0) throw new Error(`missing or broken tools:\n${missing.join("\n")}`);
      return undefined;
    },
  };
}

interface ProfileJson {
  valid?: {
    Name: string;
    Config?: { Driver?: string; CPUs?: number; Memory?: number; KubernetesConfig?: { CNI?: string } };
  }[];
}

async function readDocker(ctx: Ctx): Promise<{ docker?: DockerInfo; reason?: string }> {
  const r = await ctx.runner.run("docker", ["info", "--format", "{{json .}}"], { allowFailure: true });
  if (r.code !== 0) return { reason: `docker info failed (${firstLine(r.stderr) || `exit ${r.code}`})` };
  try {
    const info = JSON.parse(r.stdout) as Partial<DockerInfo>;
    if (typeof info.NCPU === "number" && typeof info.MemTotal === "number" && info.MemTotal > 0)
      return { docker: { NCPU: info.NCPU, MemTotal: info.MemTotal } };
  } catch {
    // Not Docker's JSON (podman's docker shim prints another shape).
  }
  return { reason: "docker info has no NCPU/MemTotal (not Docker Engine?)" };
}

export function startMinikubeStep(): Step<Ctx> {
  return {
    title: "Start Minikube if it is not running (sized from Docker's resources)",
    fix: "Give Docker more memory/CPUs (Docker Desktop → Settings → Resources), or pass --memory/--cpus. A broken cluster: `minikube delete` and retry.",
    async action(ctx) {
      const { runner, opts, facts } = ctx;
      const status = await runner.run("minikube", ["status", "--format", "{{.Host}}/{{.APIServer}}"], {
        allowFailure: true,
      });
      const exists = status.code !== 85 && !/profile ".*" not found/i.test(status.stdout + status.stderr);
      if (exists) {
        const profiles = await runner.run("minikube", ["profile", "list", "-o", "json"], {
          allowFailure: true,
        });
        let config: NonNullable<ProfileJson["valid"]>[number]["Config"];
        try {
          const list = JSON.parse(profiles.stdout) as ProfileJson;
          config = (list.valid?.find((p) => p.Name === "minikube") ?? list.valid?.[0])?.Config;
        } catch {
          config = undefined;
        }
        const cni = config?.KubernetesConfig?.CNI ?? "";
        facts.driver = config?.Driver ?? "docker";
        facts.cni = cni;
        checkAccess(opts, facts.driver);
        if (opts.cni && opts.cni !== cni)
          throw new Error(
            `the existing Minikube cluster uses CNI "${cni || "default"}", not "${opts.cni}"; a CNI is only chosen when a cluster is created. ` +
              `Recreate it (this deletes the cluster and its data): \`minikube delete\` then \`npm run k8s -- up --cni ${opts.cni}\`.`,
          );
        if (opts.cpus !== undefined || opts.memoryMiB !== undefined)
          opts.log(
            `      · the existing cluster keeps its size (${config?.CPUs ?? "?"} CPUs, ${config?.Memory ?? "?"} MiB); to resize: \`minikube delete\`, then up again`,
          );
        if (status.code === 0 && status.stdout.includes("Running/Running")) return "already running";
        await runner.run("minikube", ["start"]);
        return "started the existing cluster";
      }
      const driver = await configuredDriver(ctx);
      facts.driver = driver ?? "docker";
      checkAccess(opts, facts.driver);
      const { docker, reason } =
        facts.driver === "docker"
          ? await readDocker(ctx)
          : { docker: undefined, reason: `driver ${facts.driver}` };
      const minimum = minimumResources(opts.repoRoot, { cni: opts.cni });
      const size = chooseResources({
        docker,
        unknownReason: reason,
        minimum,
        cpus: opts.cpus,
        memoryMiB: opts.memoryMiB,
      });
      opts.log(`      · ${size.note}`);
      await runner.run("minikube", [
        "start",
        `--cpus=${size.cpus}`,
        `--memory=${size.memoryMiB}`,
        ...(opts.cni ? [`--cni=${opts.cni}`] : []),
        "--addons=default-storageclass,storage-provisioner",
      ]);
      return `started (${size.cpus} CPUs, ${size.memoryMiB} MiB${opts.cni ? `, CNI ${opts.cni}` : ""})`;
    },
  };
}

/** `kubectl wait` for the ingress-nginx controller; retried while its pod does not exist yet. */
export function waitIngressStep(): Step<Ctx> {
  return {
    title: "Wait for the ingress-nginx controller (its admission webhook validates every Ingress)",
    fix: "See why it is not ready: `kubectl -n ingress-nginx get pods` and `kubectl -n ingress-nginx describe pod -l app.kubernetes.io/component=controller`.",
    async action({ runner, opts }) {
      const args = [
        "wait",
        "--namespace",
        "ingress-nginx",
        "--for=condition=ready",
        "pod",
        "--selector=app.kubernetes.io/component=controller",
        "--timeout=180s",
      ];
      // Right after `addons enable` the pod may not exist yet: kubectl wait then fails at once.
      const attempts = Math.max(1, Math.ceil(180_000 / Math.max(opts.retryDelayMs, 1_000)));
      for (let i = 1; ; i++) {
        const r = await runner.run("kubectl", args, { allowFailure: true });
        if (r.code === 0) return "ready";
        if (!/no matching resources found/i.test(r.stderr) || i >= attempts)
          throw new ToolError(`kubectl ${args.join(" ")}`, r);
        await sleep(opts.retryDelayMs);
      }
    },
  };
}

/** Both image-name forms `minikube image ls --format short` uses for a local tag. */
function hasImage(listing: string, ref: string): boolean {
  return listing
    .split(/\s+/)
    .some((name) => name === ref || name === `docker.io/library/${ref}` || name === `localhost/${ref}`);
}

async function listImages({ runner }: Ctx): Promise<string> {
  return (await runner.run("minikube", ["image", "ls", "--format", "short"], { allowFailure: true })).stdout;
}

export function buildStep(service: (typeof SERVICES)[number]): Step<Ctx> {
  return {
    title: `Build the ${service} image into Minikube`,
    fix: "Read the build error above; `npm run build` must pass locally first. Out of disk in Minikube: `minikube ssh -- docker system prune -af`.",
    async action(ctx) {
      const { runner, opts } = ctx;
      const ref = imageRef(service, opts.tag);
      if (hasImage(await listImages(ctx), ref)) return `${ref} (already built)`;
      const build = await runner.run("minikube", [
        "image",
        "build",
        "-t",
        ref,
        "-f",
        "deploy/docker/Dockerfile",
        `--build-opt=target=${service}`,
        ".",
      ]);
      // kubernetes/minikube#16576: a failed build can still exit 0. Trust the image list only.
      if (!hasImage(await listImages(ctx), ref))
        throw new Error(
          `minikube image build exited ${build.code}, but ${ref} is not among Minikube's images ` +
            `(a failed build can exit 0: kubernetes/minikube#16576). Build output:\n${tail(`${build.stdout}\n${build.stderr}`)}`,
        );
      return ref;
    },
  };
}

const WEBHOOK = /failed calling webhook "validate\.nginx\.ingress\.kubernetes\.io"/;
const HELM_ATTEMPTS = 5;

/**
 * `helm upgrade`, retried while the ingress-nginx admission webhook still refuses connections
 * (its Service endpoints can lag the controller's readiness). Other failures fail at once.
 */
export async function helmUpgrade(ctx: Ctx, args: string[]): Promise<RunResult> {
  for (let attempt = 1; ; attempt++) {
    const r = await ctx.runner.run("helm", args, { allowFailure: true });
    if (r.code === 0) return r;
    if (!WEBHOOK.test(r.stderr) || attempt >= HELM_ATTEMPTS) {
      if (WEBHOOK.test(r.stderr))
        r.stderr += `\nThe ingress-nginx admission webhook still refused after ${attempt} attempts: check \`kubectl -n ingress-nginx get pods,endpoints\`.`;
      throw new ToolError(`helm ${args.slice(0, 2).join(" ")}`, r);
    }
    const wait = ctx.opts.retryDelayMs * attempt;
    ctx.opts.log(
      `      · the ingress-nginx admission webhook is not ready yet; retrying in ${Math.round(wait / 1000)}s (${attempt}/${HELM_ATTEMPTS - 1})`,
    );
    await sleep(wait);
  }
}

export function installStep(): Step<Ctx> {
  return {
    title: "Install or upgrade the Helm release (waits for readiness)",
    fix: "See what is not ready: `npm run k8s -- status` and `npm run k8s -- logs api`. ImagePullBackOff/ErrImageNeverPull: the image build step did not finish.",
    async action(ctx) {
      const { runner, opts, facts } = ctx;
      const ip = await runner.run("minikube", ["ip"], { allowFailure: true });
      facts.minikubeIp = ip.code === 0 ? firstLine(ip.stdout) : "";
      const access = accessValues(opts, facts.minikubeIp || undefined);
      facts.publicUrl = access.publicUrl;
      facts.mcpPublicUrl = access.mcpPublicUrl;
      // The chart opens LLM egress when the live Secret holds a key (lookup); say so explicitly
      // too, so the policy never depends on lookup (dry runs, restricted RBAC).
      const secret = await findAppSecret(ctx, { allowFailure: true }).catch(() => undefined);
      const llm = secret?.data?.OPENAI_API_KEY ? ["--set", "llm.enabled=true"] : [];
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
        ...access.args,
        ...llm,
        "--wait",
        "--timeout",
        "10m",
      ];
      await helmUpgrade(ctx, args);
      return `release ${opts.release} in namespace ${opts.namespace}, publicUrl ${access.publicUrl}${llm.length ? ", LLM egress on" : ""}`;
    },
  };
}

/**
 * `helm test` without `--logs`: Helm before 4.1 deletes hook-succeeded test pods before `--logs`
 * reads them and then fails the command although every test passed (helm/helm#9098). A failed
 * test pod is never deleted by hook-succeeded, so its log is read with kubectl, on any Helm.
 */
export function helmTestStep(): Step<Ctx> {
  return {
    title: "Run helm test (health, sign-up + task round trip, MCP tools/list)",
    fix: "Read the failing test pod's log above; `npm run k8s -- logs test` shows it again, `npm run k8s -- status` the services.",
    async action({ runner, opts }) {
      if (!opts.runHelmTest) return "skipped (--skip-test)";
      const r = await runner.run(
        "helm",
        ["test", opts.release, "--namespace", opts.namespace, "--timeout", "5m"],
        {
          allowFailure: true,
        },
      );
      if (r.code === 0) return "all passed";
      const logs = await runner.run(
        "kubectl",
        [
          "logs",
          "--namespace",
          opts.namespace,
          "-l",
          componentSelector(opts, "test"),
          "--all-containers",
          "--prefix",
          "--tail=100",
        ],
        { allowFailure: true },
      );
      throw new Error(
        `helm test failed:\n${tail(`${r.stdout}\n${r.stderr}`, 30)}\n\nLogs of the test pods that remain (kubectl logs -l ${componentSelector(opts, "test")}):\n${
          tail(logs.stdout + logs.stderr, 60) || "(none)"
        }`,
      );
    },
  };
}

export function findUrlStep(): Step<Ctx> {
  return {
    title: "Find the URL",
    fix: "Check `minikube ip` and `kubectl get svc,ingress -n taskflow -l app.kubernetes.io/instance=taskflow`.",
    async action(ctx) {
      const { facts } = ctx;
      const web = await findService(ctx, "web");
      const mcp = await findService(ctx, "mcp");
      if (web) facts.webService = web.metadata.name;
      if (mcp) {
        facts.mcpService = mcp.metadata.name;
        facts.mcpServicePort = String(httpPort(mcp).port);
      }
      return facts.publicUrl;
    },
  };
}

export function upPlan(opts?: Options): Step<Ctx>[] {
  const warning = opts ? mdnsWarning(opts) : undefined;
  if (warning && opts) opts.log(`! ${warning}`);
  return [
    checkToolsStep(),
    startMinikubeStep(),
    {
      title: "Enable the ingress and metrics-server addons",
      fix: "Check `minikube addons list`; behind a proxy, set HTTPS_PROXY before `minikube start`.",
      async action({ runner }) {
        await runner.run("minikube", ["addons", "enable", "ingress"]);
        await runner.run("minikube", ["addons", "enable", "metrics-server"]);
        return "ingress, metrics-server";
      },
    },
    ...SERVICES.map(buildStep),
    waitIngressStep(),
    installStep(),
    helmTestStep(),
    findUrlStep(),
  ];
}
