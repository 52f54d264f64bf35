import Link from '../layout/SiteLink';
import { useTranslations } from 'next-intl';
import { useLocalePath } from '../i18n/useLang';
import type { ApiError } from './api';
import { useErrorText } from './errorText';
import { CARD } from './styles';

/** What the instructor pages show to anyone without the instructor link (or with a wrong one). */
export default function AccessNeeded({ code, error }: { code: string; error: ApiError }) {
  const t = useTranslations('workshop.access');
  const errorText = useErrorText();
  const path = useLocalePath();
  const notFound = error.status === 404;
  return (
    <div role="alert" className={`${CARD} space-y-3`} data-testid="access-needed">
      <h1 className="text-2xl font-bold">{notFound ? t('noSuch') : t('needsLink')}</h1>
      {notFound ? (
        <p>{errorText(error)}</p>
      ) : (
        <>
          <p>
            {t('onlyInstructor')}
            {error.code === 'wrong-key' ? ` ${t('wrongKey')}` : ''}
            {error.code === 'handoff-used' ? ` ${errorText(error)}` : ''}
          </p>
          <p>
            {t('hereToLearn')}{' '}
            <Link href={path(`/w/${code}`)} className="font-semibold text-(--link) underline">
              {t('join', { code })}
            </Link>
            .
          </p>
        </>
      )}
    </div>
  );
}
