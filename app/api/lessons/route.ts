import { langFields, lessonSummary, requestedLang } from "../../../content/api";
import { getLessons } from "../../../content/loader";
import { answeringApiErrors } from "../../_lib/api-route";

// `?lang=ko` answers in Korean (README, "The runner API beyond the contract"): read per request.
export const dynamic = "force-dynamic";

export const GET = answeringApiErrors((request: Request) => {
  const asked = requestedLang(request.url);
  return Response.json({ lessons: getLessons(undefined, asked.lang).map(lessonSummary), ...(asked.asked ? langFields(undefined, asked.lang) : {}) });
});
