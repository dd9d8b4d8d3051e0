export * from './enums.js';
export * from './measures.js';
export * from './outcome-rules.js';
export * from './api-types.js';
export * from './report-types.js';
export * from './pack-types.js';
export * from './parties.js';
export * from './spreadsheet.js';
