/** Public API of the ppm paper reproduction. @module */
export { claims } from "./claims.ts";
