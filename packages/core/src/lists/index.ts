export { createList } from "./create-list";
export { deleteList } from "./delete-list";
export { findListByName } from "./find-list-by-name";
export { listLists } from "./list-lists";
export { checkOwnLists, ownListId } from "./own-lists";
export { renameList } from "./rename-list";
