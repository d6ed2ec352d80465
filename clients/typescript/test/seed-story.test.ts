/**
 * The seed story's main steps through the SDK only, against a running stack with the demo data loaded
 * (`./thidua up`, or the devstack's LocalStackIT, which runs this file): log in as the Board and as a
 * unit, read cluster 7's 2016 ranking, cast a secret ballot and read its receipt back, read a proposal's
 * eligibility; problems as typed errors, and the token renewed before expiry and after a 401.
 *
 *   THIDUA_GATEWAY_URL=http://localhost:8080 THIDUA_DEMO_PASSWORD=demo npm test
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { before, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { isProblem, ProblemError, ThiduaClient, unwrap, type Schemas, type Tokens } from "../src/index.js";

const gateway = process.env["THIDUA_GATEWAY_URL"];
if (!gateway) {
    throw new Error("THIDUA_GATEWAY_URL is not set: start a stack with demo data (./thidua up) and point this test at its gateway,"
        + " e.g. THIDUA_GATEWAY_URL=http://localhost:8080 npm test");
}
/** The local default's demo password (devstack DemoData.PASSWORD; the Java side passes it). */
const password = process.env["THIDUA_DEMO_PASSWORD"] ?? "demo";

const LABOUR_FEDERATION = "000.00.32.H56";
const FARMERS = "000.00.33.H56";
const WOMENS_UNION = "000.00.34.H56";
const YOUTH_UNION = "000.00.36.H56";
/** A cluster-year of this test's own, so that its votes touch nothing of the seed story's. */
const OWN_CLUSTER = { code: "SDK-TS", year: 2019, name: "Cụm thi đua thử của SDK TypeScript (minh họa)" };

let board: ThiduaClient;
let ldld: ThiduaClient;

function client(options: Partial<ConstructorParameters<typeof ThiduaClient>[0]> = {}): ThiduaClient {
    return new ThiduaClient({ baseUrl: gateway!, acceptLanguage: "en", ...options });
}

/** The error a call rejects with, to check it. */
async function rejection(call: Promise<unknown>): Promise<unknown> {
    try {
        await call;
    } catch (error) {
        return error;
    }
    assert.fail("the call succeeded");
}

/** Now in Asia/Ho_Chi_Minh (UTC+7, no daylight saving) as the local date-time the voting API takes, shifted by minutes. */
function vietnamTime(minutesFromNow: number): string {
    return new Date(Date.now() + (7 * 60 + minutesFromNow) * 60_000).toISOString().substring(0, 19);
}

before(async () => {
    board = client();
    ldld = client();
    await board.login("board", password);
    await ldld.login("ldld", password);
});

test("the Board and a unit's representative log in with the password grant", () => {
    for (const session of [board, ldld]) {
        const tokens = session.tokens!;
        assert.match(tokens.accessToken, /^[\w-]+\.[\w-]+\.[\w-]+$/, "a JWT");
        assert.ok(tokens.refreshToken, "people get a refresh token");
        assert.ok(tokens.expiresAt > Date.now() + 60_000, "valid for more than a minute");
    }
});

test("cluster 7's 2016 ranking: the Labour Federation leads", async () => {
    // the unit sees only the cluster-years its unit is in
    const clusters = await unwrap(ldld.api.GET("/api/clusters", { params: { query: { year: "2016" } } }));
    assert.equal(clusters.total, 1);
    const cluster = clusters.items![0]!;
    assert.equal(cluster.code, "CUM-07");
    assert.equal(cluster.memberCount, 6);
    assert.equal(cluster.leaderUnitCode, LABOUR_FEDERATION);

    const sets = await unwrap(ldld.api.GET("/api/scoring/criteria-sets", { params: { query: { clusterId: cluster.id! } } }));
    assert.equal(sets.length, 1);
    assert.equal(sets[0]!.status, "CLOSED");

    const ranking = await unwrap(ldld.api.GET("/api/scoring/criteria-sets/{setId}/ranking",
        { params: { path: { setId: sets[0]!.id! } } }));
    assert.equal(ranking.finalized, true);
    assert.equal(ranking.units!.length, 6);
    assert.equal(ranking.units![0]!.unitCode, LABOUR_FEDERATION);
    assert.equal(ranking.units![0]!.rank, 1);
    assert.equal(ranking.units![0]!.total, 95);
});

test("a refusal is a ProblemError typed by the contract, in the client's language", async () => {
    // another unit's record: 403
    const forbidden = await rejection(ldld.api.GET("/api/units/{code}", { params: { path: { code: FARMERS } } }));
    assert.ok(forbidden instanceof ProblemError, String(forbidden));
    assert.equal(forbidden.status, 403);
    assert.equal(forbidden.type, "https://thidua.vn/problems/forbidden");
    assert.equal(forbidden.slug, "forbidden");
    assert.equal(forbidden.instance, `/api/units/${FARMERS}`);

    // a session that does not exist: 404, its detail in English, then in Vietnamese
    const id = randomUUID();
    const notFound = await rejection(board.api.GET("/api/awards/voting-sessions/{id}", { params: { path: { id } } }));
    assert.ok(isProblem(notFound, "voting-session-not-found"), String(notFound));
    assert.equal(notFound.status, 404);
    assert.equal(notFound.detail, `There is no voting session ${id}.`);
    board.acceptLanguage = "vi";
    try {
        const inVietnamese = await rejection(board.api.GET("/api/awards/voting-sessions/{id}", { params: { path: { id } } }));
        assert.ok(isProblem(inVietnamese, "voting-session-not-found"));
        assert.equal(inVietnamese.detail, `Không có phiên bỏ phiếu ${id}.`);
    } finally {
        board.acceptLanguage = "en";
    }
});

test("a unit casts a secret ballot and reads its receipt back", async () => {
    const cluster = await ownClusterYear();
    const session = await createSession(cluster);
    assert.equal(session.status, "SCHEDULED");
    assert.deepEqual(session.candidates!.map((c) => c.unitCode), [LABOUR_FEDERATION, FARMERS]);
    const path = { params: { path: { id: session.id! } } };
    const opened = await unwrap(board.api.POST("/api/awards/voting-sessions/{id}/open", path));
    assert.equal(opened.status, "OPEN");

    const cast = await unwrap(ldld.api.POST("/api/awards/voting-sessions/{id}/ballots",
        { ...path, body: { choices: { LEAD: { [LABOUR_FEDERATION]: "FOR" } } } }));
    // the contract does not type this 201 (docs: the SDK's README, "What the contract does not type")
    const receipt = (cast as { receipt: string }).receipt;
    assert.match(receipt, /^[0-9a-f]{64}$/);

    // the receipt is in the box; another is not; what was voted is told to nobody
    const held = await unwrap(ldld.api.POST("/api/awards/voting-sessions/{id}/receipts/check", { ...path, body: { receipt } }));
    assert.deepEqual(held, { counted: true });
    const other = await unwrap(ldld.api.POST("/api/awards/voting-sessions/{id}/receipts/check",
        { ...path, body: { receipt: "0".repeat(64) } }));
    assert.deepEqual(other, { counted: false });
    const attendance = await unwrap(board.api.GET("/api/awards/voting-sessions/{id}/attendance", path));
    assert.equal(attendance.votedCount, 1);
    // (sent as null: the contract does not say which fields may be null)
    assert.ok(attendance.voted == null, "who voted is told only once the session is closed");

    // one ballot per unit; no early close while units are missing
    const again = await rejection(ldld.api.POST("/api/awards/voting-sessions/{id}/ballots",
        { ...path, body: { choices: { LEAD: { [FARMERS]: "FOR" } } } }));
    assert.ok(isProblem(again, "ballot-already-cast"), String(again));
    assert.equal(again.status, 409);
    const early = await rejection(board.api.POST("/api/awards/voting-sessions/{id}/close", path));
    assert.ok(isProblem(early, "voting-early-close"), String(early));

    // the two other members vote; the Board closes the session and counts
    for (const login of ["hoinongdan", "hoiphunu"]) {
        const member = client();
        await member.login(login, password);
        await unwrap(member.api.POST("/api/awards/voting-sessions/{id}/ballots",
            { ...path, body: { choices: { LEAD: { [LABOUR_FEDERATION]: "FOR" } } } }));
        await member.logout();
    }
    const closed = await unwrap(board.api.POST("/api/awards/voting-sessions/{id}/close", path));
    assert.equal(closed.status, "CLOSED");
    assert.equal(closed.result?.ballotsCast, 3);
    assert.deepEqual(closed.result?.contests?.[0]?.elected, [LABOUR_FEDERATION]);

    // the unit's receipt is among the counted ballots; the unit sees the count only once the Board publishes it
    // (not done here: publishing would send events on to the other services while the next tests run)
    const receipts = await unwrap(board.api.GET("/api/awards/voting-sessions/{id}/receipts", path));
    assert.equal(receipts.length, 3);
    assert.ok(receipts.includes(receipt), "the unit's receipt is among the counted ballots");
    assert.deepEqual(await unwrap(ldld.api.POST("/api/awards/voting-sessions/{id}/receipts/check", { ...path, body: { receipt } })),
        { counted: true });
    const asTheUnitSeesIt = await unwrap(ldld.api.GET("/api/awards/voting-sessions/{id}", path));
    assert.equal(asTheUnitSeesIt.status, "CLOSED");
    assert.equal(asTheUnitSeesIt.ownUnitHasVoted, true);
    assert.ok(asTheUnitSeesIt.result == null, "no count for the unit before it is published");
    const roll = await unwrap(board.api.GET("/api/awards/voting-sessions/{id}/attendance", path));
    assert.deepEqual([...roll.voted!].sort(), [LABOUR_FEDERATION, FARMERS, WOMENS_UNION]);
});

test("a proposal's eligibility says why it fails: the Youth Union's 2025 dossier", async () => {
    const proposals = await unwrap(board.api.GET("/api/awards/proposals",
        { params: { query: { year: 2025, awardTypeCode: "TAP_THE_LAO_DONG_XUAT_SAC" } } }));
    assert.equal(proposals.length, 2);
    const youth = proposals.find((p) => p.unitCode === YOUTH_UNION)!;
    assert.equal(youth.status, "DRAFT");
    assert.equal(proposals.find((p) => p.unitCode === WOMENS_UNION)?.status, "DECIDED");

    const eligibility = await unwrap(board.api.GET("/api/awards/proposals/{id}/eligibility", { params: { path: { id: youth.id! } } }));
    assert.equal(eligibility.eligible, false);
    assert.equal(eligibility.outcome, "FAIL");
    assert.match(eligibility.ruleSetChosenBecause?.legalBasis ?? "", /Nghị định 152\/2025\/NĐ-CP/);
    const failed = (eligibility.rules ?? []).filter((rule) => rule.outcome === "FAIL");
    assert.deepEqual(failed.map((rule) => rule.kind), ["MEMBER_SHARE"]);
    assert.equal(failed[0]!.reason, "Members holding \"Lao động tiên tiến\": 27 of 40 members (67.5%), not ≥ 70%.");
});

test("the access token is renewed before it expires, and once after a 401", async () => {
    // a clock of the client's own, moved past the token's expiry: the next call renews it first
    let clock = Date.now();
    const changes: string[] = [];
    const session = client({ now: () => clock, onTokens: (_tokens, why) => changes.push(why) });
    const first = await session.login("board", password);
    clock = first.expiresAt - 10_000;
    const units = await unwrap(session.api.GET("/api/awards/units", { params: { query: { page: 0, size: 1 } } }));
    assert.ok((units.total ?? 0) > 0);
    assert.deepEqual(changes, ["login", "refresh"]);
    const renewed: Tokens = session.tokens!;
    assert.notEqual(renewed.accessToken, first.accessToken);
    assert.notEqual(renewed.refreshToken, first.refreshToken, "refresh tokens are single-use: a new one each time");

    // a stored login whose access token the gateway no longer accepts (as after a key rotation): 401, renewed, repeated once
    let refreshes = 0;
    const resumed = client({
        tokens: { accessToken: "not.a.token", refreshToken: renewed.refreshToken!, expiresAt: Date.now() + 600_000 },
        onTokens: (_tokens, why) => { if (why === "refresh") refreshes++; },
    });
    const sets = await unwrap(resumed.api.GET("/api/scoring/criteria-sets", { params: { query: { clusterId: 1 } } }));
    assert.ok(Array.isArray(sets));
    assert.equal(refreshes, 1);
    assert.notEqual(resumed.tokens!.accessToken, "not.a.token");
    // without a way to renew, the 401 is the caller's, as a problem
    const stale = client({ tokens: { accessToken: "not.a.token", expiresAt: Date.now() + 600_000 } });
    const refused = await rejection(stale.api.GET("/api/awards/units"));
    assert.ok(refused instanceof ProblemError && refused.status === 401, String(refused));
    await resumed.logout();
    assert.equal(resumed.tokens, undefined);
});

/**
 * SDK-TS 2019, created by the Board on the first run (members: the Labour Federation, the Farmers' Association, the
 * Women's Union). Its event reaches scoring-service and awards-service through Kafka; this waits until both know it,
 * so that nothing of this test is still in flight when the next test of the stack starts.
 */
async function ownClusterYear(): Promise<number> {
    const year = String(OWN_CLUSTER.year);
    const existing = await unwrap(board.api.GET("/api/clusters", { params: { query: { year, size: "100" } } }));
    let id = existing.items?.find((c) => c.code === OWN_CLUSTER.code)?.id;
    if (id === undefined) {
        const created = await unwrap(board.api.POST("/api/clusters", {
            body: { ...OWN_CLUSTER, kind: "CLUSTER", members: [LABOUR_FEDERATION, FARMERS, WOMENS_UNION] },
        }));
        // untyped 201 in the contract: the cluster-year as units-service shows it
        id = (created as { id: number }).id;
    }
    const deadline = Date.now() + 60_000;
    for (;;) {
        const known = await unwrap(board.api.GET("/api/scoring/clusters", { params: { query: { year, size: "100" } } }));
        if (known.items?.some((c) => c.id === id)) {
            return id;
        }
        assert.ok(Date.now() < deadline, `scoring-service did not learn of cluster-year ${id} in 60 s`);
        await sleep(250);
    }
}

/**
 * A vote to lead the cluster-year and be proposed for the provincial flag, open from now for two hours. A new
 * cluster-year reaches awards-service through Kafka: until then it answers `cluster-not-known`, and the call is repeated.
 */
async function createSession(clusterId: number): Promise<Schemas["SessionView1"]> {
    const deadline = Date.now() + 60_000;
    for (;;) {
        try {
            const created = await unwrap(board.api.POST("/api/awards/voting-sessions", {
                body: {
                    clusterId, purpose: "LEAD_AND_PROPOSE", awardTypeCode: "CO_THI_DUA_TINH", nominees: [LABOUR_FEDERATION, FARMERS],
                    opensAt: vietnamTime(-1), closesAt: vietnamTime(120),
                },
            }));
            return created as Schemas["SessionView1"];
        } catch (error) {
            if (!isProblem(error, "cluster-not-known") || Date.now() > deadline) {
                throw error;
            }
            await sleep(250);
        }
    }
}
