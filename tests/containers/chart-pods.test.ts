// The chart's rendering run as real containers (podman + runc): render with the dev values (bundled
// database) and with the prod values (external database), run the migration Job (init container first),
// then each Deployment's container with its pod's exact securityContext, emptyDir volumes, limits,
// environment (from the rendered ConfigMap and Secrets) and command, wait on the rendered probes, run the
// helm test pods, drive sign-up → REST task → chat task → list through the web container, terminate the
// api mid-request as Kubernetes would (preStop, SIGTERM, grace period) and restart containers without
// losing data. All containers share one podman pod's network namespace, where every Service name is
// 127.0.0.1; PostgreSQL is this machine's server under the chart's database host name.
import { connect } from "node:net";
import { eventually } from "@taskflow/testing/wait";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type K8sObject, NAMESPACE, renderChart } from "../k8s/render";
import { buildImages, containerEngine, imageTag, podman } from "./support/images";
import { PodCluster, type Workload } from "./support/pod-cluster";
import { type ContainerSpec, componentOf, podSpecOf } from "./support/pod-runner";

// Runs under tests/containers/vitest.config.ts (`npm run test:containers`), which sets this; `npm test`
// collects the file too and skips it.
const selected = process.env.TASKFLOW_CONTAINER_TESTS === "1";
const engine = selected
  ? containerEngine()
  : ({ available: false, reason: "run by npm run test:containers" } as const);
const CI = process.env.CI === "true";
const adminUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres:postgres@127.0.0.1:5432/postgres";
const suffix = `${process.pid.toString(36)}${Date.now().toString(36)}`;
const ALL_CAPS = (1n << 41n) - 1n; // CAP_CHOWN … CAP_CHECKPOINT_RESTORE: any bit set is a capability kept

type Images = Record<"api" | "mcp" | "web", string>;
let images: Images;
let imagesReady: Promise<Images> | undefined;
// The service images, built once for both stacks (podman's layer cache makes an unchanged rebuild
// cheap). CHART_PODS_REUSE_IMAGES=1 (while developing this file) takes taskflow-<svc>:test as built.
const reuse = process.env.CHART_PODS_REUSE_IMAGES === "1";
const serviceImages = () => {
  if (reuse)
    imagesReady ??= Promise.resolve({ api: imageTag("api"), mcp: imageTag("mcp"), web: imageTag("web") });
  imagesReady ??= buildImages({ log: (line) => console.log(line) });
  return imagesReady;
};

/** `--set` values pointing the chart at the locally built images, never pulled. */
function imageSets(built: Images): Record<string, string> {
  const sets: Record<string, string> = {};
  for (const [service, ref] of Object.entries(built)) {
    const at = ref.lastIndexOf(":");
    sets[`${service}.image.repository`] = ref.slice(0, at);
    sets[`${service}.image.tag`] = ref.slice(at + 1);
    sets[`${service}.image.pullPolicy`] = "Never";
  }
  return sets;
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect().catch((error: Error) => {
    throw new Error(
      `PostgreSQL at ${new URL(adminUrl).host} (TEST_DATABASE_URL) is needed and unreachable: ${error.message}; here: pg_ctlcluster 15 main start`,
    );
  });
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
const quoteLiteral = (value: string) => `'${value.replaceAll("'", "''")}'`;

type Flow = { bearer: string; titles: string[] };

/** The scenario run against one rendering of the chart. */
function chartPods(label: "dev" | "prod") {
  const dbName = `tfct_${label}_${suffix}`;
  let cluster: PodCluster;
  let origin = "";
  const flow: Flow = { bearer: "", titles: [] };

  const render = async (): Promise<K8sObject[]> => {
    const built = await serviceImages();
    images = built;
    if (label === "dev") {
      return renderChart(["values-dev.yaml"], {
        ...imageSets(built),
        "database.bundled.database": dbName,
        "database.bundled.username": dbName,
      });
    }
    const objects = await renderChart(["values-prod.yaml"], {
      ...imageSets(built),
      "database.mode": "external",
      "database.external.existingSecret": `taskflow-database-${suffix}`,
      "database.external.existingSecretKey": "DATABASE_URL",
    });
    // What the operator creates by hand before installing (values-prod.yaml's header): the external
    // database's URL in its own Secret, here a dedicated role and database on this machine's server.
    const password = `pw-${suffix}-'x`;
    await admin(async (c) => {
      await c.query(`create role ${dbName} login password ${quoteLiteral(password)}`);
      await c.query(`create database ${dbName} owner ${dbName}`);
    });
    const url = `postgres://${dbName}:${encodeURIComponent(password)}@db.${suffix}.example.internal:5432/${dbName}`;
    return [
      ...objects,
      {
        apiVersion: "v1",
        kind: "Secret",
        metadata: { name: `taskflow-database-${suffix}` },
        type: "Opaque",
        data: { DATABASE_URL: Buffer.from(url).toString("base64") },
      },
    ];
  };

  beforeAll(async () => {
    const objects = await render();
    const config = objects.find((o) => o.kind === "ConfigMap");
    origin = config?.data.BETTER_AUTH_URL as string;
    cluster = new PodCluster(label, suffix, objects);
    let databaseHosts: string[] = [];
    if (label === "dev") {
      // The machine's PostgreSQL plays the bundled StatefulSet: same role, password and database.
      const secret = objects.find((o) => o.kind === "Secret" && o.data?.DATABASE_URL);
      const url = new URL(Buffer.from(secret?.data.DATABASE_URL, "base64").toString("utf8"));
      await admin(async (c) => {
        await c.query(
          `create role ${dbName} login password ${quoteLiteral(decodeURIComponent(url.password))}`,
        );
        await c.query(`create database ${dbName} owner ${dbName}`);
      });
    } else {
      databaseHosts = [`db.${suffix}.example.internal`];
    }
    await cluster.create(databaseHosts, NAMESPACE);
  }, 1_500_000);

  afterAll(async () => {
    await cluster?.destroy();
    await admin(async (c) => {
      await c.query(`drop database if exists ${dbName} with (force)`);
      await c.query(`drop role if exists ${dbName}`);
    }).catch(() => undefined);
  }, 180_000);

  it("renders every workload with the built images, never pulled", () => {
    const pods = cluster.objects.filter((o) => ["Deployment", "Job", "Pod"].includes(o.kind)).map(podSpecOf);
    const refs = pods.flatMap((p) => [...(p.initContainers ?? []), ...p.containers]).map((c) => c.image);
    expect(refs.length).toBeGreaterThanOrEqual(8);
    for (const ref of refs) expect(Object.values(images)).toContain(ref);
  });

  it("runs the migration Job: its init container waits for the database, then migrations complete (twice: idempotent)", async () => {
    const job = cluster.objects.find((o) => o.kind === "Job");
    expect(job, "a migration Job is rendered").toBeDefined();
    for (const round of [1, 2]) {
      const results = await cluster.runJob(job as K8sObject);
      console.log(
        `${label}: migration Job round ${round}: ${results.map((r) => `${r.container} ${r.seconds.toFixed(1)} s`).join(", ")}`,
      );
      const spec = podSpecOf(job as K8sObject);
      expect(results.map((r) => r.container)).toEqual(
        [...(spec.initContainers ?? []), ...spec.containers].map((c) => c.name),
      );
      for (const r of results) expect(r.code, `round ${round}, ${r.container}:\n${r.output}`).toBe(0);
      expect(results[0]?.output).toMatch(/accepts connections/);
      expect(results.at(-1)?.output).toMatch(/migrations current/);
    }
  }, 240_000);

  it("starts each Deployment as a container and passes its startup, readiness and liveness probes", async () => {
    expect(cluster.deployments().map(componentOf).sort()).toEqual(["api", "mcp", "web"]);
    // Every Service name is 127.0.0.1 in the pod, so a Service's port must be its target's container
    // port (Services' ports differ, so nothing collides); PORT must be what the probes target.
    for (const deployment of cluster.deployments()) {
      const component = componentOf(deployment);
      const container = podSpecOf(deployment).containers[0];
      const service = cluster.services().find((o) => componentOf(o) === component);
      const servicePort = service?.spec.ports[0];
      const target = container?.ports?.find(
        (p) => p.name === servicePort?.targetPort || p.containerPort === servicePort?.targetPort,
      );
      expect(target?.containerPort, `${component}: Service port → container port`).toBe(servicePort?.port);
      expect(container?.env?.find((e) => e.name === "PORT")?.value, `${component}: PORT`).toBe(
        String(target?.containerPort),
      );
      expect(container?.readinessProbe?.httpGet?.path).not.toBe(container?.livenessProbe?.httpGet?.path);
    }
    for (const component of ["mcp", "api", "web"]) {
      const workload = await cluster.start(component);
      const timing = await cluster.awaitProbes(workload);
      console.log(
        `${label}: ${component} started in ${timing.startup.toFixed(1)} s, ready in ${timing.ready.toFixed(1)} s`,
      );
      cluster.monitorLiveness(workload);
    }
  }, 300_000);

  it("runs each container as its securityContext says (uid/gid, fsGroup, read-only root, no capabilities, no new privileges, emptyDirs)", async () => {
    for (const workload of cluster.workloads.values()) {
      const { spec, container } = workload;
      const status = await cluster.processStatus(workload.name);
      const podSc = spec.securityContext ?? {};
      const sc = container.securityContext ?? {};
      const uid = sc.runAsUser ?? podSc.runAsUser;
      const gid = sc.runAsGroup ?? podSc.runAsGroup;
      expect(uid, `${workload.component}: runAsUser rendered`).toBeTypeOf("number");
      expect(status.uid, workload.component).toEqual([uid, uid, uid, uid]);
      expect(status.gid, workload.component).toEqual([gid, gid, gid, gid]);
      if (podSc.runAsNonRoot || sc.runAsNonRoot) expect(status.uid[0]).not.toBe(0);
      if (podSc.fsGroup !== undefined) expect(status.groups).toContain(podSc.fsGroup);
      expect(status.rootReadOnly, `${workload.component}: read-only root`).toBe(
        sc.readOnlyRootFilesystem === true,
      );
      if (sc.capabilities?.drop?.includes("ALL")) {
        expect(status.capEff & ALL_CAPS).toBe(0n);
        expect(status.capBnd & ALL_CAPS).toBe(0n);
      }
      expect(status.noNewPrivs).toBe(sc.allowPrivilegeEscalation === false ? 1 : 0);
      for (const mount of container.volumeMounts ?? []) expect(status.mounts).toContain(mount.mountPath);
    }
  });

  it("binds each container port on all interfaces, so the pod IP (Services, kubelet probes) reaches it", async () => {
    // Inside this podman pod every Service name is 127.0.0.1, which would hide a loopback-only server.
    for (const workload of cluster.workloads.values()) {
      const sockets = await cluster.listening(workload.name);
      for (const port of workload.container.ports ?? []) {
        const all = sockets.filter(
          (s) => s === `0.0.0.0:${port.containerPort}` || s === `:::${port.containerPort}`,
        );
        expect(all, `${workload.component} listens on ${sockets.join(", ")}`).not.toEqual([]);
      }
    }
  });

  it("serves sign-up, a REST task, a chat task and the list through the web container", async () => {
    const web = cluster.url("web");
    const signUp = await fetch(`${web}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin },
      body: JSON.stringify({
        name: "Pods",
        email: `pods-${label}-${suffix}@example.com`,
        password: "containers all the way",
      }),
    });
    expect(signUp.status, await signUp.clone().text()).toBe(200);
    flow.bearer = signUp.headers.get("set-auth-token") ?? "";
    expect(flow.bearer).not.toBe("");
    const auth = { authorization: `Bearer ${flow.bearer}`, "content-type": "application/json" };
    const rest = await fetch(`${web}/api/tasks`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify({ title: "From REST" }),
    });
    expect(rest.status, await rest.clone().text()).toBe(201);
    const tomorrowBefore = utcDay(1);
    const chat = await fetch(`${web}/api/chat`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify({ message: "add buy milk tomorrow" }),
    });
    const answer = (await chat
      .clone()
      .json()
      .catch(() => ({}))) as { tool_calls?: { tool: string }[] };
    expect(chat.status, await chat.text()).toBe(200);
    expect(answer.tool_calls?.map((t) => t.tool)).toContain("add_task");
    const list = await tasks(web, flow.bearer);
    expect(list.map((t) => t.title.toLowerCase())).toEqual(["from rest", "buy milk"]);
    expect([tomorrowBefore, utcDay(1)]).toContain(list[1]?.due_at?.slice(0, 10));
    flow.titles = list.map((t) => t.title);
  }, 120_000);

  it("passes the chart's helm test pods, each run as a container with its securityContext", async () => {
    const tests = cluster.objects.filter(
      (o) => o.kind === "Pod" && o.metadata.annotations?.["helm.sh/hook"] === "test",
    );
    expect(tests.map((t) => t.metadata.name.replace(/^.*-test-/, "")).sort()).toEqual([
      "api-ready",
      "mcp-tools",
      "roundtrip",
      "web-health",
    ]);
    for (const pod of tests) {
      const container = podSpecOf(pod).containers[0];
      const run = await cluster.runToCompletion(pod, container as ContainerSpec, 120_000);
      expect(run.code, `${pod.metadata.name}:\n${run.stdout}${run.stderr}`).toBe(0);
      expect(run.stdout).toMatch(/^ok /m);
      await podman(["rm", "-f", run.name], { check: false });
    }
  }, 300_000);

  it("drains the api like a pod deletion: preStop, SIGTERM mid-request, readiness fails, the request completes, exit 0 within terminationGracePeriodSeconds", async () => {
    const api = cluster.workload("api");
    const grace = api.spec.terminationGracePeriodSeconds as number;
    expect(grace).toBeGreaterThan(0);
    cluster.stopMonitor(api);
    const apiUrl = new URL(cluster.url("api"));
    const body = JSON.stringify({ title: "Written during the drain" });
    const requestId = `drain-${suffix}`;
    // A request whose body is half sent: truly in flight in the api when the pod is deleted.
    const socket = connect(Number(apiUrl.port), "127.0.0.1");
    await new Promise((resolve, reject) => socket.once("connect", resolve).once("error", reject));
    let response = "";
    socket.on("data", (chunk) => {
      response += chunk.toString();
    });
    const closed = new Promise((resolve) => socket.once("close", resolve));
    socket.write(
      `POST /api/tasks HTTP/1.1\r\nHost: taskflow-api\r\nX-Request-Id: ${requestId}\r\nAuthorization: Bearer ${flow.bearer}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.slice(0, 10)}`,
    );
    // Fastify logs "incoming request" with the id once the headers are parsed (pino at info, so with both values files).
    await eventually(
      async () => (await cluster.logs(api.name, 200)).includes(requestId),
      `the api to log the start of request ${requestId}`,
      20_000,
    );
    const deleted = Date.now();
    await preStop(api);
    const preStopSeconds = (Date.now() - deleted) / 1000;
    const remaining = Math.max(1, Math.floor(grace - preStopSeconds));
    // SIGTERM now; podman sends SIGKILL after the rest of the grace period, as the kubelet would.
    const stopped = podman(["stop", "--time", String(remaining), api.name], {
      check: false,
      timeoutMs: (remaining + 30) * 1000,
    });
    let readyDuringDrain: number | string = 200;
    await eventually(
      async () => {
        readyDuringDrain = await fetch(`${apiUrl.origin}/readyz`, {
          signal: AbortSignal.timeout(2000),
        }).then(
          (r) => r.status,
          () => "refused",
        );
        return readyDuringDrain !== 200;
      },
      "readiness to fail after SIGTERM",
      10_000,
    );
    expect([503, "refused"]).toContain(readyDuringDrain);
    socket.write(body.slice(10));
    await closed;
    await stopped;
    const state = await cluster.state(api.name);
    const total = (Date.now() - deleted) / 1000;
    expect(response, await cluster.logs(api.name)).toMatch(/^HTTP\/1\.1 201/);
    expect(response).toContain("Written during the drain");
    expect(state.Running).toBe(false);
    expect(
      state.ExitCode,
      `exit code (137 = killed at the end of the grace period):\n${await cluster.logs(api.name)}`,
    ).toBe(0);
    expect(total, `preStop ${preStopSeconds.toFixed(1)} s + drain`).toBeLessThan(grace);
    console.log(
      `${label}: api deleted → exited 0 in ${total.toFixed(1)} s (preStop ${preStopSeconds.toFixed(1)} s, grace ${grace} s)`,
    );
    flow.titles.push("Written during the drain");
  }, 120_000);

  it("restarts containers without losing anything: api, a killed mcp, and web serve the same tasks after", async () => {
    const api = cluster.workload("api");
    await podman(["start", api.name], { timeoutMs: 60_000 });
    await cluster.awaitProbes(api);
    cluster.monitorLiveness(api);
    const web = cluster.url("web");
    expect((await tasks(web, flow.bearer)).map((t) => t.title)).toEqual(flow.titles);

    // The mcp process dies (SIGKILL, as an OOM kill would); the kubelet restarts the container in place.
    const mcp = cluster.workload("mcp");
    cluster.stopMonitor(mcp);
    await podman(["kill", "--signal", "KILL", mcp.name], { timeoutMs: 30_000 });
    await podman(["wait", mcp.name], { check: false, timeoutMs: 30_000 });
    await podman(["start", mcp.name], { timeoutMs: 60_000 });
    await cluster.awaitProbes(mcp);
    cluster.monitorLiveness(mcp);
    const chat = await fetch(`${web}/api/chat`, {
      method: "POST",
      headers: { authorization: `Bearer ${flow.bearer}`, "content-type": "application/json" },
      body: JSON.stringify({ message: "add call the plumber" }),
    });
    expect(chat.status, await chat.clone().text()).toBe(200);
    flow.titles.push("call the plumber");

    const webWorkload = cluster.workload("web");
    cluster.stopMonitor(webWorkload);
    await podman(
      ["restart", "--time", String(webWorkload.spec.terminationGracePeriodSeconds), webWorkload.name],
      {
        timeoutMs: 90_000,
      },
    );
    await cluster.awaitProbes(webWorkload);
    cluster.monitorLiveness(webWorkload);
    expect((await tasks(web, flow.bearer)).map((t) => t.title.toLowerCase())).toEqual(
      flow.titles.map((t) => t.toLowerCase()),
    );
  }, 240_000);

  it("kept every container alive: no liveness failure run reached its threshold, nothing OOM-killed", async () => {
    for (const workload of cluster.workloads.values()) {
      const state = await cluster.state(workload.name);
      expect(state.Running, `${workload.component}:\n${await cluster.logs(workload.name)}`).toBe(true);
      expect(state.OOMKilled).toBe(false);
      const threshold = workload.container.livenessProbe?.failureThreshold ?? 3;
      expect(workload.liveness.worst, `${workload.component}: consecutive liveness failures`).toBeLessThan(
        threshold,
      );
    }
  });
}

async function preStop(workload: Workload): Promise<void> {
  const hook = workload.container.lifecycle?.preStop;
  if (hook?.exec) {
    const run = await podman(["exec", workload.name, ...hook.exec.command], {
      check: false,
      timeoutMs: 60_000,
    });
    expect(
      run.code,
      `preStop ${JSON.stringify(hook.exec.command)} in ${workload.component}: ${run.stdout}${run.stderr}`,
    ).toBe(0);
  } else if (hook?.sleep) {
    // sleepAction runs in the kubelet, not in the container: a pause before SIGTERM.
    const { seconds } = hook.sleep;
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  }
}

type Task = { title: string; due_at: string | null };
async function tasks(web: string, bearer: string): Promise<Task[]> {
  const res = await fetch(`${web}/api/tasks?status=all&sort=created&limit=100`, {
    headers: { authorization: `Bearer ${bearer}` },
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json()) as { items: Task[] }).items;
}
function utcDay(offset: number): string {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
}

if (engine.available) {
  describe.sequential("chart pods in real containers: dev values, bundled database", () => chartPods("dev"));
  describe.sequential("chart pods in real containers: prod values, external database", () =>
    chartPods("prod"));
} else if (CI && selected) {
  describe("chart pods in real containers", () => {
    it("needs a container engine in CI", () => {
      throw new Error(`no usable container engine: ${engine.reason}`);
    });
  });
} else {
  describe.skip(`chart pods in real containers (skipped: ${engine.reason})`, () => {
    it("needs podman and runc", () => undefined);
  });
}
