import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import { validateKfAccount } from '../client/accounts';
import { toNodeError } from '../../shared/execution/errors';
import { booleanParam, inputError, numberParam, optionListParam, optionParam, stringParam, type ParameterSource } from '../../shared/execution/input';
import { workflowTimeFormatter } from '../../shared/execution/parameters';
import { REPLY_MODES, type TriggerOptions } from '../push/receive';
import { EVENT_VALUES, triggerProperties } from './description';

type TriggerContext = IHookFunctions | IWebhookFunctions;

const DEFAULT_MAX_AGE_SECONDS = 300;

/** The action node's readers, on a trigger's parameters (which have no item: read as item 0). */
function itemless(ctx: TriggerContext): ParameterSource {
	return {
		getNodeParameter: (name, _itemIndex, fallback, options) =>
			(ctx as IHookFunctions).getNodeParameter(name, fallback, options),
	};
}

function readOptions(ctx: TriggerContext): TriggerOptions {
	const p = itemless(ctx);
	const events = optionListParam(p, 0, 'events', EVENT_VALUES, ['*']);
	const reply = optionParam(p, 0, 'reply', REPLY_MODES, 'acknowledge');
	// A Max Age that is not a whole number of seconds is an error, never "off": only 0 turns the check off.
	const maxAgeSeconds = numberParam(p, 0, 'options.maxAgeSeconds', DEFAULT_MAX_AGE_SECONDS);
	if (maxAgeSeconds < 0) throw inputError('options.maxAgeSeconds', `must be 0 or more, got ${maxAgeSeconds}`);
	if (!Number.isInteger(maxAgeSeconds)) {
		throw inputError('options.maxAgeSeconds', `must be a whole number of seconds, got ${maxAgeSeconds}`);
	}
	let transferKfAccount: string | undefined;
	if (reply !== 'acknowledge') {
		const account = stringParam(p, 0, 'transferKfAccount', { optional: true });
		transferKfAccount = account ? validateKfAccount(account, 'transferKfAccount') : undefined;
	}
	let transferKeywords: string[] = [];
	if (reply === 'transferOnKeywords') {
		transferKeywords = stringParam(p, 0, 'transferKeywords')
			.split(/[,，]/)
			.map((k) => k.trim())
			.filter(Boolean);
		if (!transferKeywords.length) throw inputError('transferKeywords', 'holds no keyword between its commas');
	}
	const node = ctx.getNode();
	return {
		events: events.length ? events : ['*'],
		reply,
		transferKfAccount,
		transferKeywords,
		maxAgeSeconds,
		deduplicate: booleanParam(p, 0, 'options.deduplicate', true),
		includeRawXml: booleanParam(p, 0, 'options.includeRawXml', false),
		timeZone: workflowTimeFormatter(ctx).timeZone,
		scope: `${ctx.getWorkflow().id ?? ''}|${node.id ?? node.name}`,
	};
}

/**
 * The trigger's parameters, read as strictly as the action node's; a bad one is n8n's error naming
 * the field by its label ("Max Age (Seconds)" must be …).
 */
export function readTriggerOptions(ctx: TriggerContext): TriggerOptions {
	try {
		return readOptions(ctx);
	} catch (error) {
		throw toNodeError(ctx.getNode(), error, 0, { properties: triggerProperties });
	}
}

/**
 * WeChat has no API to register a Server URL (the account owner pastes it in the console), so
 * there is nothing to create or delete; activation still reads every parameter, so that a bad
 * one stops it with the field named instead of failing on every push.
 */
export async function validateTriggerParameters(this: IHookFunctions): Promise<boolean> {
	readTriggerOptions(this);
	return true;
}
