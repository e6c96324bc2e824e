import type { Content } from '../content/content';
import type { Outbox } from '../proactive/outbox-queue';
import type { Store } from '../storage/store';
import type { SchoolServices } from './school-services';

/** What appointing, removing and listing administrators use. */
export interface RoleDeps {
  store: Store;
  schools: SchoolServices;
  outbox: Outbox;
  content: Content;
}
