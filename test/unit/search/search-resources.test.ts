import { loadContent } from '../../../bot/content/load-content';
import type { KeyAreaId } from '../../../bot/content/key-area-schemas';
import { librarySearchables } from '../../../bot/search/library-resources';
import { buildResourceIndex } from '../../../bot/search/resource-index';
import { searchResources } from '../../../bot/search/search-resources';
import type { SearchableResource } from '../../../bot/search/searchable-resource';

function shared(id: string, over: Partial<SearchableResource<string>> = {}): SearchableResource<string> {
  return { item: id, titles: [id], notes: [], keyAreas: [], languages: ['cy', 'en'], sharedAt: '2026-11-01T10:00:00.000Z', useful: 0, ...over };
}

const find = (resources: SearchableResource<string>[], text: string, language: 'cy' | 'en' = 'en', limit = 10) =>
  searchResources(buildResourceIndex(resources), { text, language, limit }).map((r) => r.item);

describe('Welsh-aware resource search', () => {
  test('when someone searches "diogelu", then a resource titled with "ddiogelu" is found', () => {
    const resources = [shared('a', { titles: ['Canllaw i ddiogelu dysgwyr'] }), shared('b', { titles: ['Rhifedd bob dydd'] })];
    expect(find(resources, 'diogelu')).toEqual(['a']);
  });

  test('when someone searches "nysgu", then a resource about "dysgu" is found', () => {
    const resources = [shared('a', { titles: ['Dysgu awyr agored'] }), shared('b', { titles: ['Lles staff'] })];
    expect(find(resources, 'nysgu')).toEqual(['a']);
  });

  test('when someone types the beginning of a word, then resources with it are found as they type', () => {
    const resources = [shared('a', { titles: ['Literacy games'] }), shared('b', { titles: ['Numeracy'] })];
    expect(find(resources, 'lit')).toEqual(['a']);
  });

  test('when someone searches a key area in Welsh, then a resource tagged with it but titled in English is found', () => {
    const resources = [shared('a', { titles: ['Child protection briefing'], keyAreas: ['safeguarding'] }), shared('b', { titles: ['Phonics'] })];
    expect(find(resources, 'diogelu')).toEqual(['a']);
    expect(find(resources, 'safeguarding')).toEqual(['a']);
  });

  test('when someone searches in English, then a Welsh-titled resource of that key area is found', () => {
    const resources = [shared('a', { titles: ['Pontio i’r ysgol uwchradd'], keyAreas: ['transitions'] })];
    expect(find(resources, 'transitions')).toEqual(['a']);
  });

  test('when two words are typed, then only resources holding both are found', () => {
    const resources = [shared('a', { titles: ['Reading with parents'] }), shared('b', { titles: ['Reading games'] })];
    expect(find(resources, 'reading parents')).toEqual(['a']);
  });

  test('when a word is in one title and another note, then the title match ranks first', () => {
    const resources = [shared('note', { titles: ['Weekly pack'], notes: ['phonics ideas'] }), shared('title', { titles: ['Phonics pack'] })];
    expect(find(resources, 'phonics')).toEqual(['title', 'note']);
  });

  test('when the word is typed exactly in one and mutated in another, then the exact one ranks first', () => {
    const resources = [shared('mutated', { titles: ['Ei ddiogelu'] }), shared('exact', { titles: ['Diogelu'] })];
    expect(find(resources, 'diogelu')).toEqual(['exact', 'mutated']);
  });

  test('when matches tie, then the more useful, then the one in the searcher’s language, comes first', () => {
    const resources = [
      shared('en-little', { titles: ['Phonics'], languages: ['en'], useful: 1 }),
      shared('cy-little', { titles: ['Phonics'], languages: ['cy'], useful: 1 }),
      shared('en-much', { titles: ['Phonics'], languages: ['en'], useful: 5 }),
    ];
    expect(find(resources, 'phonics', 'cy')).toEqual(['en-much', 'cy-little', 'en-little']);
  });

  test('when nothing is typed, then the most useful, then the newest, shared resources come before the library', () => {
    const resources = [
      shared('library', { sharedAt: undefined, useful: 0 }),
      shared('old', { sharedAt: '2026-01-01T00:00:00.000Z', useful: 2 }),
      shared('new', { sharedAt: '2026-11-20T00:00:00.000Z', useful: 2 }),
      shared('loved', { sharedAt: '2025-01-01T00:00:00.000Z', useful: 7 }),
    ];
    expect(find(resources, '   ')).toEqual(['loved', 'new', 'old', 'library']);
  });

  test('when there are more matches than the limit, then only the limit is given, and skip pages on', () => {
    const resources = Array.from({ length: 30 }, (_, i) => shared(`r${String(i).padStart(2, '0')}`, { titles: [`Phonics ${i}`], useful: 30 - i }));
    const index = buildResourceIndex(resources);
    const first = searchResources(index, { text: 'phonics', language: 'en', limit: 10 }).map((r) => r.item);
    const second = searchResources(index, { text: 'phonics', language: 'en', limit: 10, skip: 10 }).map((r) => r.item);
    expect(first).toHaveLength(10);
    expect(first[0]).toBe('r00');
    expect(second[0]).toBe('r10');
  });

  test('when nothing matches, or only linking words of a key area are typed, then nothing is found', () => {
    const resources = [shared('a', { titles: ['Phonics'], keyAreas: ['communication' as KeyAreaId] })];
    expect(find(resources, 'zzzz')).toEqual([]);
    expect(find(resources, 'and')).toEqual([]);
  });

  test('when the curated library is searched for "diogelu" in either language, then Keeping Learners Safe is found', async () => {
    const content = await loadContent();
    const index = buildResourceIndex(librarySearchables(content.selfAssessment.resources));
    for (const language of ['cy', 'en'] as const) {
      const ids = searchResources(index, { text: 'diogelu', language, limit: 5 }).map((r) => r.item.id);
      expect(ids).toContain('keeping-learners-safe');
    }
    const safe = searchResources(index, { text: 'nghadw dysgwyr', language: 'cy', limit: 3 }).map((r) => r.item.id);
    expect(safe[0]).toBe('keeping-learners-safe');
  });
});
