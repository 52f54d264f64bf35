'use client';

import { NextIntlClientProvider } from 'next-intl';
import type { ComponentProps } from 'react';

/**
 * The UI's strings for client components. A client component of ours, so that the browser's
 * 'next-intl' is the site's small one (app/components/i18n/intl-client.tsx, by next.config.js)
 * while the server renders it with next-intl's own. No message formats a date, so the time
 * zone (which next-intl wants named for server and browser to agree) is fixed.
 */
export default function IntlClientProvider(props: ComponentProps<typeof NextIntlClientProvider>) {
  return <NextIntlClientProvider timeZone="UTC" {...props} />;
}
