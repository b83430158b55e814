// As src-main/electron/…: the desktop shell never reaches into the bridge.
import { createRequestGuard } from '../bridge/request-guard.ts';

export const guard = createRequestGuard;
