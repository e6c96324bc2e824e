/**
 * Teams refuses a message over 100 KB and advises 80 KB, so a card that lists things shows
 * one page of them with Previous and Next. The page a button asks for may be out of range
 * by the time it is pressed (someone left the list): it is brought back into range.
 */
export interface CardPage {
  /** 0-based, in range. */
  page: number;
  start: number;
  end: number;
  total: number;
  /** The pages either side, or -1 at an end. */
  previous: number;
  next: number;
}

/** Which slice of `total` items page `asked` shows, `size` to a page. */
export function cardPage(total: number, asked: number, size: number): CardPage {
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(0, Math.trunc(asked) || 0), pages - 1);
  const start = page * size;
  return { page, start, end: Math.min(total, start + size), total, previous: page > 0 ? page - 1 : -1, next: page < pages - 1 ? page + 1 : -1 };
}
