/** An error the server answers with its own status code and message (never a stack trace). */
export class RequestError extends Error {
  /** HTTP status code (400 bad request, 409 model mismatch, 503 no model loaded). */
  readonly statusCode: number;

  constructor(statusCode: number, message: string) {
    super(message);
    this.name = 'RequestError';
    this.statusCode = statusCode;
  }
}

/** The JSON body of every error answer. */
export interface ErrorBody {
  readonly error: string;
  readonly message: string;
  readonly statusCode: number;
}
