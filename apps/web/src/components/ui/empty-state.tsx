import type { ReactNode } from "react";

type Props = {
  title: ReactNode;
  /** One or two sentences under the title: why it is empty, what to do. */
  description?: ReactNode;
  /** Shown in a tinted square above the title (card and panel only). */
  icon?: ReactNode;
  /** Actions under the text (a button, examples to try). */
  children?: ReactNode;
  /**
   * `card`: a dashed card in place of a list; `panel`: centred in a panel it fills; `inline`: one
   * dashed line of text, for a small list inside a page.
   */
  variant?: "card" | "panel" | "inline";
  testId: string;
};

const FRAME = {
  card: "card flex flex-col items-center gap-2 border-dashed px-6 py-12 text-center",
  panel: "flex h-full flex-col items-center justify-center gap-3 py-6 text-center",
  inline: "rounded-lg border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-500",
};

/** What a list or panel shows when there is nothing in it yet, the same way everywhere. */
export function EmptyState({ title, description, icon, children, variant = "card", testId }: Props) {
  if (variant === "inline") {
    return (
      <div className={FRAME.inline} data-testid={testId}>
        <p>{title}</p>
        {description && <p className="mt-1">{description}</p>}
        {children}
      </div>
    );
  }
  return (
    <div className={FRAME[variant]} data-testid={testId}>
      {icon && (
        <span className="grid size-12 place-items-center rounded-2xl bg-brand-50 text-brand-600">{icon}</span>
      )}
      <div className="flex flex-col items-center gap-1">
        <p className="font-medium">{title}</p>
        {description && (
          <p className={`text-sm text-slate-600 ${variant === "card" ? "max-w-xs" : ""}`}>{description}</p>
        )}
      </div>
      {children}
    </div>
  );
}
