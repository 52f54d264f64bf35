import { langFields, lessonDetail, requestedLang } from "../../../../content/api";
import { getLesson } from "../../../../content/loader";
import { answeringApiErrors } from "../../../_lib/api-route";

// `?lang=ko` answers in Korean (README, "The runner API beyond the contract"): read per request.
export const dynamic = "force-dynamic";

export const GET = answeringApiErrors(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const asked = requestedLang(request.url);
  const lesson = getLesson(slug, undefined, asked.lang);
  if (!lesson) {
    return Response.json({ error: { code: "lesson-not-found", message: `There is no lesson "${slug}".` } }, { status: 404 });
  }
  return Response.json({ ...lessonDetail(lesson), ...(asked.asked ? langFields(lesson, asked.lang) : {}) });
});
