import { langFields, lessonSummary, requestedLang } from "../../../content/api";
import { getLessons } from "../../../content/loader";
import { ApiError } from "../../../runner/errors";

// `?lang=ko` answers in Korean (README, "The runner API beyond the contract"): read per request.
export const dynamic = "force-dynamic";

export function GET(request: Request) {
  let asked;
  try {
    asked = requestedLang(request.url);
  } catch (error) {
    if (error instanceof ApiError) return Response.json(error.toJSON(), { status: error.status });
    throw error;
  }
  return Response.json({ lessons: getLessons(undefined, asked.lang).map(lessonSummary), ...(asked.asked ? langFields(undefined, asked.lang) : {}) });
}
