import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { redact } from '../../shared/transport/redact';
import { pushDeduplicator } from '../push/dedup';
import { receivePush, type PushAnswer } from '../push/receive';
import { signedUrlMemory } from '../push/replay';
import { pushSettingsOf, type PushCredentialData, type PushSettings } from '../push/settings';
import { readTriggerOptions } from './options';
import { OFFICIAL_ACCOUNT_PUSH_API } from '../../shared/credentialTypes';

export const PUSH_CREDENTIAL = OFFICIAL_ACCOUNT_PUSH_API;

/**
 * Answers WeChat on the response object itself, before any workflow runs, and returns
 * `noWebhookResponse`: a refusal then starts nothing and records nothing (a throwing webhook()
 * would make n8n answer 500 and record an error execution).
 */
export async function handleWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const req = this.getRequestObject();
	const res = this.getResponseObject();
	let answer: PushAnswer;
	let settings: PushSettings | undefined;
	try {
		// n8n reads the raw bytes before node code runs; read them here if it did not.
		if (req.rawBody === undefined && typeof req.readRawBody === 'function') await req.readRawBody();
		const options = readTriggerOptions(this);
		settings = pushSettingsOf((await this.getCredentials(PUSH_CREDENTIAL)) as PushCredentialData);
		answer = receivePush(
			settings,
			{ method: req.method, query: req.query as Record<string, unknown>, rawBody: req.rawBody },
			options,
			{ dedup: pushDeduplicator, signedUrls: signedUrlMemory, now: Date.now },
		);
	} catch (error) {
		const message = redact(error instanceof Error ? error.message : String(error), settings?.secrets ?? []);
		this.logger.warn(`WeChat Customer Service Trigger cannot answer: ${message}`);
		answer = { status: 500, contentType: 'text/plain; charset=utf-8', body: 'The trigger is not set up correctly' };
	}
	if (answer.note) {
		const line = `WeChat push answered ${answer.status}: ${redact(answer.note, settings?.secrets ?? [])}`;
		if (answer.status >= 500) this.logger.warn(line);
		else this.logger.debug(line);
	}
	res.writeHead(answer.status, { 'Content-Type': answer.contentType });
	res.end(answer.body);
	if (!answer.item) return { noWebhookResponse: true };
	return { noWebhookResponse: true, workflowData: [[{ json: answer.item as unknown as IDataObject }]] };
}
