export * from "./actions.js";
export * from "./connect.js";
export * from "./errors.js";
export * from "./graph.js";
export * from "./ids.js";
export * from "./sources.js";
export * from "./schema.js";
export * from "./api.js";
