// Where the personal access token lives. The desktop shell stores it with safeStorage; headless
// runs read CLEARFACTS_TOKEN, the OS keyring, or (only with the user's consent) a 0600 file.
import type { TokenStorageInfo } from '../../contract/domain.ts';

export interface TokenStore {
  load(): Promise<string | null>;
  save(token: string): Promise<void>;
  clear(): Promise<void>;
  info(): TokenStorageInfo;
}
