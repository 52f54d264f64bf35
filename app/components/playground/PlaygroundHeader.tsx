/** The playground's title, what kind it is (exercise, solved, solution) and its processes. */
export default function PlaygroundHeader({
  titleId,
  title,
  exercise,
  solution,
  solved,
  processes,
}: {
  titleId: string;
  title: string;
  exercise: boolean;
  solution: boolean;
  solved: boolean;
  processes: string[];
}) {
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-t-xl border-b border-(--border) bg-(--surface) px-3 py-2.5 sm:px-4">
      <p id={titleId} className="min-w-[min(100%,14rem)] flex-1 font-semibold text-balance">
        {solution && <span className="font-normal text-(--muted-fg)">Solution: </span>}
        {solution ? title.replace(/^Exercise:\s*/i, '') : title}
      </p>
      {exercise && (
        <span
          data-testid="exercise-badge"
          data-solved={solved}
          className={`rounded-full px-2 py-0.5 text-xs font-semibold ${
            solved
              ? 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/60 dark:text-emerald-100'
              : 'bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-100'
          }`}
        >
          {solved ? '✓ Exercise solved' : 'Exercise'}
        </span>
      )}
      {processes.length > 1 && (
        <span className="text-xs text-(--muted-fg)">
          {processes.length} processes: {processes.join(', ')}
        </span>
      )}
    </div>
  );
}
