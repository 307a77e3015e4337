"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.fieldLabel = fieldLabel;
function segments(field) {
    return field.split('.').map((part) => {
        const m = /^(.*)\[(\d+)\]$/.exec(part);
        return m ? { name: m[1], index: Number(m[2]) } : { name: part };
    });
}
function shown(property, parameters) {
    const show = property.displayOptions?.show ?? {};
    return Object.entries(show).every(([key, values]) => {
        if (key.startsWith('@') || !(key in parameters) || !Array.isArray(values))
            return true;
        return values.includes(parameters[key]);
    });
}
function isCollectionEntry(option) {
    return typeof option === 'object' && option !== null && Array.isArray(option.values);
}
function labelBelow(parent, at, rest) {
    const [next, ...more] = rest;
    if (parent.type === 'fixedCollection') {
        const entries = (parent.options ?? []).filter(isCollectionEntry);
        const entry = entries.find((e) => e.name === next?.name) ?? entries[0];
        if (!entry)
            return undefined;
        const leafSegment = entry.name === next?.name ? more[0] : next;
        const prefix = at.index === undefined ? entry.displayName : `${entry.displayName} ${at.index + 1}`;
        const leaf = leafSegment && entry.values.find((v) => v.name === leafSegment.name);
        return leaf ? `${prefix} > ${leaf.displayName}` : prefix;
    }
    const child = parent.options?.find((o) => 'displayName' in o && o.name === next?.name);
    if (!child)
        return undefined;
    return more.length ? labelBelow(child, next, more) : child.displayName;
}
function fieldLabel(properties, parameters, field) {
    const [first, ...rest] = segments(field);
    const visible = properties.filter((p) => shown(p, parameters));
    const top = visible.find((p) => p.name === first.name);
    if (top)
        return (rest.length ? labelBelow(top, first, rest) : undefined) ?? top.displayName;
    for (const collection of visible.filter((p) => p.type === 'collection')) {
        const label = labelBelow(collection, { name: collection.name }, [first, ...rest]);
        if (label)
            return label;
    }
    return undefined;
}
