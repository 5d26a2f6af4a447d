// A minimal Kubernetes API server for chart tests: answers discovery and GETs of the objects it
// holds, so `helm template --dry-run=server` runs the chart's `lookup` calls and
// `.Capabilities.APIVersions` against a known cluster state, with no cluster at all.
// Listens on 127.0.0.1 in the 25000–25999 range.
import { mkdtempSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { K8sObject } from "./render";

/** Resources the server advertises, by group/version: kind -> plural, namespaced. */
const BUILTIN: Record<string, Record<string, string>> = {
  v1: {
    Secret: "secrets",
    ConfigMap: "configmaps",
    Service: "services",
    ServiceAccount: "serviceaccounts",
    Pod: "pods",
    Namespace: "namespaces",
    Node: "nodes",
  },
  "apps/v1": { Deployment: "deployments", StatefulSet: "statefulsets" },
  "batch/v1": { Job: "jobs" },
  "networking.k8s.io/v1": { Ingress: "ingresses", NetworkPolicy: "networkpolicies" },
  "policy/v1": { PodDisruptionBudget: "poddisruptionbudgets" },
  "autoscaling/v2": { HorizontalPodAutoscaler: "horizontalpodautoscalers" },
};
const GATEWAY_API = { "gateway.networking.k8s.io/v1": { HTTPRoute: "httproutes", Gateway: "gateways" } };

export interface FakeCluster {
  /** Path of a kubeconfig pointing at this server. */
  kubeconfig: string;
  /** Replaces the objects the server holds. */
  setObjects(objects: K8sObject[]): void;
  close(): Promise<void>;
}

export async function startFakeApiServer(
  options: { objects?: K8sObject[]; gatewayApi?: boolean } = {},
): Promise<FakeCluster> {
  const groups: Record<string, Record<string, string>> = {
    ...BUILTIN,
    ...(options.gatewayApi ? GATEWAY_API : {}),
  };
  // Every object the server holds belongs to release "taskflow", as after a real install, so
  // helm's ownership check lets the dry run adopt it.
  const owned = (list: K8sObject[]) =>
    list.map((o) => ({
      ...o,
      metadata: {
        ...(o.kind === "Node" ? {} : { namespace: "taskflow" }),
        ...o.metadata,
        labels: { ...o.metadata.labels, "app.kubernetes.io/managed-by": "Helm" },
        annotations: {
          ...o.metadata.annotations,
          "meta.helm.sh/release-name": "taskflow",
          "meta.helm.sh/release-namespace": "taskflow",
        },
      },
    }));
  let objects = owned(options.objects ?? []);
  const resourceList = (gv: string) => ({
    kind: "APIResourceList",
    apiVersion: "v1",
    groupVersion: gv,
    resources: Object.entries(groups[gv] ?? {}).map(([kind, name]) => ({
      name,
      singularName: kind.toLowerCase(),
      namespaced: kind !== "Namespace" && kind !== "Node",
      kind,
      verbs: ["get", "list", "create", "update", "patch", "delete"],
    })),
  });
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const send = (code: number, body: unknown) => {
      res.writeHead(code, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    const notFound = () =>
      send(404, { kind: "Status", apiVersion: "v1", status: "Failure", reason: "NotFound", code: 404 });
    const p = url.pathname.replace(/\/$/, "");
    if (p === "/version") return send(200, { major: "1", minor: "34", gitVersion: "v1.34.0" });
    if (p === "/api") return send(200, { kind: "APIVersions", versions: ["v1"] });
    if (p === "/apis") {
      const named = Object.keys(groups).filter((gv) => gv.includes("/"));
      return send(200, {
        kind: "APIGroupList",
        apiVersion: "v1",
        groups: named.map((gv) => {
          const [group, version] = gv.split("/");
          return {
            name: group,
            versions: [{ groupVersion: gv, version }],
            preferredVersion: { groupVersion: gv, version },
          };
        }),
      });
    }
    const m = p.match(
      /^\/(?:api\/(v1)|apis\/([^/]+\/[^/]+))(?:\/namespaces\/([^/]+))?(?:\/([^/]+))?(?:\/([^/]+))?$/,
    );
    if (!m) return notFound();
    const gv = (m[1] ?? m[2]) as string;
    if (!groups[gv]) return notFound();
    const [, , , namespace, plural, name] = m;
    if (!plural) return send(200, resourceList(gv));
    const kind = Object.entries(groups[gv] ?? {}).find(([, r]) => r === plural)?.[0];
    if (!kind) return notFound();
    const matching = objects.filter(
      (o) => o.apiVersion === gv && o.kind === kind && (!namespace || o.metadata.namespace === namespace),
    );
    if (!name) return send(200, { kind: `${kind}List`, apiVersion: gv, metadata: {}, items: matching });
    const found = matching.find((o) => o.metadata.name === name);
    return found ? send(200, found) : notFound();
  });
  const port = await listenInRange(server);
  const dir = mkdtempSync(join(tmpdir(), "taskflow-fake-kube-"));
  const kubeconfig = join(dir, "kubeconfig");
  writeFileSync(
    kubeconfig,
    JSON.stringify({
      apiVersion: "v1",
      kind: "Config",
      clusters: [{ name: "fake", cluster: { server: `http://127.0.0.1:${port}` } }],
      users: [{ name: "fake", user: { token: "fake" } }],
      contexts: [{ name: "fake", context: { cluster: "fake", user: "fake", namespace: "taskflow" } }],
      "current-context": "fake",
    }),
  );
  return {
    kubeconfig,
    setObjects(next) {
      objects = owned(next);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function listenInRange(server: http.Server): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 25000 + Math.floor(Math.random() * 1000);
    const ok = await new Promise<boolean>((resolve) => {
      server.once("error", () => resolve(false));
      server.listen(port, "127.0.0.1", () => resolve(true));
    });
    if (ok) return (server.address() as AddressInfo).port;
  }
  throw new Error("no free port in 25000-25999");
}
