import { ApiError } from "../../runner/errors";

/** What `fn` answers: "ok", or the ApiError's "status code" (anything else is rethrown). */
export function answer(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof ApiError) return `${error.status} ${error.code}`;
    throw error;
  }
  return "ok";
}
