import type { Metadata } from 'next';
import { workshopCatalog } from '../../../components/workshop/catalog';
import CreateWorkshop from '../../../components/workshop/CreateWorkshop';

export const metadata: Metadata = {
  title: 'New workshop',
  description: 'Lead a room through ZeroMQ lessons: one join link, a live board of who is stuck, hints and code for everyone.',
};

export default function NewWorkshopPage() {
  return (
    <div className="mx-auto w-full max-w-3xl space-y-8 px-4 py-10 sm:px-6 sm:py-14">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Run a workshop</h1>
        <p className="max-w-prose text-lg leading-relaxed text-(--muted-fg)">
          Pick the lessons, share one link with the room, and watch a live board: who is where, whose runs fail, who raised a hand.
          No accounts: learners pick a name, you keep a secret link.
        </p>
      </header>
      <CreateWorkshop catalog={workshopCatalog()} />
    </div>
  );
}
