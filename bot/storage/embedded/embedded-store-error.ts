/**
 * The embedded store cannot start or go on safely: its data folder is damaged, held by
 * another process, or could not be restored. The message names the file and says what to
 * do, because the person reading it is often someone trying Cefnogi on their own machine.
 */
export class EmbeddedStoreError extends Error {
  override readonly name = 'EmbeddedStoreError';
}
