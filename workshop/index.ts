/** The workshop module's public surface: start it, mount its HTTP handler. */
export { catalogFromLessons, type Catalog, type CatalogLesson } from "./catalog";
export { handleWorkshopRequest, isWorkshopPath } from "./http";
export { Workshops, WorkshopService, type WorkshopOptions, type WorkshopLimits } from "./service";
export type * from "./types";
