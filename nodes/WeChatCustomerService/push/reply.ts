import { randomBytes, randomInt } from 'node:crypto';

import { encryptMessage } from '../../shared/push/crypto';
import type { PushMessage } from './message';
import { pushSignature } from '../../shared/push/signature';
import { buildWeChatXml } from '../../shared/push/xml';

export const SUCCESS = 'success';

/** Hands the customer's message to the human agents' queue, to `kfAccount` if given. */
export function transferReplyXml(m: PushMessage, createTime: number, kfAccount?: string): string {
	return buildWeChatXml({
		ToUserName: m.FromUserName,
		FromUserName: m.ToUserName,
		CreateTime: createTime,
		MsgType: 'transfer_customer_service',
		...(kfAccount ? { TransInfo: { KfAccount: kfAccount } } : {}),
	});
}

interface ReplyCipher {
	token: string;
	aesKey: Buffer;
	appId: string;
}

/** The safe-mode envelope: Encrypt, MsgSignature over (token, TimeStamp, Nonce, Encrypt), TimeStamp, Nonce. */
export function encryptedReplyXml(
	xml: string,
	c: ReplyCipher,
	timeStamp: number,
	nonce: string = String(randomInt(100000000, 999999999)),
	random: Buffer = randomBytes(16),
): string {
	const encrypt = encryptMessage(c.aesKey, xml, c.appId, random);
	return buildWeChatXml({
		Encrypt: encrypt,
		MsgSignature: pushSignature(c.token, String(timeStamp), nonce, encrypt),
		TimeStamp: timeStamp,
		Nonce: nonce,
	});
}
