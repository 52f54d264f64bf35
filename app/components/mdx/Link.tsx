import NextLink from '../layout/SiteLink';
import type { ComponentPropsWithoutRef } from 'react';

/** Links in the prose: the site's own pages through SiteLink, other sites in the same tab with a safe rel. */
export default function Link({ href = '', children, ...rest }: ComponentPropsWithoutRef<'a'>) {
  if (href.startsWith('/') && !href.startsWith('//')) {
    return (
      <NextLink href={href} {...rest}>
        {children}
      </NextLink>
    );
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith('mailto:')) {
    return (
      <a href={href} rel="noopener noreferrer" {...rest}>
        {children}
      </a>
    );
  }
  return (
    <a href={href} {...rest}>
      {children}
    </a>
  );
}
