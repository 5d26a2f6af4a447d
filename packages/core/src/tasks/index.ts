export { createTask } from "./create-task";
export { deleteTask } from "./delete-task";
export { getTask } from "./get-task";
export { listTaskSummaries, listTasks } from "./list-tasks";
export { toTask } from "./task-dto";
export { toggleTask } from "./toggle-task";
export { updateTask } from "./update-task";
