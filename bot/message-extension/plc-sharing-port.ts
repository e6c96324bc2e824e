import type { UserIdentity } from '../users/user-record';

/*
 * What the message extension needs from professional learning communities, in the shape
 * bot/plc/plc-sharing.ts exports. Until that module is here, these types are an identical
 * copy, so joining the two is one import changed; nothing in this folder reaches into PLC storage.
 */

/** A PLC a person belongs to, as the share form lists it. */
export interface PlcSummary {
  id: string;
  name: string;
}

/** A resource shared in a PLC, as search needs it. */
export interface PlcResourceForSearch {
  id: string;
  plcId: string;
  title: string;
  note?: string;
  url: string;
  keyAreas: string[];
  languages: ('cy' | 'en')[];
  sharedByName: string;
  sharedAt: string;
  useful: number;
}

/** What the share form hands to the PLC. */
export interface ShareInput {
  title: string;
  url: string;
  note?: string;
  keyAreas: string[];
  languages: ('cy' | 'en')[];
}

/** How a share ended: shared, the same link already there, or refused with a reason. */
export type ShareOutcome =
  | { kind: 'shared'; resourceId: string }
  | { kind: 'duplicate'; firstSharedByName: string; firstSharedAt: string }
  | { kind: 'refused'; reason: 'not-member' | 'closed' | 'unknown-plc' | 'bad-input'; message?: string };

/** The PLC capability's offer to the message extension: a person's PLCs and their resources, and sharing into one. */
export interface PlcSharing {
  plcsOf(identity: UserIdentity): Promise<PlcSummary[]>;
  resourcesFor(identity: UserIdentity): Promise<PlcResourceForSearch[]>;
  share(actor: { identity: UserIdentity; name: string }, plcId: string, input: ShareInput, now: Date): Promise<ShareOutcome>;
  resourceCard(identity: UserIdentity, resourceId: string, language: 'cy' | 'en'): Promise<Record<string, unknown> | undefined>;
}
