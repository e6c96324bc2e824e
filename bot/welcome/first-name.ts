/** The first word of a display name, for a friendly greeting (kept short for the card). */
export function firstName(name: string | undefined): string | undefined {
  const first = name?.trim().split(/\s+/)[0]?.slice(0, 60);
  return first ? first : undefined;
}
