"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.mapWithConcurrency = mapWithConcurrency;
exports.toItems = toItems;
async function mapWithConcurrency(count, concurrency, task) {
    const results = new Array(count);
    const failures = new Map();
    let next = 0;
    const worker = async () => {
        while (next < count && failures.size === 0) {
            const index = next++;
            try {
                results[index] = await task(index);
            }
            catch (error) {
                failures.set(index, error);
            }
        }
    };
    const width = Math.max(1, Math.min(concurrency, count));
    await Promise.all(Array.from({ length: width }, worker));
    if (failures.size)
        throw failures.get(Math.min(...failures.keys()));
    return results;
}
function isExecutionData(value) {
    return typeof value === 'object' && value !== null && 'json' in value && typeof value.json === 'object';
}
function toItems(result, itemIndex) {
    const list = Array.isArray(result) ? result : [result];
    const pairedItem = { item: itemIndex };
    const items = new Array(list.length);
    for (let i = 0; i < list.length; i++) {
        const entry = list[i];
        items[i] = isExecutionData(entry) ? { ...entry, pairedItem } : { json: entry, pairedItem };
    }
    return items;
}
