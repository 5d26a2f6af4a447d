// Cluster simulation: render the chart with the dev values and run what it says — the migration Job,
// then each Deployment's container command from the built artifacts with exactly the environment the
// pod would get (ConfigMap and Secret references resolved, Service host names mapped to local ports),
// wait on the probes the chart declares, drive a smoke flow through the web Service, run the helm test
// pods' commands, and check the api drains on SIGTERM. Proves chart and code agree on ports, paths,
// commands and variable names. Needs PostgreSQL (TEST_DATABASE_URL) standing in for the bundled one.
import { existsSync } from "node:fs";
import { connect } from "node:net";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, type ServiceProcess, startProcess, waitForHttp } from "../support/processes";
import { eventually } from "../support/wait";
import { type K8sObject, renderChart } from "./render";
import { mapServiceHosts, resolvePodEnv } from "./simulation/pod-env";
import { repoRoot } from "./tools";

const adminUrl = process.env.TEST_DATABASE_URL;
const suffix = `${process.pid}_${Date.now().toString(36)}`;
const dbName = `tfsim_${suffix}`;
const sets = { "database.bundled.database": dbName, "database.bundled.username": dbName };

/** Where each image's WORKDIR (/app) comes from in this checkout. */
const IMAGE_ROOTS: Record<string, string> = {
  api: repoRoot,
  mcp: repoRoot,
  web: join(repoRoot, "apps/web/.next/standalone"),
};
const built = [
  "apps/api/dist/server.js",
  "apps/mcp/dist/server.js",
  "apps/web/.next/standalone/apps/web/server.js",
].every((f) => existsSync(join(repoRoot, f)));

type Container = {
  name: string;
  image: string;
  command: string[];
  args?: string[];
  ports?: { name: string; containerPort: number }[];
  env?: { name: string; value?: string }[];
  startupProbe?: Probe;
  readinessProbe?: Probe;
  livenessProbe?: Probe;
};
type Probe = { httpGet?: { path: string; port: string | number } };

const podSpec = (o: K8sObject) => (o.kind === "Pod" ? o.spec : o.spec.template.spec);
const mainContainer = (o: K8sObject): Container => podSpec(o).containers[0];
const componentOf = (o: K8sObject) => o.metadata.labels?.["app.kubernetes.io/component"] as string;
const imageRoot = (image: string) => {
  const match = Object.keys(IMAGE_ROOTS).find((name) =>
    new RegExp(`taskflow[-/]?${name}\\b|/${name}:`).test(image),
  );
  if (!match) throw new Error(`no local stand-in for image ${image}`);
  return IMAGE_ROOTS[match] as string;
};

describe.skipIf(!adminUrl || !built)(
  "cluster simulation of the dev values (needs TEST_DATABASE_URL and npm run build)",
  () => {
    let objects: K8sObject[];
    const services = new Map<string, string>(); // "<service>:<port>" → "127.0.0.1:<local port>"
    const localPorts = new Map<string, number>(); // component → local port
    const running = new Map<string, ServiceProcess>();
    let bearer = ""; // the smoke flow's user, reused by the drain check

    const envFor = (container: Container, port?: number) => {
      const env = mapServiceHosts(resolvePodEnv(container, objects), services);
      // The one deliberate change: each pod's PORT becomes the local port standing in for its Service.
      if (port !== undefined) env.PORT = String(port);
      return { ...env, PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp" };
    };
    const start = (o: K8sObject, port?: number) => {
      const container = mainContainer(o);
      const [command, ...args] = [...container.command, ...(container.args ?? [])];
      return startProcess(o.metadata.name, command as string, args, {
        env: envFor(container, port),
        cwd: imageRoot(container.image),
      });
    };

    beforeAll(async () => {
      objects = await renderChart(["values-dev.yaml"], sets);
      const secret = objects.find((o) => o.kind === "Secret" && o.data?.DATABASE_URL);
      const url = new URL(Buffer.from(secret?.data.DATABASE_URL, "base64").toString("utf8"));
      // The local PostgreSQL plays the bundled StatefulSet: same user, password and database.
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(
        `create role ${dbName} login password '${decodeURIComponent(url.password).replaceAll("'", "''")}'`,
      );
      await admin.query(`create database ${dbName} owner ${dbName}`);
      await admin.end();
      const local = new URL(adminUrl as string);
      for (const service of objects.filter((o) => o.kind === "Service" && !o.spec.clusterIP)) {
        const component = componentOf(service);
        for (const port of service.spec.ports as { port: number }[]) {
          const target =
            component === "postgresql"
              ? `${local.hostname}:${local.port || 5432}`
              : `127.0.0.1:${await freePort()}`;
          services.set(`${service.metadata.name}:${port.port}`, target);
          if (component !== "postgresql") localPorts.set(component, Number(target.split(":")[1]));
        }
      }
      for (const service of objects.filter((o) => o.kind === "Service" && o.spec.clusterIP === "None")) {
        services.set(`${service.metadata.name}:5432`, `${local.hostname}:${local.port || 5432}`);
      }
    }, 120_000);

    afterAll(async () => {
      for (const process of running.values()) await process.stop();
      if (!adminUrl) return;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`drop database if exists ${dbName} with (force)`);
      await admin.query(`drop role if exists ${dbName}`);
      await admin.end();
    });

    it("runs the migration Job's command to completion", async () => {
      const job =
        objects.find((o) => o.kind === "Job" && componentOf(o) === "migrations") ??
        objects.find((o) => o.kind === "Job");
      expect(job, "a migration Job is rendered").toBeDefined();
      const migrate = start(job as K8sObject);
      expect(await migrate.exited, migrate.output()).toBe(0);
      expect(migrate.output()).toMatch(/migrations current/);
    });

    it("starts every Deployment with its pod environment and passes its declared probes", async () => {
      const deployments = objects.filter((o) => o.kind === "Deployment");
      expect(deployments.map(componentOf).sort()).toEqual(["api", "mcp", "web"]);
      for (const deployment of ["mcp", "api", "web"].map(
        (c) => deployments.find((d) => componentOf(d) === c) as K8sObject,
      )) {
        const component = componentOf(deployment);
        const container = mainContainer(deployment);
        const declaredPort = container.env?.find((e) => e.name === "PORT")?.value;
        const http = container.ports?.find((p) => p.name === "http");
        expect(String(http?.containerPort), `${component}: PORT env matches the container port`).toBe(
          declaredPort,
        );
        const service = objects.find((o) => o.kind === "Service" && componentOf(o) === component);
        expect(service?.spec.ports[0].targetPort, `${component}: Service targets the named port`).toBe(
          "http",
        );

        const port = localPorts.get(component) as number;
        const process = start(deployment, port);
        running.set(component, process);
        for (const probe of [container.startupProbe, container.readinessProbe, container.livenessProbe]) {
          expect(probe?.httpGet, `${component} declares HTTP probes`).toBeDefined();
          expect(probe?.httpGet?.port).toBe("http");
          await waitForHttp(`http://127.0.0.1:${port}${probe?.httpGet?.path}`, process, 60_000);
        }
        expect(container.readinessProbe?.httpGet?.path).not.toBe(container.livenessProbe?.httpGet?.path);
      }
    }, 240_000);

    it("serves a sign-up, a REST task and a chat task through the web Service", async () => {
      const web = `http://127.0.0.1:${localPorts.get("web")}`;
      const origin = objects.find((o) => o.kind === "ConfigMap")?.data.BETTER_AUTH_URL as string;
      const signUp = await fetch(`${web}/api/auth/sign-up/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin },
        body: JSON.stringify({
          name: "Sim",
          email: `sim-${suffix}@example.com`,
          password: "simulated password",
        }),
      });
      expect(signUp.status, await signUp.clone().text()).toBe(200);
      bearer = signUp.headers.get("set-auth-token") ?? "";
      const auth = { authorization: `Bearer ${bearer}`, "content-type": "application/json" };
      const rest = await fetch(`${web}/api/tasks`, {
        method: "POST",
        headers: auth,
        body: JSON.stringify({ title: "From REST" }),
      });
      expect(rest.status).toBe(201);
      const chat = await fetch(`${web}/api/chat`, {
        method: "POST",
        headers: auth,
        body: JSON.stringify({ message: "add water the plants #home" }),
      });
      expect(chat.status, await chat.clone().text()).toBe(200);
      const list = (await (await fetch(`${web}/api/tasks?sort=created`, { headers: auth })).json()) as {
        items: { title: string }[];
      };
      expect(list.items.map((t) => t.title)).toEqual(["From REST", "water the plants"]);
    });

    it("passes the chart's own helm test pods", async () => {
      const tests = objects.filter(
        (o) => o.kind === "Pod" && o.metadata.annotations?.["helm.sh/hook"] === "test",
      );
      expect(tests.length).toBeGreaterThanOrEqual(4);
      for (const pod of tests) {
        const run = start(pod);
        expect(await run.exited, `${pod.metadata.name}:\n${run.output()}`).toBe(0);
      }
    }, 180_000);

    it("drains the api on SIGTERM: an in-flight request finishes, readiness fails, exit 0 within the grace period", async () => {
      const api = running.get("api") as ServiceProcess;
      const deployment = objects.find(
        (o) => o.kind === "Deployment" && componentOf(o) === "api",
      ) as K8sObject;
      const graceSeconds = podSpec(deployment).terminationGracePeriodSeconds as number;
      const port = localPorts.get("api") as number;
      // A request whose body is only half sent when SIGTERM arrives: truly in flight on the server.
      const body = JSON.stringify({ title: "Written during the drain" });
      const requestId = `drain-${suffix}`;
      const socket = connect(port, "127.0.0.1");
      await new Promise((resolve) => socket.once("connect", resolve));
      let response = "";
      socket.on("data", (chunk) => {
        response += chunk.toString();
      });
      const closed = new Promise((resolve) => socket.once("close", resolve));
      socket.write(
        `POST /api/tasks HTTP/1.1\r\nHost: api\r\nX-Request-Id: ${requestId}\r\nAuthorization: Bearer ${bearer}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.slice(0, 10)}`,
      );
      // SIGTERM only once the api has begun the request (Fastify logs "incoming request" with its id as
      // soon as the headers are parsed; the dev values log at debug): after a fixed pause, a busy machine
      // could still have the connection unread, and a drain rightly closes an idle connection.
      await eventually(
        () => api.output().includes(`"reqId":"${requestId}"`),
        `the api to log the start of request ${requestId}`,
        15_000,
      );
      const began = Date.now();
      api.child.kill("SIGTERM");
      // Readiness fails once the api has handled the signal (polled, not after a fixed pause), while
      // the half-sent request is still in flight.
      let readyDuringDrain: number | string = 200;
      await eventually(
        async () => {
          readyDuringDrain = await fetch(`http://127.0.0.1:${port}/readyz`).then(
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
      expect(response).toMatch(/^HTTP\/1\.1 201/);
      expect(response).toContain("Written during the drain");
      expect(await api.exited, api.output()).toBe(0);
      expect(Date.now() - began).toBeLessThan(graceSeconds * 1000);
      running.delete("api");
    });
  },
);
