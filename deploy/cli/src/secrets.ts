// `secrets list|rotate|set-openai-key`. Values are generated or read here and only ever sent to
// kubectl on stdin; they are never printed, logged or passed as arguments (visible in `ps`).
// The Secret is the one the chart generated for the release, found by labels.
import { randomBytes } from "node:crypto";
import { type Ctx, chartPath } from "./context";
import { findAppSecret, notInstalled, releaseSelector, type SecretJson } from "./lookup";
import type { Step } from "./runner";
import { helmUpgrade } from "./up";

export type SecretsAction = "list" | "rotate" | "set-openai-key";
export const SECRETS_ACTIONS: readonly SecretsAction[] = ["list", "rotate", "set-openai-key"];

/** A random secret of 48 URL-safe characters. */
function randomSecret(): string {
  return randomBytes(36).toString("base64url");
}

export function secretsPlan(action: SecretsAction, input: { openaiKey?: string }): Step<Ctx>[] {
  let secret: SecretJson | undefined;
  const read: Step<Ctx> = {
    title: "Read the release Secret (keys only)",
    fix: "Not installed? Run `npm run k8s -- up` first; the chart creates the Secret (not with secrets.existingSecret: manage that one yourself).",
    async action(ctx) {
      if (action === "set-openai-key" && !input.openaiKey)
        throw new Error("no key given: pipe it on stdin or set OPENAI_API_KEY in the environment");
      secret = await findAppSecret(ctx);
      if (!secret) throw notInstalled(ctx.opts, "generated Secret");
      const keys = Object.keys(secret.data ?? {}).sort();
      return `${secret.metadata.name}: ${keys.join(", ")}`;
    },
  };
  if (action === "list") return [read];
  const write: Step<Ctx> = {
    title: action === "rotate" ? "Rotate BETTER_AUTH_SECRET and MCP_TOKEN_SECRET" : "Store OPENAI_API_KEY",
    fix: "Check your access: `kubectl auth can-i update secrets -n <namespace>`.",
    async action({ runner, opts }) {
      if (!secret) throw new Error("the Secret was not read");
      const data = { ...(secret.data ?? {}) };
      if (action === "rotate") {
        // The database password stays: changing it needs ALTER ROLE inside PostgreSQL too.
        data.BETTER_AUTH_SECRET = Buffer.from(randomSecret()).toString("base64");
        data.MCP_TOKEN_SECRET = Buffer.from(randomSecret()).toString("base64");
      } else {
        data.OPENAI_API_KEY = Buffer.from((input.openaiKey ?? "").trim()).toString("base64");
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
      return `${secret.metadata.name} updated (values not shown)`;
    },
  };
  // The NetworkPolicy opens HTTPS egress for the LLM only when the chart renders it with a key
  // (`taskflow.llmEnabled`); a key stored after install needs the release rendered again.
  const rerender: Step<Ctx> = {
    title: "Re-render the release so the NetworkPolicy allows egress to the LLM",
    fix: "Run `helm upgrade <release> deploy/helm/taskflow -n <namespace> --reset-then-reuse-values --set llm.enabled=true --wait`.",
    async action(ctx) {
      const { opts } = ctx;
      await helmUpgrade(ctx, [
        "upgrade",
        opts.release,
        chartPath(opts),
        "--namespace",
        opts.namespace,
        "--reset-then-reuse-values",
        "--set",
        "llm.enabled=true",
        "--wait",
        "--timeout",
        "10m",
      ]);
      return "llm.enabled=true";
    },
  };
  const restart: Step<Ctx> = {
    title: "Restart the services so they read the new values",
    fix: "Run `kubectl rollout restart deployment -n <namespace> -l app.kubernetes.io/instance=<release>`.",
    async action({ runner, opts }) {
      await runner.run("kubectl", [
        "rollout",
        "restart",
        "deployment",
        "--namespace",
        opts.namespace,
        "-l",
        releaseSelector(opts),
      ]);
      return action === "rotate" ? "signed-in users must sign in again" : undefined;
    },
  };
  return action === "rotate" ? [read, write, restart] : [read, write, rerender, restart];
}
