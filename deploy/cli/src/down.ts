// `down`: uninstall the release; with --delete-data also the database volume and the Secrets the
// chart keeps (helm.sh/resource-policy: keep), selected by the release label.
import type { Ctx } from "./context";
import { releaseSelector } from "./lookup";
import type { Step } from "./runner";

export function downPlan(): Step<Ctx>[] {
  return [
    {
      title: "Uninstall the Helm release",
      fix: "If the release is stuck, `helm uninstall <release> -n <namespace> --no-hooks`.",
      async action({ runner, opts }) {
        const r = await runner.run(
          "helm",
          ["uninstall", opts.release, "--namespace", opts.namespace, "--wait"],
          {
            allowFailure: true,
          },
        );
        if (r.code !== 0 && /not found/i.test(r.stderr)) return "not installed";
        if (r.code !== 0) throw new Error(r.stderr.trim() || `helm uninstall exited with ${r.code}`);
        return opts.deleteData ? undefined : "database volume and secrets kept (use --delete-data to remove)";
      },
    },
    {
      title: "Delete the database volume and the generated secrets",
      fix: "Delete them by hand: `kubectl delete pvc,secret -n <namespace> -l app.kubernetes.io/instance=<release>`.",
      async action({ runner, opts }) {
        if (!opts.deleteData) return "skipped (data kept)";
        await runner.run("kubectl", [
          "delete",
          "pvc,secret",
          "--namespace",
          opts.namespace,
          "-l",
          releaseSelector(opts),
          "--ignore-not-found",
        ]);
        return "deleted";
      },
    },
  ];
}
