// A one-line text that ends in an ellipsis when the window is too narrow for it. Its whole text
// stays one hover away (the title follows whatever it renders), so cutting it hides nothing.
import { useLayoutEffect, useRef, type ReactElement, type ReactNode } from 'react';

/** A `<span>` or `<p>` whose title is its own text, for the ellipsis styles in styles.css. */
export function Truncated({
  as: Tag = 'span',
  className,
  userData = false,
  children,
}: {
  as?: 'span' | 'p';
  className: string;
  /** True for user or server data (names, paths, e-mail): not words of the UI's language. */
  userData?: boolean;
  children: ReactNode;
}): ReactElement {
  const ref = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (element !== null) element.title = element.textContent;
  });
  return (
    <Tag
      ref={(element: HTMLElement | null) => {
        ref.current = element;
      }}
      className={className}
      data-user-data={userData ? '' : undefined}
    >
      {children}
    </Tag>
  );
}
