import type { ZodError } from "zod";

/** Every error code the platform answers with, and the HTTP status it always carries. */
export const problemStatus = {
  MALFORMED_JSON: 400,
  MALFORMED_CSV: 400,
  UNAUTHORIZED: 401,
  INVALID_SIGNATURE: 401,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  DUPLICATE_PAYMENT: 409,
  NOT_REFUNDABLE: 409,
  IDEMPOTENCY_KEY_IN_USE: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  VALIDATION_FAILED: 422,
  REFUND_EXCEEDS_REMAINDER: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
  DEPENDENCY_UNAVAILABLE: 503,
} as const;

export type ProblemCode = keyof typeof problemStatus;

const titles: Record<ProblemCode, string> = {
  MALFORMED_JSON: "Malformed JSON",
  MALFORMED_CSV: "Malformed CSV",
  UNAUTHORIZED: "Unauthorized",
  INVALID_SIGNATURE: "Invalid signature",
  NOT_FOUND: "Not found",
  METHOD_NOT_ALLOWED: "Method not allowed",
  CONFLICT: "Conflict",
  INVALID_TRANSITION: "Invalid status transition",
  DUPLICATE_PAYMENT: "Duplicate payment",
  NOT_REFUNDABLE: "Payment not refundable",
  IDEMPOTENCY_KEY_IN_USE: "Idempotency key in use",
  PAYLOAD_TOO_LARGE: "Payload too large",
  UNSUPPORTED_MEDIA_TYPE: "Unsupported media type",
  VALIDATION_FAILED: "Validation failed",
  REFUND_EXCEEDS_REMAINDER: "Refund exceeds remainder",
  IDEMPOTENCY_KEY_REUSED: "Idempotency key reused",
  RATE_LIMITED: "Too many requests",
  INTERNAL_ERROR: "Internal server error",
  DEPENDENCY_UNAVAILABLE: "Dependency unavailable",
};

export type FieldError = { path: string; message: string };

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ProblemCode;
  request_id?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
};

/** The one error type every layer throws; the app's error handler turns it into RFC 9457. */
export class ApiError extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly detail: string,
    readonly extensions: { errors?: FieldError[]; [key: string]: unknown } = {},
  ) {
    super(detail);
  }

  get status() {
    return problemStatus[this.code];
  }

  static notFound(what: string, id: string) {
    return new ApiError("NOT_FOUND", `${what} ${id} does not exist.`);
  }

  static validation(errors: FieldError[], detail = "The request has invalid fields.") {
    return new ApiError("VALIDATION_FAILED", detail, { errors });
  }

  static fromZod(error: ZodError) {
    return ApiError.validation(
      error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })),
    );
  }

  toProblem(requestId?: string): Problem {
    return problemOf(this.code, this.detail, { request_id: requestId, ...this.extensions });
  }
}

export function problemOf(code: ProblemCode, detail: string, extensions: Record<string, unknown> = {}): Problem {
  return {
    type: `urn:problem:${code.toLowerCase().replaceAll("_", "-")}`,
    title: titles[code],
    status: problemStatus[code],
    detail,
    code,
    ...extensions,
  };
}
