import { langFields, lessonDetail, requestedLang } from "../../../../content/api";
import { getLesson } from "../../../../content/loader";
import { ApiError } from "../../../../runner/errors";

// `?lang=ko` answers in Korean (README, "The runner API beyond the contract"): read per request.
export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  let asked;
  try {
    asked = requestedLang(request.url);
  } catch (error) {
    if (error instanceof ApiError) return Response.json(error.toJSON(), { status: error.status });
    throw error;
  }
  const lesson = getLesson(slug, undefined, asked.lang);
  if (!lesson) {
    return Response.json({ error: { code: "lesson-not-found", message: `There is no lesson "${slug}".` } }, { status: 404 });
  }
  return Response.json({ ...lessonDetail(lesson), ...(asked.asked ? langFields(lesson, asked.lang) : {}) });
}
