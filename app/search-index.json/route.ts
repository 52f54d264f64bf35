import { getLessons } from "../../content/loader";
import { buildSearchIndex } from "../_lib/search-index";

// Built once at build time, like the lesson pages; the search dialog fetches it when first opened.
export const dynamic = "force-static";

export function GET() {
  return Response.json(buildSearchIndex(getLessons()));
}
