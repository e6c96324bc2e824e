import {
  mayChangeManager,
  mayNotifyManager,
  requestStateAt,
  withManagerChange,
  withManagerDeclined,
  withManagerNotified,
} from '../../../bot/team/line-manager-request-rules';
import { lineManagerRequestStateSchema, type LineManagerRequestState } from '../../../bot/team/line-manager-request-state';

const MANAGER = '7d1c0f7e-8a55-4d9b-9e0b-3c1f2a4b5c6d';
const OTHER = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
/** Tuesday 6 October 2026, 10:00 in Wales (British Summer Time). */
const TUESDAY = new Date('2026-10-06T09:00:00Z');
const hours = (from: Date, h: number) => new Date(from.getTime() + h * 3_600_000);

function changes(count: number, at: Date): LineManagerRequestState | undefined {
  let state: LineManagerRequestState | undefined;
  for (let i = 0; i < count; i += 1) state = withManagerChange(state, at);
  return state;
}

describe('the line-manager request rules', () => {
  it('when someone has changed their line manager five times today, then a sixth change is not allowed, and the next day it is', () => {
    expect(mayChangeManager(undefined, TUESDAY)).toBe(true);
    expect(mayChangeManager(changes(4, TUESDAY), TUESDAY)).toBe(true);
    expect(mayChangeManager(changes(5, TUESDAY), TUESDAY)).toBe(false);
    expect(mayChangeManager(changes(5, TUESDAY), hours(TUESDAY, 24))).toBe(true);
  });

  it('when the day turns at midnight in Wales (not in UTC), then the count starts again', () => {
    const lateTuesday = new Date('2026-10-06T22:50:00Z'); // 23:50 in Wales
    const earlyWednesday = new Date('2026-10-06T23:10:00Z'); // 00:10 in Wales, still Tuesday in UTC
    expect(mayChangeManager(changes(5, lateTuesday), earlyWednesday)).toBe(true);
    const winterLate = new Date('2026-12-08T23:50:00Z'); // 23:50 in Wales (GMT)
    expect(mayChangeManager(changes(5, winterLate), new Date('2026-12-09T00:10:00Z'))).toBe(true);
  });

  it('when a manager was sent a request notice today, then no second one goes to them today, others still may be, and tomorrow they may be again', () => {
    const state = withManagerNotified(undefined, MANAGER.toUpperCase(), TUESDAY);
    expect(mayNotifyManager(state, MANAGER, hours(TUESDAY, 5))).toBe(false);
    expect(mayNotifyManager(state, OTHER, TUESDAY)).toBe(true);
    expect(mayNotifyManager(state, MANAGER, hours(TUESDAY, 24))).toBe(true);
  });

  it('when a manager declined, then they get no notice from that person for a day, even on the next date, and after a day they may', () => {
    const declinedLate = new Date('2026-10-06T21:00:00Z'); // 22:00 on Tuesday in Wales
    const state = withManagerDeclined(undefined, MANAGER, declinedLate);
    expect(mayNotifyManager(state, MANAGER, hours(declinedLate, 3))).toBe(false); // Wednesday 01:00
    expect(mayNotifyManager(state, MANAGER, hours(declinedLate, 23.9))).toBe(false);
    expect(mayNotifyManager(state, OTHER, hours(declinedLate, 1))).toBe(true);
    expect(mayNotifyManager(state, MANAGER, hours(declinedLate, 24))).toBe(true);
  });

  it('when declines are more than a day old, then they are dropped, so what is stored stays small and valid', () => {
    let state: LineManagerRequestState | undefined;
    for (let day = 0; day < 40; day += 1) state = withManagerDeclined(state, `${String(day).padStart(8, '0')}-0000-4000-8000-000000000000`, hours(TUESDAY, day * 24));
    const now = requestStateAt(state, hours(TUESDAY, 39 * 24 + 1));
    expect(now.declined).toHaveLength(1);
    expect(lineManagerRequestStateSchema.safeParse(state).success).toBe(true);
    for (let i = 0; i < 30; i += 1) state = withManagerNotified(state, `${String(i).padStart(8, '0')}-0000-4000-8000-000000000000`, TUESDAY);
    expect(lineManagerRequestStateSchema.safeParse(state).success).toBe(true);
  });
});
