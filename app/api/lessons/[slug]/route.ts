import { lessonDetail } from "../../../../content/api";
import { getLesson, getLessons } from "../../../../content/loader";

export function generateStaticParams() {
  return getLessons().map((lesson) => ({ slug: lesson.slug }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const lesson = getLesson(slug);
  if (!lesson) {
    return Response.json({ error: { code: "lesson-not-found", message: `There is no lesson "${slug}".` } }, { status: 404 });
  }
  return Response.json(lessonDetail(lesson));
}
