import type { MiddlewareHandler } from "hono";
import { ApiError } from "./problem";

export const OPERATOR_HEADER = "X-Operator";
const MAX_OPERATOR_CHARS = 50;

/**
 * Who is making a change, when a person is: the optional `X-Operator` header of a POST, PUT, PATCH
 * or DELETE, the person's name as UTF-8 percent-encoded (a header carries ASCII only; an ASCII name
 * may be sent as it is). It is recorded where the services keep who did what (an order's status
 * history and notes, a refund) and in the request's log lines. A header that cannot be read is
 * refused, so nothing is recorded under a garbled name.
 */
export function readOperator(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  let name: string | undefined;
  try {
    name = decodeURIComponent(header).trim();
  } catch {
    name = undefined;
  }
  if (!name || name.length > MAX_OPERATOR_CHARS || /[\p{Cc}]/u.test(name)) {
    throw ApiError.validation([{ path: OPERATOR_HEADER, message: `must be a name of 1 to ${MAX_OPERATOR_CHARS} characters, UTF-8 percent-encoded` }]);
  }
  return name;
}

/** Sets `c.var.operator` (undefined when no person is named) and names the person in the request's log lines. */
export const operatorHeader = (): MiddlewareHandler => async (c, next) => {
  const operator = readOperator(c.req.header(OPERATOR_HEADER));
  c.set("operator", operator);
  if (operator) c.set("log", c.var.log.child({ operator }));
  return next();
};
