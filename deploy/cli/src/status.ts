// `status`: the release, its pods (readiness, restarts, waiting reason) and service endpoints.
import type { Ctx } from "./context";
import { listObjects, type ObjectJson, releaseSelector } from "./lookup";
import type { Step } from "./runner";

interface PodJson extends ObjectJson {
  status?: {
    phase?: string;
    containerStatuses?: {
      ready: boolean;
      restartCount: number;
      state?: Record<string, { reason?: string }>;
    }[];
  };
}

interface EndpointSliceJson extends ObjectJson {
  endpoints?: { conditions?: { ready?: boolean } }[];
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
      fix: "Not installed? Run `npm run k8s -- up` (with the same --release/--namespace).",
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
        const pods = await listObjects<PodJson>(runner, opts, "pods", releaseSelector(opts));
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
        const slices = await listObjects<EndpointSliceJson>(
          runner,
          opts,
          "endpointslices",
          releaseSelector(opts),
        );
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
