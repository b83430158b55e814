// As src-main/core/account/…: account comes before queue in the stage order.
import { decideAfterFailure } from '../queue/failure-policy.ts';

export const decide = decideAfterFailure;
