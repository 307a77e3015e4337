import type { ResourceDefinition } from './operations';

/**
 * The canvas subtitle: the chosen operation's action string ("Get many agents"), looked up in
 * a table built from the description so that it never drifts from the Operation dropdown.
 * (The editor fills parameters left at their default before it evaluates the subtitle.)
 */
export function subtitleExpression<Client>(resources: ReadonlyArray<ResourceDefinition<Client>>): string {
	const actions: Record<string, string> = {};
	for (const resource of resources) {
		for (const operation of resource.operations) {
			actions[`${resource.option.value}:${operation.option.value}`] = operation.option.action;
		}
	}
	return `={{ ${JSON.stringify(actions)}[$parameter["resource"] + ":" + $parameter["operation"]] || "" }}`;
}
