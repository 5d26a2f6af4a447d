export { exportData, exportTask } from "./export-data";
export { exportTasksCsv, guardFormula, tasksCsv } from "./export-tasks-csv";
export { importData } from "./import-data";
export { type ImportPlan, type ImportSource, type PlannedTask, planImport } from "./plan-import";
export { previewImport } from "./preview-import";
export { readImportFile } from "./read-import-file";
