import { ExportSection } from "./export-section";
import { ImportSection } from "./import-section";

export function SettingsPage() {
  return (
    <main className="mx-auto w-full max-w-4xl flex-1 space-y-6 px-3 py-5 sm:px-6 sm:py-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
        <p className="mt-1 max-w-2xl text-sm text-slate-600">
          Your tasks are yours: take all of them with you, or bring them in from another Taskflow account or
          from Todoist.
        </p>
      </div>
      <ExportSection />
      <ImportSection />
    </main>
  );
}
