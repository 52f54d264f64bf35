/** An API's error answer (`{"error": {"code", "message"}}`, runner and workshop alike), as the browser reads it. */
export interface ApiProblem {
  /** The HTTP status; 0 when the server could not be reached. */
  status: number;
  code: string;
  /** The server's own words, or the status line when it sent none. */
  message: string;
  /** A 429's Retry-After, in seconds. */
  retryAfter?: number;
}

/** Reads a failed response's problem; a 429 says when to try again. */
export async function readApiError(response: Response): Promise<ApiProblem> {
  let code = `http-${response.status}`;
  let message = '';
  try {
    const body: unknown = await response.json();
    const error = body !== null && typeof body === 'object' ? (body as { error?: unknown }).error : undefined;
    if (error !== null && typeof error === 'object') {
      const fields = error as { code?: unknown; message?: unknown };
      if (typeof fields.code === 'string') code = fields.code;
      if (typeof fields.message === 'string') message = fields.message.trim();
    }
  } catch {
    // Not JSON: the status line below says what happened.
  }
  if (!message) message = `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`;
  const retryAfter = response.headers.get('Retry-After')?.trim();
  if (response.status === 429 && retryAfter && /^\d{1,6}$/.test(retryAfter)) {
    message += ` Try again in ${retryAfter} s.`;
    return { status: response.status, code, message, retryAfter: Number(retryAfter) };
  }
  return { status: response.status, code, message };
}

/** The person-readable words of a failed response. */
export async function errorMessage(response: Response): Promise<string> {
  return (await readApiError(response)).message;
}
