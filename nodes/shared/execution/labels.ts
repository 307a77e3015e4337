// The label of a field as the node panel shows it, from the node description: errors name fields
// the way the user sees them ("Agent Account", "Article 1 > URL"), not by parameter name.
import type { INodeParameters, INodeProperties, INodePropertyCollection } from 'n8n-workflow';

interface Segment {
	name: string;
	index?: number;
}

function segments(field: string): Segment[] {
	return field.split('.').map((part) => {
		const m = /^(.*)\[(\d+)\]$/.exec(part);
		return m ? { name: m[1], index: Number(m[2]) } : { name: part };
	});
}

/** Whether the panel shows `property` for these parameter values (only `show` conditions count). */
function shown(property: INodeProperties, parameters: INodeParameters): boolean {
	const show = property.displayOptions?.show ?? {};
	return Object.entries(show).every(([key, values]) => {
		if (key.startsWith('@') || !(key in parameters) || !Array.isArray(values)) return true;
		return (values as unknown[]).includes(parameters[key]);
	});
}

function isCollectionEntry(option: unknown): option is INodePropertyCollection {
	return typeof option === 'object' && option !== null && Array.isArray((option as INodePropertyCollection).values);
}

/** The label below `parent` for the remaining segments, e.g. "Article 1 > URL" or "Concurrency". */
function labelBelow(parent: INodeProperties, at: Segment, rest: Segment[]): string | undefined {
	const [next, ...more] = rest;
	if (parent.type === 'fixedCollection') {
		const entries = (parent.options ?? []).filter(isCollectionEntry);
		const entry = entries.find((e) => e.name === next?.name) ?? entries[0];
		if (!entry) return undefined;
		const leafSegment = entry.name === next?.name ? more[0] : next;
		const prefix = at.index === undefined ? entry.displayName : `${entry.displayName} ${at.index + 1}`;
		const leaf = leafSegment && entry.values.find((v) => v.name === leafSegment.name);
		return leaf ? `${prefix} > ${leaf.displayName}` : prefix;
	}
	const child = (parent.options as INodeProperties[] | undefined)?.find((o) => 'displayName' in o && o.name === next?.name);
	if (!child) return undefined;
	return more.length ? labelBelow(child, next, more) : child.displayName;
}

/**
 * The label the node panel shows for `field` (a parameter name, `options.concurrency`, or
 * `articles[0].url`), taken from the node description for the node's current resource and
 * operation; undefined when the description has no such parameter.
 */
export function fieldLabel(properties: readonly INodeProperties[], parameters: INodeParameters, field: string): string | undefined {
	const [first, ...rest] = segments(field);
	const visible = properties.filter((p) => shown(p, parameters));
	const top = visible.find((p) => p.name === first.name);
	if (top) return (rest.length ? labelBelow(top, first, rest) : undefined) ?? top.displayName;
	// A field inside a collection, named without the collection (e.g. "password" of Additional Fields).
	for (const collection of visible.filter((p) => p.type === 'collection')) {
		const label = labelBelow(collection, { name: collection.name }, [first, ...rest]);
		if (label) return label;
	}
	return undefined;
}
