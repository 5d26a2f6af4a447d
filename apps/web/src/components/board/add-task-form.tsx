"use client";

import type { Task } from "@taskflow/contracts";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { PlusIcon } from "@/components/ui/icons";
import { ApiError, api, errorMessage } from "@/lib/api";
import { useMe } from "@/lib/use-me";
import { startingList } from "../lists/list-gone";
import { useListsContext } from "../lists/lists-context";
import { overridden, quickAddBody } from "./quick-add";
import { QuickAddChips } from "./quick-add-chips";
import {
  apiFieldErrors,
  type DraftErrors,
  draftIn,
  draftKeepingEdits,
  isWallTime,
  type TaskDraft,
  validateDraft,
} from "./task-draft";
import { FieldErrors, TaskMetaFields } from "./task-fields";
import { useQuickAdd } from "./use-quick-add";

export function AddTaskForm({ onAdded }: { onAdded: (task: Task) => void }) {
  // While the board shows a list, a new task goes in it (the List field says so and can change it); a
  // list id the user's lists do not have (deleted, or not theirs) is no place for it: the Inbox then.
  const lists = useListsContext();
  const start = startingList(lists?.shown ?? "", lists?.lists ?? null);
  const [draft, setDraft] = useState<TaskDraft>(() => draftIn(start));
  const [errors, setErrors] = useState<DraftErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const titleRef = useRef<HTMLInputElement>(null);
  const { zoneReady } = useMe();
  const quick = useQuickAdd(draft.title);
  // The text whose refusal was shown: Add again with it unchanged adds it exactly as typed.
  const refused = useRef<string | null>(null);
  // The draft as last rendered, for the failure path: has the user typed on since the form was cleared?
  const latest = useRef(draft);
  useEffect(() => {
    latest.current = draft;
  }, [draft]);
  useEffect(() => setDraft((current) => ({ ...current, list: draftIn(start).list })), [start]);

  function change(patch: Partial<TaskDraft>) {
    setDraft((current) => ({ ...current, ...patch }));
    if (Object.keys(errors).length > 0) setErrors({});
    setFormError(null);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    // Ready for the next task (or the one given back), unless the user has gone elsewhere (a row, the
    // sidebar) while it was sent.
    const focusTitleUnlessAway = () => {
      const at = document.activeElement;
      if (!at || at === document.body || form.contains(at)) titleRef.current?.focus();
    };
    const sent = draft;
    const found = validateDraft(sent);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      if (found.title) titleRef.current?.focus();
      return;
    }
    setPending(true);
    // The form is free for the next task at once, before the text is read and sent: what is typed from
    // here on is the next task's. The task comes back into the form if it is not added.
    const cleared = draftIn(start);
    setDraft((current) => draftKeepingEdits(current, sent, cleared));
    /** Why the task was not added, with the task back in the form, unless the next one is already begun. */
    const giveBack = (message: string, fieldErrors: DraftErrors = {}) => {
      // (A request that fails at once, offline, may come before the clear has rendered: the field then
      // still shows what was sent.)
      const shown = latest.current.title;
      if (shown !== cleared.title && shown !== sent.title) {
        setFormError(`“${sent.title}” was not added: ${message}`);
        return;
      }
      setDraft((current) => draftKeepingEdits(current, cleared, sent));
      setErrors(fieldErrors);
      setFormError(message);
      focusTitleUnlessAway();
    };
    try {
      const parse = await quick.resolve(sent.title);
      if (parse.kind === "invalid" && refused.current !== sent.title) {
        refused.current = sent.title;
        giveBack(parse.message, { title: `${parse.message} Add again to keep the text exactly as typed.` });
        return;
      }
      const body = quickAddBody(sent, parse.kind === "parsed" ? parse.result : null);
      // The api reads a wall time in the stored zone: let the app finish storing this browser's first.
      if (isWallTime(body.due_at) || isWallTime(body.remind_at)) await zoneReady;
      const task = await api<Task>("/api/tasks", { method: "POST", json: body });
      refused.current = null;
      onAdded(task);
      focusTitleUnlessAway();
    } catch (error) {
      giveBack(
        errorMessage(error),
        error instanceof ApiError && error.fieldErrors.length > 0 ? apiFieldErrors(error.fieldErrors) : {},
      );
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="card p-3 sm:p-4"
      data-testid="add-task-form"
      aria-label="Add a task"
    >
      <div className="flex flex-col gap-2">
        <label htmlFor="new-title" className="sr-only">
          Task title
        </label>
        <input
          ref={titleRef}
          id="new-title"
          data-testid="new-title"
          className="w-full rounded-lg border-0 bg-transparent px-1 py-1 text-base font-medium text-slate-900 placeholder:font-normal placeholder:text-slate-500 focus:ring-0 focus:outline-none"
          placeholder="What needs doing? Try “buy milk tomorrow 9am #groceries !high”"
          value={draft.title}
          dir="auto"
          autoComplete="off"
          aria-invalid={errors.title ? true : undefined}
          aria-describedby={errors.title ? "new-title-error" : undefined}
          onChange={(event) => change({ title: event.target.value })}
        />
        {!errors.title && <QuickAddChips parse={quick.parse} overrides={overridden(draft)} />}
        <label htmlFor="new-description" className="sr-only">
          Description
        </label>
        <textarea
          id="new-description"
          dir="auto"
          data-testid="new-description"
          className="min-h-9 w-full resize-none rounded-lg border-0 bg-transparent px-1 py-0.5 text-sm text-slate-700 placeholder:text-slate-500 focus:ring-0 focus:outline-none"
          placeholder="Notes (optional)"
          rows={draft.description.includes("\n") ? 3 : 1}
          value={draft.description}
          onChange={(event) => change({ description: event.target.value })}
          onKeyDown={(event) => {
            // Ctrl/⌘+Enter adds from the notes field too; plain Enter makes a new line.
            if (event.key === "Enter" && (event.metaKey || event.ctrlKey))
              event.currentTarget.form?.requestSubmit();
          }}
        />
        <div className="flex flex-wrap items-end gap-2 border-t border-slate-100 pt-3">
          <TaskMetaFields idPrefix="new" draft={draft} errors={errors} onChange={change} disabled={pending} />
          <button
            type="submit"
            className="btn btn-primary w-full sm:w-auto"
            disabled={pending}
            data-testid="add-task"
          >
            <PlusIcon />
            {pending ? "Adding…" : "Add task"}
          </button>
        </div>
        <FieldErrors idPrefix="new" errors={errors} />
        {formError && Object.keys(errors).length === 0 && (
          <p role="alert" className="text-sm text-red-700">
            {formError}
          </p>
        )}
      </div>
    </form>
  );
}
