"use client";

import type { NotifyPermission } from "@/lib/use-notifications";
import type { LiveStatus } from "@/lib/use-task-events";
import { BellIcon } from "./board-icons";

const LABEL: Record<LiveStatus, string> = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
  offline: "Not live: reload to see changes",
};

const DOT: Record<LiveStatus, string> = {
  connecting: "bg-slate-300",
  live: "bg-emerald-500",
  reconnecting: "bg-amber-500 animate-pulse",
  offline: "bg-slate-400",
};

/** Whether the board follows changes live, and the one place to allow reminder notifications. */
export function LiveStatusBar({
  status,
  permission,
  onEnable,
}: {
  status: LiveStatus;
  permission: NotifyPermission;
  onEnable: () => void;
}) {
  return (
    <div className="flex items-center gap-3 text-xs text-slate-500">
      <span
        role="status"
        data-testid="live-status"
        data-status={status}
        className="inline-flex items-center gap-1.5"
        title={status === "live" ? "Changes made anywhere show up here as they happen" : undefined}
      >
        <span aria-hidden="true" className={`size-2 rounded-full ${DOT[status]}`} />
        {LABEL[status]}
      </span>
      {permission === "default" && (
        <button
          type="button"
          onClick={onEnable}
          className="inline-flex items-center gap-1 rounded-md px-1.5 py-0.5 font-medium text-brand-700 hover:bg-brand-50"
          data-testid="enable-notifications"
        >
          <BellIcon width={13} height={13} />
          Enable notifications
        </button>
      )}
      {permission === "denied" && (
        <span title="Your browser blocks notifications for this site; reminders still show here">
          Notifications blocked
        </span>
      )}
    </div>
  );
}
