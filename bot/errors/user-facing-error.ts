import type { Language } from '../users/user-record';

/**
 * The one error type whose message may be shown to a user: it carries its text in both
 * languages, so the turn-error handler can answer kindly instead of with a stack trace.
 */
export class UserFacingError extends Error {
  constructor(
    readonly title: Record<Language, string>,
    readonly text: Record<Language, string>,
  ) {
    super(text.en);
  }
}
