import type { PlcResourceForSearch, PlcSharing, PlcSummary, ShareInput, ShareOutcome } from '../../bot/message-extension/plc-sharing-port';
import type { UserIdentity } from '../../bot/users/user-record';

/** A PLC as this stand-in keeps it: its members by Entra object id (lower case), and whether it is closed. */
export interface StandInPlc extends PlcSummary {
  members: string[];
  closed?: boolean;
}

/**
 * A small in-memory PlcSharing for the message extension's tests of the extension alone. It
 * stands in for the PLCs' own implementation (bot/plc/plc-sharing.ts, which the running bot
 * uses) and follows its contract only as far as these tests need: members
 * see and share, the same link twice is a duplicate, a closed or unknown PLC refuses.
 */
export class InMemoryPlcSharing implements PlcSharing {
  readonly plcs: StandInPlc[] = [];
  readonly resources: PlcResourceForSearch[] = [];
  /** Every share asked for, refused or not, for the tests to read. */
  readonly shareCalls: { actorName: string; plcId: string; input: ShareInput }[] = [];
  /** The PLC's own refusal for the next share (e.g. closed between opening the form and sending it). */
  refuseNext?: ShareOutcome & { kind: 'refused' };

  addPlc(plc: StandInPlc): this {
    this.plcs.push({ ...plc, members: plc.members.map((m) => m.toLowerCase()) });
    return this;
  }

  addResource(resource: PlcResourceForSearch): this {
    this.resources.push(resource);
    return this;
  }

  private isMember(identity: UserIdentity, plc: StandInPlc): boolean {
    return plc.members.includes(identity.aadObjectId.toLowerCase());
  }

  async plcsOf(identity: UserIdentity): Promise<PlcSummary[]> {
    return this.plcs.filter((p) => !p.closed && this.isMember(identity, p)).map(({ id, name }) => ({ id, name }));
  }

  async resourcesFor(identity: UserIdentity): Promise<PlcResourceForSearch[]> {
    const mine = new Set((await this.plcsOf(identity)).map((p) => p.id));
    return this.resources.filter((r) => mine.has(r.plcId));
  }

  async share(actor: { identity: UserIdentity; name: string }, plcId: string, input: ShareInput, now: Date): Promise<ShareOutcome> {
    this.shareCalls.push({ actorName: actor.name, plcId, input });
    const refusal = this.refuseNext;
    this.refuseNext = undefined;
    if (refusal) return refusal;
    const plc = this.plcs.find((p) => p.id === plcId);
    if (!plc) return { kind: 'refused', reason: 'unknown-plc' };
    if (!this.isMember(actor.identity, plc)) return { kind: 'refused', reason: 'not-member' };
    if (plc.closed) return { kind: 'refused', reason: 'closed' };
    const first = this.resources.find((r) => r.plcId === plcId && r.url.toLowerCase() === input.url.toLowerCase());
    if (first) return { kind: 'duplicate', firstSharedByName: first.sharedByName, firstSharedAt: first.sharedAt };
    const id = `res-${this.resources.length + 1}`;
    this.resources.push({ id, plcId, ...input, sharedByName: actor.name, sharedAt: now.toISOString(), useful: 0 });
    return { kind: 'shared', resourceId: id };
  }

  async resourceCard(identity: UserIdentity, resourceId: string, language: 'cy' | 'en'): Promise<Record<string, unknown> | undefined> {
    const resource = (await this.resourcesFor(identity)).find((r) => r.id === resourceId);
    if (!resource) return undefined;
    return {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'TextBlock', text: resource.title, wrap: true }],
      actions: [{ type: 'Action.OpenUrl', title: language === 'cy' ? 'Agor' : 'Open', url: resource.url }],
      // Marks the card as the PLC's own, so a test can tell it from the search's card.
      metadata: { webUrl: `https://plc.example/${resource.id}` },
    };
  }
}
