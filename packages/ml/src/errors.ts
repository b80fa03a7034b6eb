/**
 * Errors a user of \@nss/ml can cause. Each carries a stable `code` and a message that says what was
 * wrong, where, and how to fix it. (\@nss/ml does not depend on \@nss/core, so these mirror its
 * `NssError` shape: `code`, `exitCode`, a plain message for the CLI.)
 */

/** Base class of every error a user of \@nss/ml can cause. */
export class MlError extends Error {
  /** A stable machine-readable code, e.g. `NSS_ML_CSV`. */
  readonly code: string;
  /** Process exit code a CLI should use: 2 for invalid input, 1 otherwise. */
  readonly exitCode: number;

  constructor(code: string, message: string, options?: { cause?: unknown; exitCode?: number }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.exitCode = options?.exitCode ?? 2;
  }
}

/** A CSV file that cannot be read: malformed row, missing column, non-numeric or non-monotonic value. */
export class CsvFormatError extends MlError {
  /** The file (path as given), or `<memory>` for in-memory text. */
  readonly file: string;
  /** 1-based line number of the problem (the header is line 1), or 0 when it concerns the whole file. */
  readonly line: number;
  /** 1-based column (field) number of the problem, or 0 when it concerns the whole row or file. */
  readonly column: number;

  constructor(file: string, line: number, column: number, reason: string) {
    const where = line === 0 ? file : column === 0 ? `${file}:${line}` : `${file}:${line}:${column}`;
    super('NSS_ML_CSV', `${where}: ${reason}`);
    this.file = file;
    this.line = line;
    this.column = column;
  }
}

/** A model file that cannot be used: missing, corrupt, of another format version or of another kind. */
export class ModelFileError extends MlError {
  /** The model file (path as given). */
  readonly file: string;
  /** Why it cannot be used, in words. */
  readonly reason: string;

  constructor(file: string, reason: string, options?: { cause?: unknown }) {
    super('NSS_ML_MODEL_FILE', `${file}: ${reason}`, options);
    this.file = file;
    this.reason = reason;
  }
}

/**
 * Data that cannot be trained on or evaluated: too few rows for the lags and window, NaN or Infinity in
 * a feature, a single-class label, a prediction row of the wrong width.
 */
export class MlDataError extends MlError {
  constructor(message: string) {
    super('NSS_ML_DATA', message);
  }
}
