import { z } from 'zod';

/** The dataset name the "my schools" card's search-as-you-type asks for. */
export const SCHOOLS_DATASET = 'schools';

/** Teams shows at most this many options under a search-as-you-type input. */
export const MAX_SEARCH_RESULTS = 15;

/**
 * An `application/search` invoke's value as Teams sends it. Anything else (a tampered
 * request, another dataset) is answered with no results and reads nothing.
 */
export const schoolSearchInput = z.object({
  queryText: z.string().max(200),
  dataset: z.literal(SCHOOLS_DATASET),
  queryOptions: z
    .object({ skip: z.number().int().min(0).max(1000).default(0), top: z.number().int().min(1).max(100).default(MAX_SEARCH_RESULTS) })
    .default({}),
});
export type SchoolSearchInput = z.infer<typeof schoolSearchInput>;
