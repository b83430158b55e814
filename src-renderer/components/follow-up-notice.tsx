// The line that says why the follow-up (issue #16) is not asking Clearfacts now: off, offline,
// the token refused, a missing scope (named), or Clearfacts asking to slow down.
import type { ReactElement } from 'react';
import type { FollowUpStatus } from '../../src-main/contract/domain.ts';
import { useRenderMessage } from './message-text.ts';

/**
 * Renders nothing while the follow-up is active or its status is unknown (null). Small windows
 * show it on one line (styles.css), the whole of it in the tooltip, so the list stays in view.
 */
export function FollowUpNotice({ status }: { status: FollowUpStatus | null }): ReactElement | null {
  const renderMessage = useRenderMessage();
  if (status === null || status.state === 'active' || status.reason === null) return null;
  const text = renderMessage(status.reason);
  return (
    <p className="hint follow-up-notice" role="status" data-follow-up={status.state} title={text}>
      {text}
    </p>
  );
}
