// The security headers (helmet's) on every response. They are the same on every response, so helmet's
// middleware runs once, here, against a recorder, and each request gets the recorded headers: helmet's
// chain of a dozen middlewares per request cost more than the rest of a small request's hooks together.
import type { FastifyInstance } from "fastify";
import helmet from "helmet";

type Step = { set: [string, string | number | readonly string[]] } | { remove: string };

function recordedHeaders(): Step[] {
  const steps: Step[] = [];
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      steps.push({ set: [name, value] });
      return recorder;
    },
    removeHeader(name: string) {
      steps.push({ remove: name });
    },
  };
  let finished = false;
  const middleware = helmet({
    contentSecurityPolicy: {
      directives: {
        upgradeInsecureRequests: null,
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        styleSrc: ["'self'", "'unsafe-inline'"],
      },
    },
  });
  middleware(
    {} as Parameters<typeof middleware>[0],
    recorder as unknown as Parameters<typeof middleware>[1],
    (error?: unknown) => {
      if (error) throw error;
      finished = true;
    },
  );
  // helmet's middleware is synchronous; if a later version were not, the headers would be incomplete.
  if (!finished || steps.length === 0) throw new Error("helmet did not finish synchronously");
  return steps;
}

export function registerSecurityHeaders(app: FastifyInstance) {
  const steps = recordedHeaders();
  app.addHook("onRequest", (_request, reply, done) => {
    const raw = reply.raw;
    for (const step of steps) {
      if ("set" in step) raw.setHeader(step.set[0], step.set[1]);
      else raw.removeHeader(step.remove);
    }
    done();
  });
}
