// `logs <component>`: recent logs of one component of the release, selected by labels.
import { type Ctx, LOG_COMPONENTS } from "./context";
import { componentSelector } from "./lookup";
import type { Step } from "./runner";

export function logsPlan(component: string, follow: boolean): Step<Ctx>[] {
  return [
    {
      title: `Logs of ${component}`,
      fix: `Components: ${LOG_COMPONENTS.join(", ")}.`,
      async action({ runner, opts }) {
        const args = [
          "logs",
          "--namespace",
          opts.namespace,
          "-l",
          componentSelector(opts, component),
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
