import type { components } from "./generated/thidua-api.js";

/** The contract's RFC 9457 problem detail (`#/components/schemas/Problem`): every error answer of the API. */
export type Problem = components["schemas"]["Problem"];
/** One rejected field of a validation problem (`#/components/schemas/FieldError`). */
export type FieldError = components["schemas"]["FieldError"];

/** The prefix of every problem `type` of the API: `https://thidua.vn/problems/<slug>`. */
export const PROBLEM_TYPE_BASE = "https://thidua.vn/problems/";

/**
 * An answer that is not a success (status 4xx or 5xx). Thrown by every call of a {@link ThiduaClient};
 * a {@link ProblemError} when the body is an `application/problem+json` problem, as the API's always are.
 * A bare `HttpError` means something between the client and the API answered (a proxy, a load balancer).
 */
export class HttpError extends Error {
    /** The answer's HTTP status. */
    readonly status: number;
    /** The method and URL of the request. */
    readonly request: string;
    /** `Retry-After` in seconds, on 429 and 503 answers that carry it. */
    readonly retryAfterSeconds: number | undefined;

    constructor(message: string, status: number, request: string, retryAfterSeconds?: number) {
        super(message);
        this.name = "HttpError";
        this.status = status;
        this.request = request;
        this.retryAfterSeconds = retryAfterSeconds;
    }
}

/**
 * An `application/problem+json` answer, with the members of the contract's `Problem` schema. Branch on
 * {@link type} (or {@link slug}), which is stable; show {@link title} and {@link detail} to people (they
 * follow the client's `Accept-Language`, vi or en); {@link errors} names the rejected fields.
 */
export class ProblemError extends HttpError implements Problem {
    readonly type: string;
    readonly title: string;
    readonly detail: string | undefined;
    readonly instance: string | undefined;
    readonly errors: FieldError[] | undefined;
    /** The whole body, with any extension members (the token endpoint adds RFC 6749's `error` and `error_description`). */
    readonly problem: Problem & Record<string, unknown>;

    constructor(problem: Problem & Record<string, unknown>, request: string, retryAfterSeconds?: number) {
        super(`${problem.status} ${problem.title}${problem.detail ? ": " + problem.detail : ""} (${problem.type})`,
            problem.status, request, retryAfterSeconds);
        this.name = "ProblemError";
        this.type = problem.type;
        this.title = problem.title;
        this.detail = problem.detail;
        this.instance = problem.instance;
        this.errors = problem.errors;
        this.problem = problem;
    }

    /** The last part of {@link type}: `not-found` for `https://thidua.vn/problems/not-found`. */
    get slug(): string {
        return this.type.startsWith(PROBLEM_TYPE_BASE) ? this.type.substring(PROBLEM_TYPE_BASE.length) : this.type;
    }

    /** Whether this is the problem of that slug (`isA("ballot-already-cast")`) or full type URI. */
    isA(slugOrType: string): boolean {
        return this.type === slugOrType || this.slug === slugOrType;
    }
}

/** Whether an error is a {@link ProblemError}, optionally of that slug or type. */
export function isProblem(error: unknown, slugOrType?: string): error is ProblemError {
    return error instanceof ProblemError && (slugOrType === undefined || error.isA(slugOrType));
}

/** Reads a non-success answer into the error to throw: a {@link ProblemError} for a problem body, else an {@link HttpError}. */
export async function errorOf(request: Request, response: Response): Promise<HttpError> {
    const where = `${request.method} ${request.url}`;
    const retryAfter = retryAfterSeconds(response.headers.get("Retry-After"));
    const mediaType = (response.headers.get("Content-Type") ?? "").split(";")[0]!.trim().toLowerCase();
    const text = await response.text();
    if (mediaType === "application/problem+json") {
        try {
            const body: unknown = JSON.parse(text);
            if (isProblemBody(body)) {
                return new ProblemError(body, where, retryAfter);
            }
        } catch {
            // not JSON after all: reported below as it came
        }
    }
    return new HttpError(`${response.status} ${response.statusText} from ${where}${text ? ": " + text.substring(0, 500) : ""}`,
        response.status, where, retryAfter);
}

function isProblemBody(body: unknown): body is Problem & Record<string, unknown> {
    if (typeof body !== "object" || body === null) {
        return false;
    }
    const candidate = body as Record<string, unknown>;
    return typeof candidate["type"] === "string" && typeof candidate["title"] === "string" && typeof candidate["status"] === "number";
}

function retryAfterSeconds(header: string | null): number | undefined {
    if (header === null || !/^\d+$/.test(header.trim())) {
        return undefined;
    }
    return Number.parseInt(header.trim(), 10);
}
