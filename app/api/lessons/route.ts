import { lessonSummary } from "../../_lib/lessons/api";
import { getLessons } from "../../_lib/lessons/loader";

export const dynamic = "force-static";

export function GET() {
  return Response.json({ lessons: getLessons().map(lessonSummary) });
}
