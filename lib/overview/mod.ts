/** Views for the overview notebook: hardware and trace catalogues. @module */
export * from "./hardware_figures.ts";
export * from "./trace_figures.ts";
