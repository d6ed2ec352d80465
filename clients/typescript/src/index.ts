export { ThiduaClient, unwrap } from "./client.js";
export type { Language, Schemas, ThiduaApi, ThiduaClientOptions, Tokens, TokensChange } from "./client.js";
export { HttpError, ProblemError, PROBLEM_TYPE_BASE, isProblem } from "./errors.js";
export type { FieldError, Problem } from "./errors.js";
export type { components, operations, paths } from "./generated/thidua-api.js";
