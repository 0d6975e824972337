/** Registry access: the case list, lookup by id and the hint types. */
export { getCase, REGISTRY } from "./cases";
export type { MatchHints, RegistryCase } from "./match-hints";
