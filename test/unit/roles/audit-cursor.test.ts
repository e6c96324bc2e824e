import { auditPositionInput, neighbours } from '../../../bot/audit/audit-cursor';

const id = (n: number) => `2026-12-14T13:0${n}:00.000Z:0000000${n}:00000000-0000-4000-8000-00000000000${n}`;

describe('audit page cursors', () => {
  it('when the reader goes Older twice then Newer twice, then they come back to the newest page', () => {
    let pos = auditPositionInput.parse({});
    const first = neighbours(pos, id(1));
    expect(first.newer).toBeUndefined();
    pos = auditPositionInput.parse(first.older);
    const second = neighbours(pos, id(2));
    pos = auditPositionInput.parse(second.older);
    expect(pos.before).toBe(id(2));
    const back = neighbours(pos, undefined);
    expect(back.older).toBeUndefined();
    pos = auditPositionInput.parse(back.newer);
    expect(pos.before).toBe(id(1));
    pos = auditPositionInput.parse(neighbours(pos, id(2)).newer);
    expect(pos.before).toBeUndefined();
    expect(neighbours(pos, id(1)).newer).toBeUndefined();
  });

  it('when the cursor is tampered with, then the newest page is shown instead', () => {
    expect(auditPositionInput.parse({ before: "' OR 1=1", trail: 'x,y' })).toEqual({ before: undefined, trail: [undefined, undefined] });
  });
});
