import type { Config } from '../config';
import type { Content } from '../content/content';
import type { Logger } from '../logging/logger';
import type { Store } from '../storage/store';

/** What a capability's `register…(app, deps)` may use. */
export interface FeatureDeps {
  config: Config;
  content: Content;
  store: Store;
  log: Logger;
  now: () => Date;
}
