/** Why a request was not let in, in words fit for a log line (no token, no personal data). */
export type AuthenticationReason =
  /** No Authorization header, or not a bearer token. */
  | 'no-bearer-token'
  /** The Bot Framework rejected the token (bad signature, issuer, audience, expiry…). */
  | 'token-rejected'
  /** The token could not be checked (e.g. the signing keys could not be fetched). */
  | 'token-unverifiable';

/**
 * Thrown by the adapter when a request's token does not prove it comes from the Bot
 * Framework. The endpoint answers every one of these alike (401, a generic body), so a
 * caller learns nothing about how the check works; the reason goes to the log only.
 */
export class AuthenticationFailure extends Error {
  constructor(
    readonly reason: AuthenticationReason,
    /** The error's class and code (e.g. `FetchError ENOTFOUND`): never its message, which may quote the token's claims. */
    readonly detail?: string,
  ) {
    super(`request not authenticated: ${reason}`);
    this.name = 'AuthenticationFailure';
  }

  /** Classifies what the Bot Framework's token check threw. */
  static from(err: unknown): AuthenticationFailure {
    const name = err instanceof Error ? err.constructor.name : typeof err;
    const code = typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string' ? err.code : undefined;
    const detail = [name, code].filter(Boolean).join(' ');
    // The SDK's AuthenticationError carries HTTP 401: the token itself is bad. Anything else
    // (a network failure fetching signing keys, a parse error) means it could not be checked.
    const rejected = typeof err === 'object' && err !== null && 'statusCode' in err && err.statusCode === 401;
    return new AuthenticationFailure(rejected ? 'token-rejected' : 'token-unverifiable', detail);
  }
}
