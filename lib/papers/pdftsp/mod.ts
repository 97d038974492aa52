/** Public API of the pdftsp paper reproduction. @module */
export { claims } from "./claims.ts";
