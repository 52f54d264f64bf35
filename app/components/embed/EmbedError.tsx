/** What an embed shows when its address asks for something the snippet does not have. */
export default function EmbedError({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div role="alert" data-testid="embed-error" className="rounded-xl border border-(--border-strong) bg-(--surface) px-4 py-3 text-sm">
      <p className="font-semibold">{title}</p>
      <div className="mt-1 text-(--muted-fg)">{children}</div>
    </div>
  );
}
