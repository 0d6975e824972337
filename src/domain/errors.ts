/** An error that carries the HTTP status and a problem title, rendered once by the app's onError. */
export class AppError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string;

  constructor(status: number, title: string, detail: string) {
    super(detail);
    this.name = "AppError";
    this.status = status;
    this.title = title;
    this.detail = detail;
  }
}

/** Returns the message of any thrown value, without throwing. */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  try {
    return String(err);
  } catch {
    return "unknown error";
  }
}
