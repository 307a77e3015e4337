import { sleep, type IDataObject, type INodeExecutionData, type IWebhookFunctions, type IWebhookResponseData } from 'n8n-workflow';

import { WECOM_API, WECOM_CALLBACK_API } from '../../shared/credentialTypes';
import { credentialTestMessage } from '../../shared/errors';
import { redact } from '../../shared/transport/redact';
import { helperTransport, type HttpRequestHelper } from '../../shared/transport/n8nRequest';
import { ZonedFormatter } from '../../shared/zonedTime';
import { receiveCallback, seenCallbacks, type CallbackAnswer, type KfNotification } from '../callback/receive';
import { callbackSettingsOf, type CallbackCredentialData, type CallbackSettings } from '../callback/settings';
import type { WeComCredentialData } from '../client/credentials';
import { createWeComClient } from '../client/settings';
import { messageItem } from '../client/sync';
import { withMedia } from './media';
import { readTriggerOptions, type WeComTriggerOptions } from './options';
import { accountPulls, pullAccount, type TriggerState } from './pull';

const TEXT = 'text/plain; charset=utf-8';
const NOTHING: IWebhookResponseData = { noWebhookResponse: true };

/**
 * Answers WeCom on the response object itself, then pulls, then returns the items.
 *
 * Why this shape: in n8n (2.41 and 1.123 alike) a webhook node starts exactly one execution, with
 * the `workflowData` its webhook() returns; IWebhookFunctions has no `emit` (that is for trigger
 * nodes, which have no webhook URL). WeCom waits 5 seconds and a pull may take longer, so the
 * answer is written with `res.end()` before the pull and webhook() returns `noWebhookResponse`
 * with the pulled items: n8n then sends nothing more and starts the execution. n8n saves the
 * workflow's static data (the cursor) right after webhook() returns, before the execution runs.
 */
export async function handleWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const req = this.getRequestObject();
	const res = this.getResponseObject();
	let answer: CallbackAnswer;
	let settings: CallbackSettings | undefined;
	let options: WeComTriggerOptions | undefined;
	try {
		// n8n reads the raw bytes before node code runs; read them here if it did not.
		if (req.rawBody === undefined && typeof req.readRawBody === 'function') await req.readRawBody();
		options = readTriggerOptions(this);
		settings = callbackSettingsOf((await this.getCredentials(WECOM_CALLBACK_API)) as CallbackCredentialData);
		answer = receiveCallback(
			settings,
			{ method: req.method, query: req.query as Record<string, unknown>, rawBody: req.rawBody },
			options.maxAgeSeconds,
			{ seen: seenCallbacks, scope: options.scope, now: Date.now },
		);
	} catch (error) {
		this.logger.warn(`WeCom Customer Service Trigger cannot answer: ${credentialTestMessage(error, settings?.secrets ?? [])}`);
		answer = { status: 500, contentType: TEXT, body: 'The trigger is not set up correctly' };
	}
	if (answer.note) {
		const line = `WeCom callback answered ${answer.status}: ${redact(answer.note, settings?.secrets ?? [])}`;
		if (answer.status >= 500) this.logger.warn(line);
		else this.logger.debug(line);
	}
	res.writeHead(answer.status, { 'Content-Type': answer.contentType });
	res.end(answer.body);
	if (!answer.notification || !options) return NOTHING;
	const items = await pullAfterCallback.call(this, answer.notification, options, settings?.corpId ?? '');
	return items.length ? { noWebhookResponse: true, workflowData: [items] } : NOTHING;
}

/** Pulls the account a callback names (or lets the pull already running for it go on). */
async function pullAfterCallback(
	this: IWebhookFunctions,
	notification: KfNotification,
	options: WeComTriggerOptions,
	corpId: string,
): Promise<INodeExecutionData[]> {
	const { openKfId } = notification;
	if (options.openKfIds.length && !options.openKfIds.includes(openKfId)) {
		this.logger.debug(`WeCom callback for ${openKfId}: not among the Account IDs, nothing pulled`);
		return [];
	}
	const state = this.getWorkflowStaticData('node') as TriggerState;
	const nowSeconds = Math.floor(Date.now() / 1000);
	if (state.activatedAt === undefined) state.activatedAt = nowSeconds;
	let secrets: string[] = [];
	try {
		const data = (await this.getCredentials(WECOM_API)) as WeComCredentialData;
		secrets = [data.secret ?? ''].filter(Boolean);
		const transport = helperTransport(this.helpers.httpRequest as unknown as HttpRequestHelper, sleep);
		const client = createWeComClient(data, transport);
		const key = `${options.scope}|${corpId}|${openKfId}`;
		const time = new ZonedFormatter(options.timeZone);
		const items = await accountPulls.run(key, notification.token, async (token) => {
			const result = await pullAccount({ client, openKfId, key, options, state, nowSeconds }, token);
			if (result.outcome?.tokenDropped) {
				this.logger.info(`WeCom callback for ${openKfId}: its Token had expired, so sync_msg was called without it`);
			}
			if (result.failure !== undefined) {
				this.logger.warn(
					`WeCom Customer Service Trigger stopped pulling ${openKfId}: ${credentialTestMessage(result.failure, [...secrets, ...client.secrets])}. The next callback goes on from the saved cursor.`,
				);
			}
			const items: INodeExecutionData[] = [];
			for (const m of result.messages) {
				const json = messageItem(m, time) as IDataObject;
				items.push(options.downloadMedia ? await withMedia(this, client, m, json) : { json });
			}
			return items;
		});
		if (items === undefined) this.logger.debug(`WeCom callback for ${openKfId}: the pull already running goes on`);
		return items ?? [];
	} catch (error) {
		this.logger.warn(`WeCom Customer Service Trigger cannot pull ${openKfId}: ${credentialTestMessage(error, secrets)}`);
		return [];
	}
}
