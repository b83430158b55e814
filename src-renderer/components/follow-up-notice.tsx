// The line that says why the follow-up (issue #16) is not asking Clearfacts now: off, offline,
// the token refused, a missing scope (named), or Clearfacts asking to slow down.
import type { ReactElement } from 'react';
import type { FollowUpStatus } from '../../src-main/contract/domain.ts';
import { useRenderMessage } from './message-text.ts';

/** Renders nothing while the follow-up is active or its status is unknown (null). */
export function FollowUpNotice({ status }: { status: FollowUpStatus | null }): ReactElement | null {
  const renderMessage = useRenderMessage();
  if (status === null || status.state === 'active' || status.reason === null) return null;
  return (
    <p className="hint" role="status" data-follow-up={status.state}>
      {renderMessage(status.reason)}
    </p>
  );
}
