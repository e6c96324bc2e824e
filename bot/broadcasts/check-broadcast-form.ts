import type { BroadcastFormErrors, BroadcastFormValues } from '../../cards/broadcast-compose-card';
import { fill, strings } from '../i18n/strings';
import { cleanTypedText } from '../text/clean-typed-text';
import { isAllowedInstant } from '../proactive/quiet-hours';
import { londonInstant } from '../time/london-clock';
import { isRealDate, londonDate } from '../time/london-date';
import type { Language } from '../users/user-record';
import { isHttpsAddress, onlyHttpsLinks } from './https-links';
import type { BroadcastVersion } from './broadcast-record';

/** The longest title and message, per language: a card of both stays well inside Teams' limit. */
export const TITLE_MAX = 200;
export const BODY_MAX = 4000;

/** What the form says, checked: everything but the audience, which needs the store. */
export interface CheckedForm {
  en: BroadcastVersion;
  cy: BroadcastVersion;
  link?: string;
  confirmRead: boolean;
  readBy?: string;
  remindAfterDays?: number;
  urgent: boolean;
  sendAt?: Date;
  audienceKind: 'scope' | 'la' | 'schools';
  laId?: string;
  /** School numbers or ids as typed, to find in the register. */
  schools: string[];
  familyIds: string[];
  levels: number[];
  channels: boolean;
}

/**
 * Checks the compose form as typed: both versions present, every link https, dates real and
 * not past, a scheduled time inside school days 08:00–18:00 unless urgent. Answers the
 * problems by field (in the author's language) or the checked form; never writes.
 */
export function checkBroadcastForm(values: BroadcastFormValues, language: Language, now: Date): { errors: Partial<BroadcastFormErrors>; form?: CheckedForm } {
  const p = strings(language).broadcasts.problems;
  const errors: Partial<BroadcastFormErrors> = {};
  const text = (raw: string, max: number, multiline: boolean, field: keyof BroadcastFormErrors): string => {
    const cleaned = cleanTypedText(raw, { maxLength: max + 1, multiline });
    if (cleaned === '') errors[field] = p.required;
    else if (cleaned.length > max) errors[field] = fill(p.tooLong, { max: String(max) });
    else if (!onlyHttpsLinks(cleaned)) errors[field] = p.httpsOnly;
    return cleaned;
  };
  const titleCy = text(values.titleCy, TITLE_MAX, false, 'titleCy');
  const bodyCy = text(values.bodyCy, BODY_MAX, true, 'bodyCy');
  const titleEn = text(values.titleEn, TITLE_MAX, false, 'titleEn');
  const bodyEn = text(values.bodyEn, BODY_MAX, true, 'bodyEn');
  const link = values.link.trim();
  if (link !== '' && !isHttpsAddress(link)) errors.link = p.badLink;
  const today = londonDate(now);
  const readBy = values.readBy.trim();
  if (readBy !== '' && !isRealDate(readBy)) errors.readBy = p.badDate;
  else if (readBy !== '' && readBy < today) errors.readBy = p.pastDate;
  const days = values.remindAfterDays.trim();
  if (days !== '' && !/^([1-9]|10)$/.test(days)) errors.remindAfterDays = p.badDays;
  const urgent = values.urgent === 'true';
  let sendAt: Date | undefined;
  const sendDate = values.sendDate.trim();
  if (sendDate !== '') {
    const time = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(values.sendTime.trim() || '08:00');
    if (!isRealDate(sendDate) || !time) errors.sendAt = p.badDate;
    else {
      sendAt = londonInstant(sendDate, Number(time[1]), Number(time[2]));
      if (sendAt.getTime() <= now.getTime()) errors.sendAt = sendDate < today ? p.pastDate : p.pastTime;
      else if (!urgent && !isAllowedInstant(sendAt)) errors.sendAt = p.schoolHours;
    }
  }
  const list = (raw: string) => raw.split(/[,;\s]+/).map((x) => x.trim()).filter((x) => x !== '');
  if (Object.keys(errors).length > 0) return { errors };
  return {
    errors,
    form: {
      en: { title: titleEn, body: bodyEn },
      cy: { title: titleCy, body: bodyCy },
      ...(link ? { link } : {}),
      confirmRead: values.confirmRead === 'true',
      ...(readBy ? { readBy } : {}),
      ...(days ? { remindAfterDays: Number(days) } : {}),
      urgent,
      ...(sendAt ? { sendAt } : {}),
      audienceKind: values.audienceKind,
      ...(values.laId ? { laId: values.laId } : {}),
      schools: list(values.schools).slice(0, 50),
      familyIds: list(values.families).slice(0, 20),
      channels: values.channels === 'true',
      levels: [...new Set(list(values.levels).map(Number).filter((n) => Number.isInteger(n) && n >= 1 && n <= 6))],
    },
  };
}
