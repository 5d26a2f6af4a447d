import { IMPORT_SAMPLE_SIZE, type ImportPreview } from "@taskflow/contracts";
import type { ImportPlan } from "./plan-import";

/** What a dry run answers: the lists it would create or reuse, how many tasks, the first titles. */
export function previewImport(plan: ImportPlan): ImportPreview {
  return {
    preview: {
      lists: plan.lists,
      tasks: plan.tasks.length,
      completed: plan.tasks.filter((task) => task.completed).length,
      sample: plan.tasks.slice(0, IMPORT_SAMPLE_SIZE).map((task) => task.input.title),
      warnings: plan.warnings,
    },
  };
}
