/** Public API of the aeria paper reproduction. @module */
export { claims } from "./claims.ts";
