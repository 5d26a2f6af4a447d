// The Helm chart, checked offline with real helm: lint, render with every values file, validate
// every object against the Kubernetes API schemas, and enforce the policies the chart promises.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import { Deployment, StatefulSet } from "kubernetes-models/apps/v1";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2";
import { Job } from "kubernetes-models/batch/v1";
import { Ingress, NetworkPolicy } from "kubernetes-models/networking.k8s.io/v1";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1";
import { ConfigMap, Pod, Secret, Service, ServiceAccount } from "kubernetes-models/v1";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { type FakeCluster, startFakeApiServer } from "./fake-apiserver";
import { allContainers, polarisFindings, pssRestrictedViolations, workloads } from "./policies";
import {
  HTTPROUTE_API,
  helmNotes,
  helmTemplate,
  helmTemplateAgainst,
  type K8sObject,
  RELEASE,
  renderAgainst,
  renderChart,
} from "./render";
import { chartDir, helm } from "./tools";

// biome-ignore lint/suspicious/noExplicitAny: manifests are open-ended JSON
type Json = any;

// A Gateway API HTTPRoute subset (gateway.networking.k8s.io/v1): kubernetes-models has no
// Gateway API types, so the fields the chart renders are checked against this schema.
const httpRouteSchema = {
  type: "object",
  required: ["apiVersion", "kind", "metadata", "spec"],
  properties: {
    apiVersion: { const: "gateway.networking.k8s.io/v1" },
    kind: { const: "HTTPRoute" },
    metadata: { type: "object", required: ["name"] },
    spec: {
      type: "object",
      additionalProperties: false,
      required: ["parentRefs", "rules"],
      properties: {
        parentRefs: {
          type: "array",
          minItems: 1,
          items: {
            type: "object",
            additionalProperties: false,
            required: ["name"],
            properties: {
              name: { type: "string" },
              namespace: { type: "string" },
              sectionName: { type: "string" },
              group: { type: "string" },
              kind: { type: "string" },
            },
          },
        },
        hostnames: { type: "array", items: { type: "string" } },
        rules: {
          type: "array",
          minItems: 1,
          maxItems: 16,
          items: {
            type: "object",
            additionalProperties: false,
            properties: {
              matches: {
                type: "array",
                items: {
                  type: "object",
                  additionalProperties: false,
                  properties: {
                    path: {
                      type: "object",
                      additionalProperties: false,
                      required: ["type", "value"],
                      properties: {
                        type: { enum: ["Exact", "PathPrefix", "RegularExpression"] },
                        value: { type: "string", pattern: "^/" },
                      },
                    },
                  },
                },
              },
              backendRefs: {
                type: "array",
                items: {
                  type: "object",
                  additionalProperties: false,
                  required: ["name", "port"],
                  properties: {
                    name: { type: "string" },
                    port: { type: "integer", minimum: 1, maximum: 65535 },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
};
const ajv = new Ajv({ allErrors: true, strict: false });
const validateHttpRoute = ajv.compile(httpRouteSchema);

type Validator = (obj: K8sObject) => void;
const model =
  (Model: new (data: Json) => { validate(): void }): Validator =>
  (obj) =>
    new Model(obj).validate();
const VALIDATORS: Record<string, Validator> = {
  "apps/v1/Deployment": model(Deployment),
  "apps/v1/StatefulSet": model(StatefulSet),
  "autoscaling/v2/HorizontalPodAutoscaler": model(HorizontalPodAutoscaler),
  "batch/v1/Job": model(Job),
  "networking.k8s.io/v1/Ingress": model(Ingress),
  "networking.k8s.io/v1/NetworkPolicy": model(NetworkPolicy),
  "policy/v1/PodDisruptionBudget": model(PodDisruptionBudget),
  "v1/ConfigMap": model(ConfigMap),
  "v1/Pod": model(Pod),
  "v1/Secret": model(Secret),
  "v1/Service": model(Service),
  "v1/ServiceAccount": model(ServiceAccount),
  "gateway.networking.k8s.io/v1/HTTPRoute": (obj) => {
    if (!validateHttpRoute(obj)) throw new Error(ajv.errorsText(validateHttpRoute.errors));
  },
};

// Every combination the chart must render cleanly, including the optional branches.
const SCENARIOS: { name: string; files: string[]; sets?: Record<string, string> }[] = [
  { name: "default", files: [] },
  { name: "dev", files: ["values-dev.yaml"] },
  { name: "prod", files: ["values-prod.yaml"] },
  {
    name: "gateway + external db + llm + no mcp exposure",
    files: [],
    sets: {
      "gateway.enabled": "true",
      "gateway.parentRefs[0].name": "eg",
      "ingress.enabled": "false",
      "database.mode": "external",
      "database.external.existingSecret": "neon",
      "llm.enabled": "true",
      "mcp.expose": "false",
    },
  },
  {
    name: "port-forward only",
    files: ["values-dev.yaml"],
    sets: { "ingress.enabled": "false", publicUrl: "http://localhost:3000" },
  },
  {
    name: "ingress and gateway side by side",
    files: [],
    sets: {
      "gateway.enabled": "true",
      "gateway.parentRefs[0].name": "eg",
      "gateway.hostnames[0]": "taskflow.example.org",
      "gateway.scheme": "https",
    },
  },
  {
    name: "existing secret, cert-manager, sleep action",
    files: [],
    sets: {
      "secrets.existingSecret": "mine",
      "ingress.tls.certManager.issuer": "letsencrypt",
      "lifecycle.preStopMode": "sleepAction",
    },
  },
];

const rendered = new Map<string, K8sObject[]>();
async function scenario(name: string): Promise<K8sObject[]> {
  const s = SCENARIOS.find((x) => x.name === name);
  if (!s) throw new Error(name);
  if (!rendered.has(name)) rendered.set(name, await renderChart(s.files, s.sets));
  return rendered.get(name) ?? [];
}

const podTemplates = (objects: K8sObject[]) => workloads(objects);
const find = (objects: K8sObject[], kind: string, name: string) =>
  objects.find((o) => o.kind === kind && o.metadata.name === name);

describe("helm lint", () => {
  for (const files of [[], ["values-dev.yaml"], ["values-prod.yaml"]]) {
    it(`passes --strict with ${files[0] ?? "default values"}`, () => {
      const r = helm(["lint", "--strict", chartDir, ...files.flatMap((f) => ["-f", join(chartDir, f)])]);
      expect(r.stderr + r.stdout).not.toMatch(/\[(ERROR|WARNING)\]/);
      expect(r.code).toBe(0);
    });
  }
});

describe.each(SCENARIOS.map((s) => s.name))("rendered manifests: %s", (name) => {
  it("every object validates against the Kubernetes API schema of its kind", async () => {
    const objects = await scenario(name);
    expect(objects.length).toBeGreaterThan(5);
    for (const obj of objects) {
      const key = `${obj.apiVersion}/${obj.kind}`;
      const validate = VALIDATORS[key];
      expect(validate, `no validator for ${key}`).toBeDefined();
      expect(() => validate?.(obj), `${key} ${obj.metadata.name}`).not.toThrow();
    }
  });

  it("names are release-derived DNS labels of at most 63 characters, with recommended labels", async () => {
    for (const obj of await scenario(name)) {
      expect(obj.metadata.name).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
      expect(obj.metadata.name.length).toBeLessThanOrEqual(63);
      expect(obj.metadata.name.startsWith(RELEASE)).toBe(true);
      const labels = obj.metadata.labels ?? {};
      for (const key of [
        "app.kubernetes.io/name",
        "app.kubernetes.io/instance",
        "app.kubernetes.io/version",
        "app.kubernetes.io/managed-by",
        "app.kubernetes.io/component",
        "helm.sh/chart",
      ]) {
        expect(labels[key], `${obj.kind}/${obj.metadata.name} ${key}`).toBeTruthy();
      }
    }
  });

  it("every pod (services, database, jobs, tests) meets PSS restricted with a read-only root fs", async () => {
    const ws = podTemplates(await scenario(name));
    expect(ws.some((w) => w.kind === "Job")).toBe(true);
    expect(ws.some((w) => w.kind === "Pod")).toBe(true);
    for (const w of ws) {
      expect(pssRestrictedViolations(w.podSpec), `${w.kind}/${w.name}`).toEqual([]);
      expect(w.podSpec.automountServiceAccountToken, w.name).toBe(false);
      for (const { c } of allContainers(w.podSpec)) {
        expect(c.securityContext?.readOnlyRootFilesystem, `${w.name}/${c.name}`).toBe(true);
        const tmp = (c.volumeMounts ?? []).find((m: Json) => m.mountPath === "/tmp");
        expect(tmp, `${w.name}/${c.name} /tmp`).toBeDefined();
        expect(
          c.resources?.requests?.cpu && c.resources?.requests?.memory,
          `${w.name}/${c.name} requests`,
        ).toBeTruthy();
        expect(
          c.resources?.limits?.cpu && c.resources?.limits?.memory,
          `${w.name}/${c.name} limits`,
        ).toBeTruthy();
        expect(c.image).toMatch(/^[^:]+(:[^:]+)?:[A-Za-z0-9_][A-Za-z0-9_.-]*$/);
        expect(c.image).not.toMatch(/:latest$/);
      }
    }
  });

  it("no literal secret values in container env; secret env comes from Secrets", async () => {
    const objects = await scenario(name);
    for (const w of podTemplates(objects)) {
      for (const { c } of allContainers(w.podSpec)) {
        for (const e of c.env ?? []) {
          if (/SECRET|PASSWORD|TOKEN|KEY|DATABASE_URL/i.test(e.name)) {
            expect(e.value, `${w.name}/${c.name} ${e.name}`).toBeUndefined();
            expect(e.valueFrom?.secretKeyRef, `${w.name}/${c.name} ${e.name}`).toBeDefined();
          }
        }
      }
    }
  });

  it("service workloads have distinct liveness/readiness probes, preStop and enough grace", async () => {
    const objects = await scenario(name);
    const cm = objects.find((o) => o.kind === "ConfigMap");
    const graceMs = Number(cm?.data.SHUTDOWN_GRACE_MS);
    for (const w of podTemplates(objects).filter(
      (x) => x.kind === "Deployment" || x.kind === "StatefulSet",
    )) {
      for (const c of w.podSpec.containers) {
        expect(c.livenessProbe, w.name).toBeDefined();
        expect(c.readinessProbe, w.name).toBeDefined();
        expect(c.startupProbe, w.name).toBeDefined();
        expect(JSON.stringify(c.livenessProbe)).not.toEqual(JSON.stringify(c.readinessProbe));
      }
      if (w.kind !== "Deployment") continue;
      const c = w.podSpec.containers[0];
      expect(c.livenessProbe.httpGet.path).toBe("/healthz");
      expect(c.startupProbe.httpGet.path).toBe("/healthz");
      expect(c.readinessProbe.httpGet.path).toBe("/readyz");
      const preStop = c.lifecycle?.preStop;
      const pause = preStop?.sleep ? preStop.sleep.seconds : Number(preStop?.exec?.command?.at(-1));
      expect(pause).toBeGreaterThan(0);
      expect(w.podSpec.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(
        pause + Math.ceil(graceMs / 1000),
      );
      expect(w.obj.spec.strategy.rollingUpdate.maxUnavailable).toBe(0);
      expect(w.podSpec.topologySpreadConstraints?.length).toBeGreaterThan(0);
      expect(w.podMeta.annotations?.["checksum/config"]).toMatch(/^[0-9a-f]{64}$/);
      // A secret checksum exactly on the workloads that read a Secret (the web reads none).
      if (secretKeysRead(w.podSpec).length > 0)
        expect(w.podMeta.annotations?.["checksum/secret"], w.name).toMatch(/^[0-9a-f]{64}$/);
      else expect(w.podMeta.annotations?.["checksum/secret"], w.name).toBeUndefined();
    }
  });

  it("no replicas under an HPA; a PDB wherever more than one replica runs", async () => {
    const objects = await scenario(name);
    for (const d of objects.filter((o) => o.kind === "Deployment")) {
      const hpa = find(objects, "HorizontalPodAutoscaler", d.metadata.name);
      if (hpa) {
        expect(d.spec.replicas, d.metadata.name).toBeUndefined();
        expect(hpa.spec.metrics.map((m: Json) => m.resource.name).sort()).toEqual(["cpu", "memory"]);
      }
      const count = hpa ? hpa.spec.minReplicas : d.spec.replicas;
      const pdb = find(objects, "PodDisruptionBudget", d.metadata.name);
      if (count > 1 || hpa) expect(pdb, `PDB for ${d.metadata.name}`).toBeDefined();
      if (count <= 1) expect(pdb).toBeUndefined();
    }
  });

  it("Services select real pods, and Ingress/HTTPRoute backends name real Services and ports", async () => {
    const objects = await scenario(name);
    const pods = podTemplates(objects).filter((w) => w.kind !== "Pod" && w.kind !== "Job");
    const services = objects.filter((o) => o.kind === "Service");
    for (const svc of services) {
      const target = pods.find((w) =>
        Object.entries(svc.spec.selector).every(([k, v]) => w.podMeta.labels?.[k] === v),
      );
      expect(target, `pods for Service ${svc.metadata.name}`).toBeDefined();
      for (const port of svc.spec.ports) {
        const named = target?.podSpec.containers.flatMap((c: Json) => c.ports ?? []);
        expect(
          named.some((p: Json) => p.name === port.targetPort || p.containerPort === port.targetPort),
          `${svc.metadata.name} targetPort`,
        ).toBe(true);
      }
    }
    for (const ing of objects.filter((o) => o.kind === "Ingress")) {
      for (const rule of ing.spec.rules) {
        for (const p of rule.http.paths) {
          const svc = services.find((s) => s.metadata.name === p.backend.service.name);
          expect(svc, p.backend.service.name).toBeDefined();
          expect(
            svc?.spec.ports.some(
              (sp: Json) =>
                sp.name === p.backend.service.port.name || sp.port === p.backend.service.port.number,
            ),
          ).toBe(true);
        }
      }
    }
    for (const route of objects.filter((o) => o.kind === "HTTPRoute")) {
      for (const rule of route.spec.rules) {
        for (const ref of rule.backendRefs) {
          const svc = services.find((s) => s.metadata.name === ref.name);
          expect(
            svc?.spec.ports.some((sp: Json) => sp.port === ref.port),
            `${ref.name}:${ref.port}`,
          ).toBe(true);
        }
      }
    }
  });

  it("every in-cluster URL in the ConfigMap names a real Service and port", async () => {
    const objects = await scenario(name);
    const cm = objects.find((o) => o.kind === "ConfigMap");
    const services = objects.filter((o) => o.kind === "Service");
    const urls = Object.entries(cm?.data ?? {}).filter(([k]) => ["API_URL", "MCP_URL"].includes(k));
    expect(urls.length).toBeGreaterThan(0);
    for (const [key, value] of urls) {
      const u = new URL(String(value));
      const svc = services.find((s) => s.metadata.name === u.hostname);
      expect(svc, `${key} host ${u.hostname}`).toBeDefined();
      expect(svc?.spec.ports.map((p: Json) => String(p.port))).toContain(u.port);
    }
    expect(cm?.data.NODE_ENV).toBe("production");
    expect(cm?.data.BETTER_AUTH_URL).toMatch(/^https?:\/\//);
    // Served there, or at the mcp Service's port-forward (see "access modes" below).
    expect([`${cm?.data.BETTER_AUTH_URL}/mcp`, "http://localhost:8080/mcp"]).toContain(
      cm?.data.MCP_PUBLIC_URL,
    );
  });

  it("passes the Polaris checks (or carries an exemption annotation)", async () => {
    expect(polarisFindings(await scenario(name))).toEqual([]);
  });

  it("Node containers get env only from the ConfigMap, Secrets and their own PORT", async () => {
    const objects = await scenario(name);
    for (const d of objects.filter((o) => o.kind === "Deployment")) {
      const c = d.spec.template.spec.containers[0];
      expect(c.envFrom).toEqual([{ configMapRef: { name: RELEASE } }]);
      for (const e of c.env) {
        if (e.name === "PORT") expect(e.value).toBe(String(c.ports[0].containerPort));
        else expect(e.valueFrom?.secretKeyRef, e.name).toBeDefined();
      }
    }
  });
});

describe("chart behaviour", () => {
  it("lets a whole chat turn live through ingress-nginx: timeouts follow chatTimeoutMs, no buffering of streams", async () => {
    for (const [sets, seconds] of [
      [{}, 135],
      [{ "config.chatTimeoutMs": "300000" }, 315],
    ] as const) {
      const objects = await renderChart(["values-dev.yaml"], sets);
      const cm = objects.find((o) => o.kind === "ConfigMap");
      const annotations = objects.find((o) => o.kind === "Ingress")?.metadata.annotations ?? {};
      expect(annotations["nginx.ingress.kubernetes.io/proxy-read-timeout"]).toBe(String(seconds));
      expect(Number(annotations["nginx.ingress.kubernetes.io/proxy-read-timeout"]) * 1000).toBeGreaterThan(
        Number(cm?.data.CHAT_TIMEOUT_MS),
      );
      expect(annotations["nginx.ingress.kubernetes.io/proxy-send-timeout"]).toBe(String(seconds));
      expect(annotations["nginx.ingress.kubernetes.io/proxy-buffering"]).toBe("off");
      expect(cm?.data.CHAT_STEP_TIMEOUT_MS).toBe("30000");
    }
  });

  it("keeps GET /api/events open through ingress-nginx: its own Ingress, an hour between reads, unbuffered", async () => {
    for (const file of ["values-dev.yaml", "values-prod.yaml"]) {
      const objects = await renderChart([file]);
      const [main, events, ...more] = objects.filter((o) => o.kind === "Ingress");
      expect(more, file).toEqual([]);
      expect(events?.metadata.name).toBe(`${RELEASE}-events`);
      const annotations = events?.metadata.annotations ?? {};
      expect(Number(annotations["nginx.ingress.kubernetes.io/proxy-read-timeout"])).toBeGreaterThanOrEqual(
        3600,
      );
      expect(Number(annotations["nginx.ingress.kubernetes.io/proxy-send-timeout"])).toBeGreaterThanOrEqual(
        3600,
      );
      expect(annotations["nginx.ingress.kubernetes.io/proxy-buffering"]).toBe("off");
      // No second Certificate for the same secret: cert-manager annotates the main Ingress only.
      expect(Object.keys(annotations).filter((k) => k.startsWith("cert-manager.io/"))).toEqual([]);
      expect(events?.spec.tls).toEqual(main?.spec.tls);
      expect(events?.spec.rules).toEqual([
        {
          host: main?.spec.rules[0].host,
          http: {
            paths: [
              {
                path: "/api/events",
                pathType: "Exact",
                backend: { service: { name: `${RELEASE}-api`, port: { name: "http" } } },
              },
            ],
          },
        },
      ]);
    }
    // Another ingress class does not read these annotations: no extra Ingress then.
    const traefik = await renderChart(["values-dev.yaml"], { "ingress.className": "traefik" });
    expect(traefik.filter((o) => o.kind === "Ingress").map((o) => o.metadata.name)).toEqual([RELEASE]);
  });

  it("runs the documented commands, ports and health paths", async () => {
    const objects = await scenario("dev");
    const expected: Record<string, { script: string; port: number }> = {
      web: { script: "apps/web/server.js", port: 3000 },
      api: { script: "apps/api/dist/server.js", port: 8000 },
      mcp: { script: "apps/mcp/dist/server.js", port: 8080 },
    };
    for (const [component, { script, port }] of Object.entries(expected)) {
      const c = find(objects, "Deployment", `${RELEASE}-${component}`)?.spec.template.spec.containers[0];
      // `node` or the image's absolute node path, then the script.
      expect(c.command).toHaveLength(2);
      expect(c.command[0]).toMatch(/(^|\/)node$/);
      expect(c.command[1]).toBe(script);
      expect(c.ports[0].containerPort).toBe(port);
    }
    const job = objects.find((o) => o.kind === "Job");
    expect(job?.spec.template.spec.containers[0].command.at(-1)).toBe("apps/api/dist/migrate.js");
    const cm = objects.find((o) => o.kind === "ConfigMap");
    expect(cm?.data.API_URL).toBe("http://taskflow-api:8000");
    expect(cm?.data.MCP_URL).toBe("http://taskflow-mcp:8080/mcp");
    expect(cm?.data.BETTER_AUTH_URL).toBe("https://taskflow.test");
  });

  it("migrations: a plain Job on install (no pre-install hook), a pre-upgrade hook on upgrade", async () => {
    const install = (await scenario("default")).find((o) => o.kind === "Job");
    expect(install?.metadata.annotations?.["helm.sh/hook"]).toBeUndefined();
    expect(install?.spec.ttlSecondsAfterFinished).toBeGreaterThan(0);
    const upgrade = helm(["template", RELEASE, chartDir, "--is-upgrade"]);
    expect(upgrade.code).toBe(0);
    const job = parseYaml(upgrade.stdout.split("\n---\n").find((d) => d.includes("kind: Job")) ?? "");
    expect(job.metadata.annotations["helm.sh/hook"]).toBe("pre-upgrade");
    expect(job.metadata.annotations["helm.sh/hook-delete-policy"]).toContain("hook-succeeded");
  });

  it("bundled PostgreSQL: StatefulSet with a PVC, headless Service, pg_isready, non-root, PGDATA subdir", async () => {
    const objects = await scenario("dev");
    const sts = find(objects, "StatefulSet", `${RELEASE}-postgresql`);
    const svc = find(objects, "Service", `${RELEASE}-postgresql`);
    expect(svc?.spec.clusterIP).toBe("None");
    expect(sts?.spec.serviceName).toBe(svc?.metadata.name);
    expect(sts?.spec.volumeClaimTemplates[0].spec.storageClassName).toBeUndefined();
    const c = sts?.spec.template.spec.containers[0];
    expect(c.image).toMatch(/^docker\.io\/library\/postgres:16\.\d+-alpine$/);
    expect(JSON.stringify(c.readinessProbe)).toContain("pg_isready");
    expect(sts?.spec.template.spec.securityContext.runAsUser).toBe(70);
    expect(c.env.find((e: Json) => e.name === "PGDATA").value).toBe("/var/lib/postgresql/data/pgdata");
    const secret = find(objects, "Secret", RELEASE);
    const url = Buffer.from(secret?.data.DATABASE_URL, "base64").toString();
    const pw = Buffer.from(secret?.data.POSTGRES_PASSWORD, "base64").toString();
    expect(url).toBe(`postgres://taskflow:${pw}@${RELEASE}-postgresql:5432/taskflow`);
    expect(Buffer.from(secret?.data.BETTER_AUTH_SECRET, "base64").toString().length).toBeGreaterThanOrEqual(
      32,
    );
    expect(secret?.data.OPENAI_API_KEY).toBeUndefined();
  });

  it("external database: no StatefulSet, DATABASE_URL from the named Secret, egress to the DB", async () => {
    const objects = await scenario("prod");
    expect(objects.some((o) => o.kind === "StatefulSet")).toBe(false);
    const api = find(objects, "Deployment", `${RELEASE}-api`);
    const env = api?.spec.template.spec.containers[0].env.find((e: Json) => e.name === "DATABASE_URL");
    expect(env.valueFrom.secretKeyRef).toEqual({ name: "taskflow-database", key: "DATABASE_URL" });
    const secret = find(objects, "Secret", RELEASE);
    expect(secret?.data.DATABASE_URL).toBeUndefined();
    expect(JSON.stringify(find(objects, "NetworkPolicy", `${RELEASE}-api`)?.spec.egress)).toContain("5432");
    const failed = helmTemplate([], { "database.mode": "external" });
    expect(failed.code).not.toBe(0);
    expect(failed.stderr).toMatch(/existingSecret/);
  });

  it("the migration Job (and its wait) prefer an optional DATABASE_MIGRATION_URL from the database Secret", async () => {
    const env = (objects: K8sObject[], container: "initContainers" | "containers") =>
      objects
        .find((o) => o.kind === "Job")
        ?.spec.template.spec[container][0].env.find((e: Json) => e.name === "DATABASE_MIGRATION_URL");
    for (const c of ["initContainers", "containers"] as const) {
      expect(env(await scenario("prod"), c)?.valueFrom.secretKeyRef, c).toEqual({
        name: "taskflow-database",
        key: "DATABASE_MIGRATION_URL",
        optional: true,
      });
      expect(
        env(await scenario("existing secret, cert-manager, sleep action"), c)?.valueFrom.secretKeyRef,
      ).toEqual({
        name: "mine",
        key: "DATABASE_MIGRATION_URL",
        optional: true,
      });
      // The generated Secret of the bundled database never has one (no pooler in between).
      expect(env(await scenario("dev"), c), c).toBeUndefined();
    }
    const wait = readFileSync(join(chartDir, "files/wait-for-database.js"), "utf8");
    expect(wait).toContain("process.env.DATABASE_MIGRATION_URL || process.env.DATABASE_URL");
  });

  it("existingSecret: no Secret rendered and every reference points at it", async () => {
    const objects = await scenario("existing secret, cert-manager, sleep action");
    expect(objects.some((o) => o.kind === "Secret" && o.metadata.name === RELEASE)).toBe(false);
    const ing = objects.find((o) => o.kind === "Ingress");
    expect(ing?.metadata.annotations?.["cert-manager.io/cluster-issuer"]).toBe("letsencrypt");
    expect(objects.some((o) => o.kind === "Secret" && o.metadata.name === `${RELEASE}-tls`)).toBe(false);
    const refs = JSON.stringify(objects).match(/"secretKeyRef":\{"name":"([^"]+)"/g) ?? [];
    expect(refs.length).toBeGreaterThan(0);
    for (const r of refs) expect(r).toContain('"mine"');
  });

  it("ingress routes / to web, /api to api, /mcp to mcp with TLS (self-signed when none given)", async () => {
    const objects = await scenario("dev");
    const ing = objects.find((o) => o.kind === "Ingress");
    expect(ing?.spec.ingressClassName).toBe("nginx");
    const routes = Object.fromEntries(
      ing?.spec.rules[0].http.paths.map((p: Json) => [p.path, p.backend.service.name]),
    );
    expect(routes).toEqual({
      "/": `${RELEASE}-web`,
      "/api": `${RELEASE}-api`,
      "/mcp": `${RELEASE}-mcp`,
      "/.well-known/oauth-protected-resource": `${RELEASE}-mcp`,
      "/.well-known/oauth-authorization-server": `${RELEASE}-api`,
    });
    expect(ing?.spec.rules[0].host).toBe("taskflow.test");
    const tls = find(objects, "Secret", ing?.spec.tls[0].secretName);
    expect(tls?.type).toBe("kubernetes.io/tls");
    expect(Buffer.from(tls?.data["tls.crt"], "base64").toString()).toContain("BEGIN CERTIFICATE");
  });

  it("MCP OAuth metadata: the protected resource's goes with /mcp, the authorization server's to the api", async () => {
    for (const name of SCENARIOS.map((x) => x.name)) {
      const objects = await scenario(name);
      const routes: Record<string, string> = {};
      for (const ing of objects.filter((o) => o.kind === "Ingress"))
        for (const p of ing.spec.rules[0].http.paths) routes[p.path] = p.backend.service.name;
      for (const route of objects.filter((o) => o.kind === "HTTPRoute"))
        for (const rule of route.spec.rules)
          for (const m of rule.matches) routes[m.path.value] = rule.backendRefs[0].name;
      if (Object.keys(routes).length === 0) continue;
      expect(routes["/.well-known/oauth-authorization-server"], name).toBe(`${RELEASE}-api`);
      // Wherever /mcp is routed, its metadata is too (and only then).
      expect(routes["/.well-known/oauth-protected-resource"], name).toBe(routes["/mcp"]);
    }
    const hidden = await renderChart([], { "ingress.enabled": "true", "mcp.expose": "false" });
    const paths = hidden.find((o) => o.kind === "Ingress")?.spec.rules[0].http.paths.map((p: Json) => p.path);
    expect(paths).not.toContain("/.well-known/oauth-protected-resource");
  });

  it("network policies: default deny, and LLM egress only when a key is configured", async () => {
    const dev = await scenario("dev");
    const deny = find(dev, "NetworkPolicy", `${RELEASE}-default-deny`);
    expect(deny?.spec.policyTypes).toEqual(["Ingress", "Egress"]);
    expect(deny?.spec.ingress).toBeUndefined();
    expect(JSON.stringify(find(dev, "NetworkPolicy", `${RELEASE}-api`)?.spec.egress)).not.toContain("443");
    const withLlm = await scenario("gateway + external db + llm + no mcp exposure");
    expect(JSON.stringify(find(withLlm, "NetworkPolicy", `${RELEASE}-api`)?.spec.egress)).toContain("443");
    const keyed = await renderChart([], { "secrets.openaiApiKey": "sk-test-not-real" });
    expect(JSON.stringify(find(keyed, "NetworkPolicy", `${RELEASE}-api`)?.spec.egress)).toContain("443");
    const pg = find(dev, "NetworkPolicy", `${RELEASE}-postgresql`);
    const from = pg?.spec.ingress[0].from.map(
      (f: Json) => f.podSelector.matchLabels["app.kubernetes.io/component"],
    );
    expect(from.sort()).toEqual(["api", "mcp", "migrate"]);
  });

  it("fullname is cut so the longest derived name stays within 63 characters", async () => {
    // Helm caps release names at 53 characters.
    const long = "r".repeat(53);
    const r = helm(["template", long, chartDir]);
    expect(r.code).toBe(0);
    for (const m of r.stdout.matchAll(/^ {2}name: (\S+)$/gm))
      expect(m[1]?.length ?? 0).toBeLessThanOrEqual(63);
  });

  it("helm test pods check web /healthz, api /readyz, a sign-up + task round trip and MCP tools/list", async () => {
    const pods = (await scenario("dev")).filter((o) => o.kind === "Pod");
    expect(pods.map((p) => p.metadata.annotations?.["helm.sh/hook"])).toEqual([
      "test",
      "test",
      "test",
      "test",
    ]);
    const checks = pods.map((p) => p.spec.containers[0].env.find((e: Json) => e.name === "CHECK").value);
    expect(checks).toEqual(["web-health", "api-ready", "roundtrip", "mcp-tools"]);
    const script = pods[0]?.spec.containers[0].command.at(-1);
    expect(script).toContain("/api/auth/sign-up/email");
    expect(script).toContain("tools/list");
  });

  it("values files carry no secret values", () => {
    for (const file of ["values.yaml", "values-dev.yaml", "values-prod.yaml"]) {
      const values = parseYaml(readFileSync(join(chartDir, file), "utf8")) ?? {};
      expect(values.secrets?.openaiApiKey ?? "", file).toBe("");
      expect(JSON.stringify(values)).not.toMatch(/postgres(ql)?:\/\/[^"]*:[^"@]+@/);
    }
  });
});

describe("values.schema.json", () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    ["wrong type", { "web.replicas": "three" }, /got string, want integer/],
    ["bad enum", { "database.mode": "cloud" }, /database\/mode/],
    ["unknown key", { "api.replica": "2" }, /additional properties 'replica' not allowed/],
    ["out of range", { "api.autoscaling.targetCPUUtilizationPercentage": "150" }, /maximum/],
    ["latest tag", { "web.image.tag": "latest" }, /web\/image\/tag/],
    ["bad service type", { "web.service.type": "LoadBalancer" }, /web\/service\/type/],
    ["bad node port", { "web.service.type": "NodePort", "web.service.nodePort": "80" }, /nodePort/],
  ];
  it.each(cases)("helm rejects %s", (_label, sets, message) => {
    // --set (not --set-string) so numbers and booleans keep their YAML types.
    const args = [
      "template",
      RELEASE,
      chartDir,
      ...Object.entries(sets).flatMap(([k, v]) => ["--set", `${k}=${v}`]),
    ];
    const r = helm(args);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(message);
  });

  it("rejects a missing required field (ajv over values.yaml)", () => {
    const schema = JSON.parse(readFileSync(join(chartDir, "values.schema.json"), "utf8"));
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
    const values = parseYaml(readFileSync(join(chartDir, "values.yaml"), "utf8"));
    expect(validate(values), JSON.stringify(validate.errors)).toBe(true);
    delete values.api.image.repository;
    expect(validate(values)).toBe(false);
    expect(JSON.stringify(validate.errors)).toContain("repository");
  });

  it("rejects maxReplicas <= minReplicas at render time", () => {
    const r = helmTemplate([], {
      "api.autoscaling.enabled": "true",
      "api.autoscaling.minReplicas": "3",
      "api.autoscaling.maxReplicas": "3",
    });
    // --set-string makes these strings, so use --set for the integers:
    const typed = helm([
      "template",
      RELEASE,
      chartDir,
      "--set",
      "api.autoscaling.enabled=true,api.autoscaling.minReplicas=3,api.autoscaling.maxReplicas=3",
    ]);
    expect(r.code).not.toBe(0);
    expect(typed.code).not.toBe(0);
    expect(typed.stderr).toMatch(/maxReplicas/);
  });

  it("every values.yaml key is described by the schema and the overlays validate", () => {
    const schema = JSON.parse(readFileSync(join(chartDir, "values.schema.json"), "utf8"));
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
    const base = parseYaml(readFileSync(join(chartDir, "values.yaml"), "utf8"));
    const merge = (a: Json, b: Json): Json => {
      if (
        typeof a !== "object" ||
        a === null ||
        Array.isArray(a) ||
        typeof b !== "object" ||
        b === null ||
        Array.isArray(b)
      )
        return b;
      const out = { ...a };
      for (const [k, v] of Object.entries(b)) out[k] = k in a ? merge(a[k], v) : v;
      return out;
    };
    for (const file of ["values-dev.yaml", "values-prod.yaml"]) {
      const merged = merge(base, parseYaml(readFileSync(join(chartDir, file), "utf8")));
      expect(validate(merged), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });
});

/** Secret name/key pairs a pod template's containers read (init containers included). */
function secretKeysRead(podSpec: Json): string[] {
  const containers = [...(podSpec.initContainers ?? []), ...(podSpec.containers ?? [])];
  return containers
    .flatMap((c: Json) => c.env ?? [])
    .map((e: Json) => e.valueFrom?.secretKeyRef)
    .filter(Boolean)
    .map((r: Json) => `${r.name}/${r.key}`);
}
const rolling = (objects: K8sObject[]) =>
  podTemplates(objects).filter((w) => w.kind === "Deployment" || w.kind === "StatefulSet");
const secretChecksums = (objects: K8sObject[]) =>
  Object.fromEntries(rolling(objects).map((w) => [w.name, w.podMeta.annotations?.["checksum/secret"]]));
const b64 = (text: string) => Buffer.from(text).toString("base64");
const origin = (url: string) => new URL(url).origin;

describe("access modes: every way in is a trusted origin, and MCP_PUBLIC_URL is served", () => {
  it.each(SCENARIOS.map((s) => s.name))("%s", async (name) => {
    const objects = await scenario(name);
    const cm = find(objects, "ConfigMap", RELEASE)?.data ?? {};
    const trusted = new Set([
      origin(cm.BETTER_AUTH_URL),
      ...String(cm.BETTER_AUTH_TRUSTED_ORIGINS)
        .split(",")
        .filter(Boolean)
        .map((o) => origin(o)),
    ]);
    const ways: string[] = [];
    for (const ing of objects.filter((o) => o.kind === "Ingress"))
      for (const rule of ing.spec.rules) ways.push(`${ing.spec.tls ? "https" : "http"}://${rule.host}`);
    const scheme = new URL(cm.BETTER_AUTH_URL).protocol.replace(":", "");
    for (const route of objects.filter((o) => o.kind === "HTTPRoute"))
      for (const host of route.spec.hostnames ?? []) ways.push(`${scheme}://${host}`);
    // NodePort origins depend on node addresses: see the NodePort tests.
    for (const way of ways) expect([...trusted], way).toContain(way);

    // MCP_PUBLIC_URL: routed to the mcp Service on that host, or the documented port-forward.
    const mcp = new URL(cm.MCP_PUBLIC_URL);
    const routed =
      objects.some(
        (o) =>
          o.kind === "Ingress" &&
          o.spec.rules.some(
            (r: Json) =>
              r.host === mcp.hostname &&
              r.http.paths.some(
                (p: Json) => p.path === "/mcp" && p.backend.service.name === `${RELEASE}-mcp`,
              ),
          ),
      ) ||
      objects.some(
        (o) =>
          o.kind === "HTTPRoute" &&
          (o.spec.hostnames ?? []).includes(mcp.hostname) &&
          o.spec.rules.some(
            (r: Json) =>
              r.matches.some((m: Json) => m.path.value === "/mcp") &&
              r.backendRefs.some((b: Json) => b.name === `${RELEASE}-mcp`),
          ),
      );
    if (!routed) {
      expect(cm.MCP_PUBLIC_URL).toBe("http://localhost:8080/mcp");
      const s = SCENARIOS.find((x) => x.name === name);
      const notes = await helmNotes(s?.files ?? [], s?.sets);
      expect(notes).toContain(`port-forward -n taskflow svc/${RELEASE}-mcp 8080:8080`);
      expect(notes).toContain("http://localhost:8080/mcp");
    }
  });

  it("the web does not serve /mcp, so a URL on the web's origin is never an MCP endpoint", () => {
    // If the web grows an /mcp proxy, MCP_PUBLIC_URL may follow publicUrl in port-forward mode too.
    const appDir = join(chartDir, "../../../apps/web/src/app");
    expect(() => readFileSync(join(appDir, "mcp/route.ts"))).toThrow();
  });

  it("NodePort origins: every node address the cluster reports, plus web.service.nodeHosts", async () => {
    const objects = await renderChart([], {
      "web.service.type": "NodePort",
      "web.service.nodePort": "31000",
      "web.service.nodeHosts[0]": "10.0.0.5",
    });
    const cm = find(objects, "ConfigMap", RELEASE);
    expect(cm?.data.BETTER_AUTH_TRUSTED_ORIGINS.split(",")).toContain("http://10.0.0.5:31000");
    // Against a cluster: its nodes' addresses (what `minikube ip` prints) with the dev nodePort.
    const cluster = await startFakeApiServer({
      objects: [
        {
          apiVersion: "v1",
          kind: "Node",
          metadata: { name: "minikube" },
          status: {
            addresses: [
              { type: "InternalIP", address: "192.168.49.2" },
              { type: "Hostname", address: "minikube" },
            ],
          },
        },
      ],
    });
    try {
      const dev = await renderAgainst(cluster.kubeconfig, ["values-dev.yaml"]);
      const origins = find(dev, "ConfigMap", RELEASE)?.data.BETTER_AUTH_TRUSTED_ORIGINS.split(",");
      expect(origins).toContain("http://192.168.49.2:30080");
      expect(origins).not.toContain("http://minikube:30080");
    } finally {
      await cluster.close();
    }
  });

  it("no values file uses a .local host name (mDNS on macOS); dev uses taskflow.test", () => {
    for (const file of ["values.yaml", "values-dev.yaml", "values-prod.yaml"]) {
      const text = readFileSync(join(chartDir, file), "utf8");
      expect(text, file).not.toMatch(/[a-z0-9-]\.local\b/);
    }
    const dev = parseYaml(readFileSync(join(chartDir, "values-dev.yaml"), "utf8"));
    expect(dev.ingress.host).toBe("taskflow.test");
  });

  it("an HTTPRoute renders only when the cluster serves the Gateway API, else a clear failure", () => {
    const sets = { "gateway.enabled": "true", "gateway.parentRefs[0].name": "eg" };
    const without = helm([
      "template",
      RELEASE,
      chartDir,
      ...Object.entries(sets).flatMap(([k, v]) => ["--set", `${k}=${v}`]),
    ]);
    expect(without.code).not.toBe(0);
    expect(without.stderr).toContain("gateway.networking.k8s.io/v1");
    expect(without.stderr).toMatch(/CRD/);
    const withCrd = helmTemplate([], sets);
    expect(withCrd.code, withCrd.stderr).toBe(0);
    expect(withCrd.stdout).toContain("kind: HTTPRoute");
    expect(HTTPROUTE_API).toBe("gateway.networking.k8s.io/v1/HTTPRoute");
  });
});

describe("NetworkPolicies admit the data plane of every route the chart creates", () => {
  it.each(SCENARIOS.map((s) => s.name))("%s", async (name) => {
    const objects = await scenario(name);
    const values = parseYaml(readFileSync(join(chartDir, "values.yaml"), "utf8"));
    const controllers: [string, Json][] = [];
    if (objects.some((o) => o.kind === "Ingress"))
      controllers.push(["Ingress", values.networkPolicy.ingressController]);
    if (objects.some((o) => o.kind === "HTTPRoute"))
      controllers.push(["HTTPRoute", values.networkPolicy.gateway]);
    expect(controllers.length > 0 || name === "port-forward only").toBe(true);
    const backends = new Set<string>();
    for (const o of objects) {
      if (o.kind === "Ingress")
        for (const r of o.spec.rules) for (const p of r.http.paths) backends.add(p.backend.service.name);
      if (o.kind === "HTTPRoute")
        for (const r of o.spec.rules) for (const b of r.backendRefs) backends.add(b.name);
    }
    for (const backend of backends) {
      const component = backend.slice(RELEASE.length + 1);
      const np = find(objects, "NetworkPolicy", backend);
      expect(np, backend).toBeDefined();
      for (const [kind, selector] of controllers) {
        const admitted = np?.spec.ingress.some(
          (rule: Json) =>
            !rule.from ||
            rule.from.some(
              (peer: Json) =>
                JSON.stringify(peer.namespaceSelector) === JSON.stringify(selector.namespaceSelector) &&
                JSON.stringify(peer.podSelector) === JSON.stringify(selector.podSelector),
            ),
        );
        expect(admitted, `${kind} data plane -> ${component}`).toBe(true);
      }
    }
  });
});

describe("upgrades against a live cluster (a fake API server answers helm's lookup)", () => {
  let cluster: FakeCluster;
  beforeAll(async () => {
    cluster = await startFakeApiServer({ gatewayApi: true });
  });
  afterAll(() => cluster.close());

  it("the first upgrade after an install keeps every secret checksum: nothing rolls", async () => {
    cluster.setObjects([]);
    const install = await renderAgainst(cluster.kubeconfig, ["values-dev.yaml"]);
    const secret = find(install, "Secret", RELEASE);
    expect(secret).toBeDefined();
    cluster.setObjects([secret as K8sObject]);
    const upgrade = await renderAgainst(cluster.kubeconfig, ["values-dev.yaml"], {}, { upgrade: true });
    expect(find(upgrade, "Secret", RELEASE)?.data).toEqual(secret?.data);
    expect(secretChecksums(upgrade)).toEqual(secretChecksums(install));
    const again = await renderAgainst(cluster.kubeconfig, ["values-dev.yaml"], {}, { upgrade: true });
    expect(secretChecksums(again)).toEqual(secretChecksums(install));
  });

  const cases: { name: string; files: string[]; sets: Record<string, string>; secrets: K8sObject[] }[] = [
    {
      name: "generated Secret",
      files: ["values-dev.yaml"],
      sets: {},
      secrets: [
        {
          apiVersion: "v1",
          kind: "Secret",
          metadata: { name: RELEASE },
          data: {
            BETTER_AUTH_SECRET: b64("a".repeat(48)),
            MCP_TOKEN_SECRET: b64("m".repeat(48)),
            POSTGRES_PASSWORD: b64("p".repeat(32)),
            DATABASE_URL: b64(`postgres://taskflow:${"p".repeat(32)}@${RELEASE}-postgresql:5432/taskflow`),
            OPENAI_API_KEY: b64("sk-old"),
          },
        },
      ],
    },
    {
      name: "secrets.existingSecret",
      files: ["values-dev.yaml"],
      sets: { "secrets.existingSecret": "mine" },
      secrets: [
        {
          apiVersion: "v1",
          kind: "Secret",
          metadata: { name: "mine" },
          data: {
            BETTER_AUTH_SECRET: b64("a".repeat(48)),
            MCP_TOKEN_SECRET: b64("m".repeat(48)),
            POSTGRES_PASSWORD: b64("p".repeat(32)),
            DATABASE_URL: b64("postgres://taskflow:pw@db:5432/taskflow"),
            OPENAI_API_KEY: b64("sk-old"),
          },
        },
      ],
    },
    {
      name: "external database Secret (prod)",
      files: ["values-prod.yaml"],
      sets: {},
      secrets: [
        {
          apiVersion: "v1",
          kind: "Secret",
          metadata: { name: RELEASE },
          data: { BETTER_AUTH_SECRET: b64("a".repeat(48)), MCP_TOKEN_SECRET: b64("m".repeat(48)) },
        },
        {
          apiVersion: "v1",
          kind: "Secret",
          metadata: { name: "taskflow-database" },
          data: {
            DATABASE_URL: b64("postgres://u:p@ep-x-pooler.neon.tech/taskflow"),
            DATABASE_MIGRATION_URL: b64("postgres://u:p@ep-x.neon.tech/taskflow"),
          },
        },
      ],
    },
  ];
  it.each(cases)("$name: a changed key rolls exactly the workloads that read it", async (c) => {
    cluster.setObjects(c.secrets);
    const before = await renderAgainst(cluster.kubeconfig, c.files, c.sets, { upgrade: true });
    const checksums = secretChecksums(before);
    // What the pods will read after this upgrade: the rendered Secret when the chart owns it,
    // else the live one.
    const effective = (objects: K8sObject[], live: K8sObject[]) => {
      const data: Record<string, string> = {};
      for (const s of live) {
        const own = find(objects, "Secret", s.metadata.name);
        for (const [k, v] of Object.entries((own ?? s).data ?? {}))
          data[`${s.metadata.name}/${k}`] = String(v);
      }
      return data;
    };
    const base = effective(before, c.secrets);
    let sawRoll = false;
    for (const s of c.secrets) {
      for (const key of Object.keys(s.data ?? {})) {
        const changed = c.secrets.map((x) =>
          x === s ? { ...x, data: { ...x.data, [key]: b64(`changed-${key}-${"x".repeat(40)}`) } } : x,
        );
        cluster.setObjects(changed);
        const after = await renderAgainst(cluster.kubeconfig, c.files, c.sets, { upgrade: true });
        const now = effective(after, changed);
        const differs = Object.keys({ ...base, ...now }).filter((k) => base[k] !== now[k]);
        for (const w of rolling(after)) {
          const reads = secretKeysRead(w.podSpec).some((ref) => differs.includes(ref));
          const rolled = w.podMeta.annotations?.["checksum/secret"] !== checksums[w.name];
          expect(rolled, `${s.metadata.name}/${key} changed; ${w.name} reads it: ${reads}`).toBe(reads);
          sawRoll ||= rolled;
        }
      }
    }
    expect(sawRoll).toBe(true);
    // The database never rolls for an app secret.
    const pg = rolling(before).find((w) => w.kind === "StatefulSet");
    if (pg) expect(secretKeysRead(pg.podSpec).map((r) => r.split("/")[1])).toEqual(["POSTGRES_PASSWORD"]);
  });

  it("LLM egress opens when the live Secret holds OPENAI_API_KEY (generated or existingSecret)", async () => {
    const egress = (objects: K8sObject[]) =>
      JSON.stringify(find(objects, "NetworkPolicy", `${RELEASE}-api`)?.spec.egress);
    const secret = (name: string, withKey: boolean): K8sObject => ({
      apiVersion: "v1",
      kind: "Secret",
      metadata: { name },
      data: {
        BETTER_AUTH_SECRET: b64("a".repeat(48)),
        MCP_TOKEN_SECRET: b64("m".repeat(48)),
        POSTGRES_PASSWORD: b64("p".repeat(32)),
        DATABASE_URL: b64("postgres://taskflow:pw@db:5432/taskflow"),
        ...(withKey ? { OPENAI_API_KEY: b64("sk-live") } : {}),
      },
    });
    for (const [name, sets] of [
      [RELEASE, {}],
      ["mine", { "secrets.existingSecret": "mine" }],
    ] as const) {
      cluster.setObjects([secret(name, false)]);
      expect(
        egress(await renderAgainst(cluster.kubeconfig, [], sets, { upgrade: true })),
        name,
      ).not.toContain("443");
      cluster.setObjects([secret(name, true)]);
      expect(egress(await renderAgainst(cluster.kubeconfig, [], sets, { upgrade: true })), name).toContain(
        "443",
      );
    }
  });

  it("moving between values files keeps the StatefulSet's immutable fields (volume size, class)", async () => {
    cluster.setObjects([]);
    const install = await renderAgainst(cluster.kubeconfig, ["values-dev.yaml"]);
    const live = find(install, "StatefulSet", `${RELEASE}-postgresql`) as K8sObject;
    live.spec.volumeClaimTemplates[0].spec.storageClassName = "standard";
    cluster.setObjects([live]);
    const upgraded = await renderAgainst(cluster.kubeconfig, [], {}, { upgrade: true });
    const sts = find(upgraded, "StatefulSet", `${RELEASE}-postgresql`);
    expect(sts?.spec.volumeClaimTemplates).toEqual(live.spec.volumeClaimTemplates);
    for (const field of ["selector", "serviceName", "podManagementPolicy"])
      expect(sts?.spec[field], field).toEqual(live.spec[field]);
    // A fresh install still follows the values.
    cluster.setObjects([]);
    const fresh = find(await renderAgainst(cluster.kubeconfig, []), "StatefulSet", `${RELEASE}-postgresql`);
    expect(fresh?.spec.volumeClaimTemplates[0].spec.resources.requests.storage).toBe("2Gi");
  });

  it("the Gateway public URL is https when the parent Gateway has an HTTPS listener, else http", async () => {
    const gateway = (protocol: string): K8sObject => ({
      apiVersion: "gateway.networking.k8s.io/v1",
      kind: "Gateway",
      metadata: { name: "eg", namespace: "envoy-gateway-system" },
      spec: {
        gatewayClassName: "eg",
        listeners: [{ name: "web", port: protocol === "HTTPS" ? 443 : 80, protocol }],
      },
    });
    const sets = {
      "ingress.enabled": "false",
      "gateway.enabled": "true",
      "gateway.parentRefs[0].name": "eg",
      "gateway.parentRefs[0].namespace": "envoy-gateway-system",
    };
    const url = async () =>
      find(await renderAgainst(cluster.kubeconfig, [], sets, { upgrade: true }), "ConfigMap", RELEASE)?.data
        .BETTER_AUTH_URL;
    cluster.setObjects([gateway("HTTPS")]);
    expect(await url()).toBe("https://taskflow.test");
    cluster.setObjects([gateway("HTTP")]);
    expect(await url()).toBe("http://taskflow.test");
    // helm template cannot look the Gateway up: gateway.scheme says it.
    const forced = await renderChart([], { ...sets, "gateway.scheme": "https" });
    expect(find(forced, "ConfigMap", RELEASE)?.data.BETTER_AUTH_URL).toBe("https://taskflow.test");
  });

  it("a cluster without the Gateway API CRDs fails a gateway install with a clear message", async () => {
    const bare = await startFakeApiServer({ gatewayApi: false });
    try {
      const r = await helmTemplateAgainst(bare.kubeconfig, [], {
        "gateway.enabled": "true",
        "gateway.parentRefs[0].name": "eg",
      });
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/Gateway API CRDs/);
    } finally {
      await bare.close();
    }
  });
});
