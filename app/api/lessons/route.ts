import { lessonSummary } from "../../../content/api";
import { getLessons } from "../../../content/loader";

export const dynamic = "force-static";

export function GET() {
  return Response.json({ lessons: getLessons().map(lessonSummary) });
}
