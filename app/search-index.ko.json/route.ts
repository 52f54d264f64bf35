import { getLessons } from "../../content/loader";
import { buildSearchIndex } from "../_lib/search-index";

// The Korean pages' index (app/search-index.json has the English one): Hangul words, and the English headings they stand for.
export const dynamic = "force-static";

export function GET() {
  return Response.json(buildSearchIndex(getLessons(undefined, "ko"), getLessons()));
}
