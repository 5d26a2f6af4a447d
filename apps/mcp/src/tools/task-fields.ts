// From an MCP tool's task arguments to the fields of the REST bodies (createTaskBody, updateTaskBody).

/**
 * The task fields a tool call gives (add_task, update_task, an update_tasks item), named as the REST
 * bodies and the core name them (due → due_at, list → list_id), leaving out those it does not give;
 * `listId` is the id its `list` argument names (`listIdOf`).
 */
export function taskFieldsOf(
  args: {
    title?: string | undefined;
    description?: string | undefined;
    priority?: string | undefined;
    tags?: string[] | undefined;
    due?: string | null | undefined;
    recurrence?: string | null | undefined;
    remind_at?: string | null | undefined;
    completed?: boolean | undefined;
  },
  listId?: number | null,
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries({
      title: args.title,
      description: args.description,
      priority: args.priority,
      tags: args.tags,
      due_at: args.due,
      recurrence: args.recurrence,
      remind_at: args.remind_at,
      completed: args.completed,
      list_id: listId,
    }).filter(([, value]) => value !== undefined),
  );
}
