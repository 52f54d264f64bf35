import Link from 'next/link';
import type { ApiError } from './api';
import { CARD } from './styles';

/** What the instructor pages show to anyone without the instructor link (or with a wrong one). */
export default function AccessNeeded({ code, error }: { code: string; error: ApiError }) {
  const notFound = error.status === 404;
  return (
    <div role="alert" className={`${CARD} space-y-3`} data-testid="access-needed">
      <h1 className="text-2xl font-bold">{notFound ? 'No such workshop' : 'This needs the instructor link'}</h1>
      {notFound ? (
        <p>{error.message}</p>
      ) : (
        <>
          <p>
            Only the instructor can open this page, with the secret link they got when they created the workshop.
            {error.code === 'wrong-key' ? ' The key in this link is not this workshop’s.' : ''}
            {error.code === 'handoff-used' ? ` ${error.message}` : ''}
          </p>
          <p>
            Here to learn?{' '}
            <Link href={`/w/${code}`} className="font-semibold text-(--link) underline">
              Join workshop {code}
            </Link>
            .
          </p>
        </>
      )}
    </div>
  );
}
