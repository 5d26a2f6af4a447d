// Setting up a board through the REST API in a test: each call checks its own status, so a setup step
// that fails says so where it fails rather than in the assertion after it.
import type { List, Task } from "@taskflow/contracts";
import type { client } from "@taskflow/testing/http";
import { expect } from "vitest";

export type Api = ReturnType<typeof client>;

export async function createList(api: Api, name: string): Promise<List> {
  const res = await api.post<List>("/api/lists", { json: { name } });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

export async function createTask(api: Api, body: Record<string, unknown>): Promise<Task> {
  const res = await api.post<Task>("/api/tasks", { json: body });
  expect(res.status, res.text).toBe(201);
  return res.body;
}
