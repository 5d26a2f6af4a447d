"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import type { DraggedTask } from "./task-drag";
import { useDropTarget } from "./use-drop-target";

type Props = {
  href: string;
  label: string;
  /** Open tasks there; undefined while counting. */
  count: number | undefined;
  current: boolean;
  testId: string;
  icon?: ReactNode;
  /** Makes it a drop target for task rows (the Inbox and the lists). */
  onDropTask?: (task: DraggedTask) => void;
  onNavigate?: () => void;
  /** Buttons beside the link (rename, delete). */
  actions?: ReactNode;
};

/** One place in the sidebar: a link with its open count, marked when current, maybe a drop target. */
export function PlaceLink({
  href,
  label,
  count,
  current,
  testId,
  icon,
  onDropTask,
  onNavigate,
  actions,
}: Props) {
  const drop = useDropTarget((task) => onDropTask?.(task));
  const tone = drop.over
    ? "bg-brand-100 ring-2 ring-brand-500"
    : current
      ? "bg-brand-50"
      : "hover:bg-slate-100";
  return (
    <div
      {...(onDropTask ? drop.props : {})}
      data-testid={testId}
      data-drop-over={drop.over ? "true" : "false"}
      className={`group flex min-w-0 items-center rounded-lg transition-colors ${tone}`}
    >
      <Link
        href={href}
        scroll={false}
        aria-current={current ? "page" : undefined}
        onClick={onNavigate}
        className={`flex min-w-0 flex-1 items-center gap-2 rounded-lg px-2.5 py-1.5 text-sm ${
          current ? "font-semibold text-brand-700" : "text-slate-700 hover:text-slate-900"
        }`}
      >
        {icon && (
          <span aria-hidden="true" className="shrink-0 text-slate-500">
            {icon}
          </span>
        )}
        <span dir="auto" className="min-w-0 truncate">
          {label}
        </span>
        <span
          aria-hidden="true"
          data-testid={`${testId}-count`}
          className={`ml-auto min-w-5 shrink-0 rounded-full px-1.5 text-center text-xs tabular-nums ${
            current ? "bg-brand-100 text-brand-700" : "bg-slate-100 text-slate-600"
          }`}
        >
          {count ?? "·"}
        </span>
        {count !== undefined && (
          <span className="sr-only">
            , {count} open {count === 1 ? "task" : "tasks"}
          </span>
        )}
      </Link>
      {actions}
    </div>
  );
}
