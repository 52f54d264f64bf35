import { ApiError } from "../../runner/errors";

/** A route handler whose ApiErrors (a bad query, say) answer as the runner's do: `{ error: { code, message } }` with their status. */
export function answeringApiErrors<Args extends unknown[]>(handler: (...args: Args) => Response | Promise<Response>) {
  return async (...args: Args): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      if (error instanceof ApiError) return Response.json(error.toJSON(), { status: error.status });
      throw error;
    }
  };
}
