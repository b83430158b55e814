// As src-main/core/store/…: so is anything under the @electron scope.
import { notarize } from '@electron/notarize';

export const sign = notarize;
