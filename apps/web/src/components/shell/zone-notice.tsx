import { XIcon } from "@/components/ui/icons";

/** Says, once, that the user's zone was set from this browser's. */
export function ZoneNotice({ zone, onDismiss }: { zone: string; onDismiss: () => void }) {
  return (
    <div className="mx-auto w-full max-w-7xl px-3 pt-3 sm:px-6" data-testid="zone-notice">
      <p
        role="status"
        className="flex items-center gap-2 rounded-xl border border-brand-200 bg-brand-50 py-1.5 pr-1.5 pl-3 text-sm text-brand-700"
      >
        <span className="min-w-0 flex-1">
          Times are shown in <strong className="font-semibold">{zone}</strong>, this browser’s time zone.
        </span>
        <button
          type="button"
          className="btn btn-ghost p-1.5 text-brand-700 hover:bg-brand-100"
          onClick={onDismiss}
          aria-label="Dismiss"
          data-testid="zone-notice-dismiss"
        >
          <XIcon width={16} height={16} />
        </button>
      </p>
    </div>
  );
}
