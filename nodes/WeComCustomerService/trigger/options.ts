import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import { toNodeError } from '../../shared/execution/errors';
import { inputError, numberParam, optionListParam, optionParam, stringParam, type ParameterSource } from '../../shared/execution/input';
import { ORIGIN_CODES } from '../client/sync';
import { VOICE_FORMATS, voiceFormatCode } from '../execution/voiceFormat';
import {
	MESSAGE_TYPE_VALUES,
	ORIGIN_NAMES,
	START_FROM_VALUES,
	triggerProperties,
	type StartFrom,
} from './description';

type TriggerContext = IHookFunctions | IWebhookFunctions;

const DEFAULT_MAX_AGE_SECONDS = 300;
const OPEN_KFID = /^[A-Za-z0-9_-]{1,64}$/;

export interface WeComTriggerOptions {
	/** Empty: every account a callback names. */
	openKfIds: string[];
	/** sync_msg origin codes that start the workflow. */
	origins: number[];
	/** `*` or msgtype values. */
	messageTypes: string[];
	startFrom: StartFrom;
	downloadMedia: boolean;
	voiceFormat: 0 | 1;
	/** 0 = no timestamp check. */
	maxAgeSeconds: number;
	timeZone: string;
	/** Separates trigger nodes (workflow + node) in process-wide memories. */
	scope: string;
}

/** The readers of the action node, on a trigger's parameters (which have no item: read as item 0). */
function itemless(ctx: TriggerContext): ParameterSource {
	return {
		getNodeParameter: (name, _itemIndex, fallback, options) => (ctx as IHookFunctions).getNodeParameter(name, fallback, options),
	};
}

function readOptions(ctx: TriggerContext): WeComTriggerOptions {
	const p = itemless(ctx);
	const openKfIds = stringParam(p, 0, 'openKfIds', { optional: true })
		.split(/[,，]/)
		.map((id) => id.trim())
		.filter(Boolean);
	const bad = openKfIds.find((id) => !OPEN_KFID.test(id));
	if (bad !== undefined) throw inputError('openKfIds', `holds "${bad}", which is not an open_kfid (letters, digits, _ and -, at most 64)`);
	const origins = optionListParam(p, 0, 'origins', ORIGIN_NAMES, ['customer']);
	if (!origins.length) throw inputError('origins', 'must name at least one origin');
	const messageTypes = optionListParam(p, 0, 'messageTypes', MESSAGE_TYPE_VALUES, ['*']);
	const startFrom = optionParam(p, 0, 'startFrom', START_FROM_VALUES, 'now');
	const maxAgeSeconds = numberParam(p, 0, 'options.maxAgeSeconds', DEFAULT_MAX_AGE_SECONDS);
	if (maxAgeSeconds < 0 || !Number.isInteger(maxAgeSeconds)) {
		throw inputError('options.maxAgeSeconds', `must be a whole number of seconds, 0 or more, got ${maxAgeSeconds}`);
	}
	const voiceFormat = optionParam(p, 0, 'options.voiceFormat', VOICE_FORMATS, 'amr');
	const downloadMedia = ctx.getNodeParameter('options.downloadMedia', false) === true;
	const node = ctx.getNode();
	return {
		openKfIds,
		origins: origins.map((o) => ORIGIN_CODES[o]),
		messageTypes: messageTypes.length ? messageTypes : ['*'],
		startFrom,
		downloadMedia,
		voiceFormat: voiceFormatCode(voiceFormat),
		maxAgeSeconds,
		timeZone: ctx.getTimezone(),
		scope: `${ctx.getWorkflow().id ?? ''}|${node.id ?? node.name}`,
	};
}

/** The trigger's parameters, read strictly; a bad one is n8n's error naming the field by its label. */
export function readTriggerOptions(ctx: TriggerContext): WeComTriggerOptions {
	try {
		return readOptions(ctx);
	} catch (error) {
		throw toNodeError(ctx.getNode(), error, 0, { properties: triggerProperties });
	}
}
