import type { ComponentPropsWithoutRef } from 'react';

type HeadingProps = ComponentPropsWithoutRef<'h2'>;

/**
 * h2 / h3 of the prose. The text links to its own anchor (its id from content/steps.ts),
 * with a "#" that shows on hover and focus; the "#" is not part of its name.
 */
function anchored(Tag: 'h2' | 'h3' | 'h4') {
  return function Heading({ id, children, ...rest }: HeadingProps) {
    if (!id) return <Tag {...rest}>{children}</Tag>;
    return (
      <Tag id={id} {...rest} className="group">
        <a href={`#${id}`} className="heading-anchor no-underline">
          {children}
          <span
            aria-hidden="true"
            className="ml-2 font-normal text-(--muted-fg) opacity-0 transition-opacity group-hover:opacity-100 group-focus-within:opacity-100"
          >
            #
          </span>
        </a>
      </Tag>
    );
  };
}

export const H2 = anchored('h2');
export const H3 = anchored('h3');
export const H4 = anchored('h4');
