/** Public API of the stackelberg paper reproduction. @module */
export { claims } from "./claims.ts";
