"use client";

import type { Task } from "@taskflow/contracts";
import { useEffect, useRef } from "react";
import { ROW_SCROLL_MARGIN } from "@/components/keyboard/task-focus";
import { useRowFocus } from "@/components/keyboard/task-selection";
import { PencilIcon, TrashIcon } from "@/components/ui/icons";
import { describeDue, relativeTime } from "@/lib/dates";
import { useTimeZone } from "@/lib/use-me";
import { ListChip } from "../lists/list-chip";
import { useTaskListName } from "../lists/lists-context";
import { taskDragProps } from "../lists/task-drag";
import { DueChip, PriorityChip, RemindChip, RepeatChip, TagChip } from "./chips";
import { useOpenEditor } from "./open-editors";
import { TaskEditor } from "./task-editor";
import { TaskNumber } from "./task-number";

type Props = {
  task: Task;
  activeTag: string | undefined;
  onTagSelect: (tag: string) => void;
  onToggle: (task: Task) => void;
  onSaved: (task: Task) => void;
  onDelete: (task: Task) => void;
};

export function TaskRow({ task, activeTag, onTagSelect, onToggle, onSaved, onDelete }: Props) {
  const editor = useOpenEditor(task.id);
  const { editing } = editor;
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);

  useEffect(() => {
    // Give focus back to the edit button when the editor closes, so keyboard users keep their place.
    if (wasEditing.current && !editing) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  const timeZone = useTimeZone();
  const overdue = task.due_at !== null && !task.completed && describeDue(task.due_at, timeZone).overdue;
  const listName = useTaskListName(task);
  // Roving tabindex: Tab reaches the selected row; j/k move it (components/keyboard).
  const rowFocus = useRowFocus(task.id);

  if (editing) {
    return (
      <li
        {...rowFocus}
        data-testid="task-item"
        data-task-id={task.id}
        className={`animate-rise ${ROW_SCROLL_MARGIN}`}
      >
        <TaskEditor
          task={task}
          typed={editor.typed}
          onType={editor.keep}
          onCancel={editor.close}
          onSaved={(saved) => {
            onSaved(saved);
            editor.close();
          }}
        />
      </li>
    );
  }

  return (
    <li
      {...taskDragProps(task)}
      {...rowFocus}
      data-testid="task-item"
      data-task-id={task.id}
      data-completed={task.completed ? "true" : "false"}
      data-overdue={overdue ? "true" : "false"}
      className={`${ROW_SCROLL_MARGIN} group relative flex items-start gap-3 rounded-xl border bg-surface px-3 py-3 shadow-xs transition-colors sm:px-4 ${overdue ? "border-red-200 bg-red-50/40" : "border-slate-200 hover:border-slate-300"}`}
    >
      <input
        type="checkbox"
        data-testid="task-toggle"
        checked={task.completed}
        onChange={() => onToggle(task)}
        aria-label={task.completed ? `Mark “${task.title}” as not done` : `Mark “${task.title}” as done`}
        className="task-check mt-0.5 cursor-pointer"
      />
      <div className="min-w-0 flex-1">
        <div className="flex items-baseline gap-1.5">
          <p
            dir="auto"
            data-testid="task-title"
            className={`min-w-0 text-[0.95rem] leading-snug font-medium break-words ${task.completed ? "text-slate-500 line-through" : "text-slate-900"}`}
          >
            {task.title}
          </p>
          <TaskNumber id={task.id} className="shrink-0" />
        </div>
        {task.description && (
          <p
            dir="auto"
            data-testid="task-description"
            className={`mt-0.5 line-clamp-2 text-sm break-words whitespace-pre-line ${task.completed ? "text-slate-500" : "text-slate-600"}`}
          >
            {task.description}
          </p>
        )}
        {(task.priority !== "none" || task.tags.length > 0 || task.due_at || task.recurrence || listName) && (
          <div className="mt-2 flex flex-wrap items-center gap-1.5">
            {listName && <ListChip name={listName} />}
            {task.due_at && <DueChip dueAt={task.due_at} completed={task.completed} />}
            {task.recurrence && <RepeatChip text={task.recurrence_text ?? task.recurrence} />}
            {task.remind_at && !task.completed && <RemindChip remindAt={task.remind_at} />}
            {task.priority !== "none" && <PriorityChip priority={task.priority} />}
            {task.tags.map((tag) => (
              <TagChip key={tag} tag={tag} active={activeTag === tag} onSelect={onTagSelect} />
            ))}
          </div>
        )}
        <p className="sr-only">Created {relativeTime(task.created_at)}</p>
      </div>
      <div className="flex shrink-0 items-center gap-0.5 opacity-100 transition-opacity sm:opacity-0 sm:group-focus-within:opacity-100 sm:group-hover:opacity-100">
        <button
          ref={editButton}
          type="button"
          onClick={editor.open}
          className="btn btn-ghost p-2"
          aria-label={`Edit “${task.title}”`}
          data-testid="task-edit"
        >
          <PencilIcon />
        </button>
        <button
          type="button"
          onClick={() => onDelete(task)}
          className="btn btn-ghost p-2 hover:bg-red-50 hover:text-red-700"
          aria-label={`Delete “${task.title}”`}
          data-testid="task-delete"
        >
          <TrashIcon />
        </button>
      </div>
    </li>
  );
}
