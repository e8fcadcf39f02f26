/** Why an operation could not answer: what the caller asked for is not there, or the request is not valid. */
export type LiantuErrorKind = 'not-found' | 'invalid' | 'not-built';

/**
 * An error a front end shows as it is: the CLI prints it, the API answers 404 or 400 with it (`field` names the
 * request field at fault).
 */
export class LiantuError extends Error {
  constructor(
    readonly kind: LiantuErrorKind,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}
