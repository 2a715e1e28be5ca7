/**
 * One error vocabulary for both APIs. The codes are MLflow's (clients key on them), so an error
 * thrown by a shared service renders correctly on MLflow routes (`{error_code, message}`) and on
 * native routes (`{error: {code, message, details}}`).
 */
const statusByCode = {
  INVALID_PARAMETER_VALUE: 400,
  BAD_REQUEST: 400,
  RESOURCE_ALREADY_EXISTS: 400,
  UNAUTHENTICATED: 401,
  PERMISSION_DENIED: 403,
  RESOURCE_DOES_NOT_EXIST: 404,
  ENDPOINT_NOT_FOUND: 404,
  RESOURCE_CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  REQUEST_LIMIT_EXCEEDED: 429,
  INTERNAL_ERROR: 500,
  NOT_IMPLEMENTED: 501,
  TEMPORARILY_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof statusByCode;

export interface ErrorDetail {
  path: string;
  message: string;
  /** Span of the offending text in the field (search filters), 0-based, end exclusive. */
  start?: number;
  end?: number;
}

export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly options: { status?: number; details?: ErrorDetail[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.status = options.status ?? statusByCode[code];
  }
}

export const invalidParameter = (message: string, details?: ErrorDetail[]) =>
  new ApiError('INVALID_PARAMETER_VALUE', message, { details });
export const notFound = (message: string) => new ApiError('RESOURCE_DOES_NOT_EXIST', message);
export const alreadyExists = (message: string) => new ApiError('RESOURCE_ALREADY_EXISTS', message);
export const conflict = (message: string) => new ApiError('RESOURCE_CONFLICT', message);
export const forbidden = (message: string) => new ApiError('PERMISSION_DENIED', message);
export const unauthenticated = (message: string) => new ApiError('UNAUTHENTICATED', message);
