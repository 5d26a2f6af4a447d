// The bench's data, created through the public API like any client would: one user with 1,000 tasks
// and a personal token for MCP.
import { randomBytes } from "node:crypto";

export interface SeededUser {
  email: string;
  /** Better Auth session token (raw form, as returned by sign-in/sign-up). */
  token: string;
  userId: string;
  personalToken: string;
  taskIds: number[];
}

const PRIORITIES = ["none", "low", "medium", "high"] as const;
const TAGS = ["work", "home", "errands", "health", "family", "finance"];

async function json(response: Response, what: string): Promise<Record<string, unknown>> {
  const text = await response.text();
  if (!response.ok) throw new Error(`${what}: ${response.status} ${text.slice(0, 300)}`);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

/** A realistic task body: varied titles, priorities, tags and due dates. */
export function taskBody(i: number): Record<string, unknown> {
  const due = i % 3 === 0 ? new Date(Date.UTC(2026, i % 12, 1 + (i % 28))).toISOString() : undefined;
  return {
    title: `Task ${i}: ${["buy milk", "call the bank", "write the report", "book the dentist", "fix the bike"][i % 5]}`,
    ...(i % 2 === 0 ? { description: `Notes for task ${i}. `.repeat(3) } : {}),
    priority: PRIORITIES[i % 4],
    tags: [TAGS[i % TAGS.length], ...(i % 4 === 0 ? [TAGS[(i + 1) % TAGS.length]] : [])],
    ...(due ? { due_at: due } : {}),
  };
}

export async function seedUser(apiUrl: string, taskCount: number, concurrency = 16): Promise<SeededUser> {
  const email = `bench-${randomBytes(4).toString("hex")}@example.com`;
  const signUp = await json(
    await fetch(`${apiUrl}/api/auth/sign-up/email`, {
      method: "POST",
      // Better Auth checks the Origin of auth calls in production; the web proxy forwards the browser's.
      headers: { "content-type": "application/json", origin: "http://localhost:3000" },
      body: JSON.stringify({ name: "Bench User", email, password: "bench password 123" }),
    }),
    "sign-up",
  );
  const token = String(signUp.token);
  const userId = String((signUp.user as { id: string }).id);
  const auth = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  const created = await json(
    await fetch(`${apiUrl}/api/tokens`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify({ name: "bench" }),
    }),
    "personal token",
  );
  const taskIds: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < taskCount) {
        const i = next++;
        const task = await json(
          await fetch(`${apiUrl}/api/tasks`, {
            method: "POST",
            headers: auth,
            body: JSON.stringify(taskBody(i)),
          }),
          "create task",
        );
        taskIds.push(Number(task.id));
      }
    }),
  );
  return { email, token, userId, personalToken: String(created.token), taskIds };
}
