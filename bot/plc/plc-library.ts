import { z } from 'zod';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { PLC_LIBRARY_PAGE, renderPlcLibraryCard } from '../../cards/plc-library-card';
import { keyAreaIdSchema } from '../content/key-area-schemas';
import { keyAreaName, keyAreas } from '../content/key-areas';
import { fill, strings } from '../i18n/strings';
import { inertMarkdown } from '../text/inert-markdown';
import type { Language } from '../users/user-record';
import type { Plc, PlcResource } from './plc-record';
import { plcIdSchema } from './plc-record';
import { sharedLine, usefulLine } from './plc-views';

/** The library card's data (buttons and the key-area choice merged), parsed at the edge. */
export const libraryRequestSchema = z.object({
  plcId: plcIdSchema,
  page: z.coerce.number().int().min(0).max(10000).default(0),
  order: z.enum(['newest', 'useful']).default('newest'),
  keyArea: z.union([keyAreaIdSchema, z.literal('all')]).default('all'),
});
export type LibraryRequest = z.infer<typeof libraryRequestSchema>;

/** One page of a PLC's library: newest or most useful first, one key area or all, ten a page. */
export function libraryCard(language: Language, plc: Plc, resources: PlcResource[], request: LibraryRequest): AdaptiveCardJson {
  const s = strings(language).plc;
  const matching = resources.filter((r) => request.keyArea === 'all' || r.keyAreas.includes(request.keyArea));
  const ordered = [...matching].sort((a, b) => (request.order === 'useful' ? b.useful - a.useful : 0) || b.sharedAt.localeCompare(a.sharedAt));
  const pages = Math.max(1, Math.ceil(ordered.length / PLC_LIBRARY_PAGE));
  const page = Math.min(request.page, pages - 1);
  const shown = ordered.slice(page * PLC_LIBRARY_PAGE, (page + 1) * PLC_LIBRARY_PAGE);
  const at = (p: number, order = request.order) => ({ plcId: plc.pk, page: p, order, keyArea: request.keyArea });
  const actions = [
    { title: request.order === 'newest' ? s.mostUseful : s.newest, data: at(0, request.order === 'newest' ? 'useful' : 'newest') },
    ...(page > 0 ? [{ title: s.previous, data: at(page - 1) }] : []),
    ...(page < pages - 1 ? [{ title: s.next, data: at(page + 1) }] : []),
  ];
  const orderName = request.order === 'newest' ? s.newest : s.mostUseful;
  const lead = ordered.length === 0 ? (resources.length === 0 ? s.libraryEmpty : s.libraryMatching) : `${orderName} · ${fill(s.pageOf, { page: String(page + 1), pages: String(pages) })}`;
  return renderPlcLibraryCard(language, {
    title: fill(s.libraryTitle, { plc: inertMarkdown(plc.name) }),
    lead,
    items: shown.map((r) => ({ title: inertMarkdown(r.title), url: r.url, line: `${sharedLine(language, r)} · ${usefulLine(language, r.useful)}` })),
    keyAreaChoices: [{ title: s.allAreas, value: 'all' }, ...keyAreas.map((a) => ({ title: keyAreaName(a.id, language), value: a.id }))],
    keyArea: request.keyArea,
    actions,
  });
}
