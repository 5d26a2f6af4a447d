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
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { allContainers, polarisFindings, pssRestrictedViolations, workloads } from "./policies";
import { helmTemplate, type K8sObject, RELEASE, renderChart } from "./render";
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
      expect(w.podMeta.annotations?.["checksum/secret"]).toMatch(/^[0-9a-f]{64}$/);
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
    expect(cm?.data.MCP_PUBLIC_URL).toBe(`${cm?.data.BETTER_AUTH_URL}/mcp`);
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
  it("runs the documented commands, ports and health paths", async () => {
    const objects = await scenario("dev");
    const expected: Record<string, { cmd: string[]; port: number }> = {
      web: { cmd: ["node", "apps/web/server.js"], port: 3000 },
      api: { cmd: ["node", "apps/api/dist/server.js"], port: 8000 },
      mcp: { cmd: ["node", "apps/mcp/dist/server.js"], port: 8080 },
    };
    for (const [component, { cmd, port }] of Object.entries(expected)) {
      const c = find(objects, "Deployment", `${RELEASE}-${component}`)?.spec.template.spec.containers[0];
      expect(c.command).toEqual(cmd);
      expect(c.ports[0].containerPort).toBe(port);
    }
    const job = objects.find((o) => o.kind === "Job");
    expect(job?.spec.template.spec.containers[0].command).toEqual(["node", "apps/api/dist/migrate.js"]);
    const cm = objects.find((o) => o.kind === "ConfigMap");
    expect(cm?.data.API_URL).toBe("http://taskflow-api:8000");
    expect(cm?.data.MCP_URL).toBe("http://taskflow-mcp:8080/mcp");
    expect(cm?.data.BETTER_AUTH_URL).toBe("https://taskflow.local");
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
    expect(routes).toEqual({ "/": `${RELEASE}-web`, "/api": `${RELEASE}-api`, "/mcp": `${RELEASE}-mcp` });
    expect(ing?.spec.rules[0].host).toBe("taskflow.local");
    const tls = find(objects, "Secret", ing?.spec.tls[0].secretName);
    expect(tls?.type).toBe("kubernetes.io/tls");
    expect(Buffer.from(tls?.data["tls.crt"], "base64").toString()).toContain("BEGIN CERTIFICATE");
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
