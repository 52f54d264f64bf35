import type { Metadata } from 'next';
import { getLessons } from '../../../content/loader';
import LessonList from '../../components/lesson/LessonList';
import ResetProgress from '../../components/progress/ResetProgress';

export const metadata: Metadata = {
  title: 'Lessons',
  description: 'Every part of the ZeroMQ series, in order, with your progress.',
};

export default function LessonsPage() {
  const lessons = getLessons();
  return (
    <div className="mx-auto w-full max-w-3xl space-y-8 px-4 py-10 sm:px-6 sm:py-14">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Lessons</h1>
        <p className="text-lg text-(--muted-fg)">
          The series in order. Each part explains an idea next to programs you run right on the page.
        </p>
      </header>
      <LessonList lessons={lessons} headingLevel={2} />
      <ResetProgress />
    </div>
  );
}
