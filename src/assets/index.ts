/** The asset inventory behind `kspm inventory`: what the inputs hold, in JSON and as tables. */
export { AssetCollector } from './collector.js';
export { renderInventoryJson } from './render-json.js';
export { renderInventoryTable, type InventoryTableOptions } from './render-table.js';
export * from './model.js';
