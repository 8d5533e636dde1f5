// Calls to Vigil's /api/v1 with the signed-in user's bearer token; errors become ApiError with the problem's fields.
const tokenKey = "vigil.token";

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string | undefined, message: string, readonly errors: Record<string, string[]>) {
    super(message);
  }
}

export const session = {
  get token(): string | null { return sessionStorage.getItem(tokenKey); },
  set token(value: string | null) { value ? sessionStorage.setItem(tokenKey, value) : sessionStorage.removeItem(tokenKey); },
};

export interface CallOptions { method?: string; body?: unknown; etag?: string; raw?: BodyInit; contentType?: string }

export interface Reply<T> { data: T; etag: string | null }

/** A refused call: a 401 ends the session; the problem's field errors become an ApiError. */
async function ensureOk(response: Response): Promise<void> {
  if (response.status === 401 && session.token) {
    session.token = null;
    window.dispatchEvent(new Event("vigil:signed-out"));
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    const errors: Record<string, string[]> = problem.errors ?? {};
    const detail = Object.entries(errors).map(([f, r]) => `${f}: ${r.join(", ")}`).join("; ");
    throw new ApiError(response.status, problem.code, detail || problem.detail || problem.title || `HTTP ${response.status}`, errors);
  }
}

export async function call<T>(path: string, options: CallOptions = {}): Promise<Reply<T>> {
  const headers: Record<string, string> = {};
  if (session.token) headers.authorization = `Bearer ${session.token}`;
  if (options.etag) headers["if-match"] = options.etag;
  let body: BodyInit | undefined = options.raw;
  if (options.body !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(options.body);
  } else if (options.raw !== undefined) {
    headers["content-type"] = options.contentType ?? "application/json";
  }
  const response = await fetch(`/api/v1${path}`, { method: options.method ?? (body === undefined ? "GET" : "POST"), headers, body });
  await ensureOk(response);
  const data = response.status === 204 ? (undefined as T) : ((await response.json()) as T);
  return { data, etag: response.headers.get("etag") };
}

/** A file the API streams in answer to a POST (an export), with the name its Content-Disposition gives. */
export async function postForFile(path: string, body: unknown): Promise<{ blob: Blob; fileName: string | null }> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (session.token) headers.authorization = `Bearer ${session.token}`;
  const response = await fetch(`/api/v1${path}`, { method: "POST", headers, body: JSON.stringify(body) });
  await ensureOk(response);
  const disposition = response.headers.get("content-disposition") ?? "";
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const plain = /filename="?([^";]+)"?/i.exec(disposition)?.[1];
  return { blob: await response.blob(), fileName: star ? decodeURIComponent(star) : plain ?? null };
}

export const get = async <T>(path: string) => (await call<T>(path)).data;
export const post = async <T>(path: string, body: unknown = {}, etag?: string) => (await call<T>(path, { body, etag })).data;

export interface Page<T> { items: T[]; page: number; pageSize: number; total: number }

/** Every page of a list (the API gives at most 200 a page). */
export async function all<T>(path: string): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page++) {
    const sep = path.includes("?") ? "&" : "?";
    const p = await get<Page<T>>(`${path}${sep}page=${page}&pageSize=200`);
    items.push(...p.items);
    if (items.length >= p.total || p.items.length === 0) return items;
  }
}

export const query = (values: Record<string, string | undefined | null>) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : "";
};
