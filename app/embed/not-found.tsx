import EmbedError from '../components/embed/EmbedError';

/** An embed of a lesson or snippet that does not exist: said in the frame, at the frame's size. */
export default function EmbedNotFound() {
  return (
    <EmbedError title="This snippet does not exist.">
      <p>
        The lesson or snippet in the embed’s address is unknown: it may have been renamed.{' '}
        <a href="/lessons" target="_blank" rel="noopener" className="font-medium text-(--link) underline underline-offset-2">
          See the lessons
        </a>
        .
      </p>
    </EmbedError>
  );
}
