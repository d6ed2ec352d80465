import createClient, { type Client } from "openapi-fetch";
import type { components, paths } from "./generated/thidua-api.js";
import { errorOf, isProblem } from "./errors.js";

/** Every schema of the contract, by name: `Schemas["ProposalView"]`. */
export type Schemas = components["schemas"];
/** The languages the API answers in (`Accept-Language`). */
export type Language = "vi" | "en";
/** The typed client of every operation in docs/api/openapi.json (openapi-fetch). */
export type ThiduaApi = Client<paths>;

/** What a login holds. Keep it (e.g. in secure storage) and give it back as {@link ThiduaClientOptions.tokens} to resume. */
export interface Tokens {
    accessToken: string;
    /** People only; single-use: each refresh returns a new one, and a spent one presented again ends the whole login. */
    refreshToken?: string;
    /** When the access token expires, in milliseconds since the epoch (from `expires_in` at the time it was issued). */
    expiresAt: number;
}

/** Why {@link ThiduaClientOptions.onTokens} was called. */
export type TokensChange = "login" | "refresh" | "logout" | "expired";

export interface ThiduaClientOptions {
    /** The gateway, e.g. `http://localhost:8080`: the only entry clients need. */
    baseUrl: string;
    /** Sent as `Accept-Language` on every request: problems' `title` and `detail` (and other texts) come in it. */
    acceptLanguage?: Language;
    /** A login kept from an earlier run, to resume without a password. */
    tokens?: Tokens;
    /** Called whenever the tokens change (undefined once logged out or the login has ended): the place to persist them. */
    onTokens?: (tokens: Tokens | undefined, why: TokensChange) => void;
    /** Renew the access token this many seconds before it expires (30 by default). */
    refreshMarginSeconds?: number;
    /** The fetch to use (the platform's by default). */
    fetch?: (request: Request) => Promise<Response>;
    /** The clock, in milliseconds since the epoch (`Date.now` by default). */
    now?: () => number;
}

type Form = Record<string, string | undefined>;

/**
 * The Thi đua API through its gateway. {@link api} has one typed method per path and HTTP method of the
 * contract (`client.api.GET("/api/units/{code}", { params: { path: { code } } })`); every call that does
 * not succeed rejects with a {@link ProblemError} (or an {@link HttpError} for an answer that is not a
 * problem), so a resolved call always carries `data`; {@link unwrap} gives it typed and defined.
 *
 * After {@link login} (OAuth 2.0 password grant) or {@link loginAsService} (client_credentials), each call
 * carries the access token; the client renews it shortly before it expires, and once more when the API
 * answers 401 anyway (a key rotation, a clock off), then repeats the call once. Concurrent calls share one
 * renewal, as a refresh token can be spent only once.
 */
export class ThiduaClient {
    /** The typed operations of the contract, authenticated as the current login. */
    readonly api: ThiduaApi;
    /** `Accept-Language` of the following calls; undefined leaves the API's default (Vietnamese). */
    acceptLanguage: Language | undefined;

    private readonly tokenApi: ThiduaApi;
    private readonly baseFetch: (request: Request) => Promise<Response>;
    private readonly now: () => number;
    private readonly marginMillis: number;
    private readonly onTokens: ((tokens: Tokens | undefined, why: TokensChange) => void) | undefined;
    private current: Tokens | undefined;
    private service: { clientId: string; clientSecret: string } | undefined;
    private renewal: Promise<Tokens> | undefined;

    constructor(options: ThiduaClientOptions) {
        this.acceptLanguage = options.acceptLanguage;
        this.current = options.tokens === undefined ? undefined : { ...options.tokens };
        this.onTokens = options.onTokens;
        this.now = options.now ?? Date.now;
        this.marginMillis = (options.refreshMarginSeconds ?? 30) * 1000;
        const platformFetch = options.fetch ?? ((request: Request) => globalThis.fetch(request));
        this.baseFetch = platformFetch;
        this.api = createClient<paths>({ baseUrl: options.baseUrl, fetch: (request) => this.authenticated(request) });
        this.tokenApi = createClient<paths>({ baseUrl: options.baseUrl, fetch: (request) => this.anonymous(request) });
    }

    /** The current login's tokens, or undefined when not logged in. */
    get tokens(): Tokens | undefined {
        return this.current === undefined ? undefined : { ...this.current };
    }

    /** Logs a person in with the password grant; returns (and keeps) the tokens. */
    async login(username: string, password: string): Promise<Tokens> {
        this.service = undefined;
        return this.keep(await this.grant({ grant_type: "password", username, password }), "login");
    }

    /** Logs a service account in with client_credentials (it gets no refresh token: the client asks again when needed). */
    async loginAsService(clientId: string, clientSecret: string): Promise<Tokens> {
        const tokens = await this.grant({ grant_type: "client_credentials", client_id: clientId, client_secret: clientSecret });
        this.service = { clientId, clientSecret };
        return this.keep(tokens, "login");
    }

    /**
     * Renews the access token now (the client does it by itself when needed). Calls made meanwhile share this
     * renewal. When the gateway refuses it (`invalid-grant`: expired, revoked or spent), the login has ended:
     * the tokens are dropped and the {@link ProblemError} is thrown.
     */
    refresh(): Promise<Tokens> {
        this.renewal ??= this.renew().finally(() => {
            this.renewal = undefined;
        });
        return this.renewal;
    }

    /** Ends the login on the gateway (RFC 7009: the refresh token and every one it was exchanged for) and forgets it. */
    async logout(): Promise<void> {
        const refreshToken = this.current?.refreshToken;
        this.current = undefined;
        this.service = undefined;
        if (refreshToken !== undefined) {
            await this.tokenApi.POST("/auth/revoke", {
                body: { token: refreshToken },
                bodySerializer: formEncoded,
                headers: { "Content-Type": "application/x-www-form-urlencoded" },
            });
        }
        this.onTokens?.(undefined, "logout");
    }

    private async renew(): Promise<Tokens> {
        const current = this.current;
        if (current === undefined) {
            throw new Error("Not logged in: call login() first");
        }
        let granted: Tokens;
        try {
            if (current.refreshToken !== undefined) {
                granted = await this.grant({ grant_type: "refresh_token", refresh_token: current.refreshToken });
            } else if (this.service !== undefined) {
                granted = await this.grant({ grant_type: "client_credentials", client_id: this.service.clientId,
                    client_secret: this.service.clientSecret });
            } else {
                throw new Error("The access token cannot be renewed: no refresh token and no service credentials; log in again");
            }
        } catch (error) {
            if (isProblem(error, "invalid-grant") || isProblem(error, "invalid-client")) {
                this.current = undefined;
                this.onTokens?.(undefined, "expired");
            }
            throw error;
        }
        return this.keep(granted, "refresh");
    }

    private async grant(form: Form & { grant_type: "password" | "refresh_token" | "client_credentials" }): Promise<Tokens> {
        const issuedAt = this.now();
        const token = await unwrap(this.tokenApi.POST("/auth/token", {
            body: form,
            bodySerializer: formEncoded,
            headers: { "Content-Type": "application/x-www-form-urlencoded" },
        }));
        const tokens: Tokens = { accessToken: token.access_token, expiresAt: issuedAt + token.expires_in * 1000 };
        if (token.refresh_token !== undefined) {
            tokens.refreshToken = token.refresh_token;
        }
        return tokens;
    }

    private keep(tokens: Tokens, why: TokensChange): Tokens {
        this.current = tokens;
        this.onTokens?.({ ...tokens }, why);
        return { ...tokens };
    }

    private canRenew(): boolean {
        return this.current !== undefined && (this.current.refreshToken !== undefined || this.service !== undefined);
    }

    /** The access token to send: renewed first when it expires within the margin. */
    private async accessToken(): Promise<string | undefined> {
        if (this.current !== undefined && this.canRenew() && this.now() >= this.current.expiresAt - this.marginMillis) {
            await this.refresh();
        }
        return this.current?.accessToken;
    }

    /** The fetch of {@link api}: the language, the access token, one renewal and repeat on 401, errors thrown. */
    private async authenticated(request: Request): Promise<Response> {
        this.language(request);
        if (request.headers.has("Authorization")) {
            return this.checked(request, await this.baseFetch(request));
        }
        const spare = request.clone();
        const token = await this.accessToken();
        if (token === undefined) {
            return this.checked(request, await this.baseFetch(request));
        }
        request.headers.set("Authorization", `Bearer ${token}`);
        const response = await this.baseFetch(request);
        if (response.status !== 401 || !this.canRenew()) {
            return this.checked(request, response);
        }
        await response.body?.cancel();
        // another call may have renewed it meanwhile: then that token is tried, without spending another refresh token
        if (this.current?.accessToken === token) {
            await this.refresh();
        }
        spare.headers.set("Authorization", `Bearer ${this.current!.accessToken}`);
        return this.checked(spare, await this.baseFetch(spare));
    }

    /** The fetch of the token endpoint: no access token, errors thrown. */
    private async anonymous(request: Request): Promise<Response> {
        this.language(request);
        return this.checked(request, await this.baseFetch(request));
    }

    private language(request: Request): void {
        if (this.acceptLanguage !== undefined && !request.headers.has("Accept-Language")) {
            request.headers.set("Accept-Language", this.acceptLanguage);
        }
    }

    private async checked(request: Request, response: Response): Promise<Response> {
        if (!response.ok) {
            throw await errorOf(request, response);
        }
        return response;
    }
}

/**
 * The data of a call of {@link ThiduaClient.api}, typed by the contract. The client already throws on every
 * answer that is not a success; this only narrows the result (and throws should a custom fetch have let an
 * error through).
 */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
    const result = await call;
    if (result.error !== undefined || !result.response.ok) {
        throw new Error(`Unexpected answer ${result.response.status} from ${result.response.url}`);
    }
    return result.data as T;
}

function formEncoded(body: unknown): URLSearchParams {
    const form = new URLSearchParams();
    for (const [name, value] of Object.entries(body as Form)) {
        if (value !== undefined) {
            form.append(name, value);
        }
    }
    return form;
}
