import { weChatOfficialAccountPushApiTest } from '../../../nodes/WeChatCustomerService/methods/pushCredentialTest';
import { PushDeduplicator, dedupKey } from '../../../nodes/WeChatCustomerService/push/dedup';
import { readMessage } from '../../../nodes/WeChatCustomerService/push/message';
import { pushSettingsOf } from '../../../nodes/WeChatCustomerService/push/settings';
import { SAFE } from './vectors';

const test = (data: Record<string, string>) =>
	weChatOfficialAccountPushApiTest.call({} as never, { id: '1', name: 'push', type: 'weChatOfficialAccountPushApi', data });

describe('push credential test (shape only, nothing sent)', () => {
	it('accepts the reference credential and a plain-only one', async () => {
		expect(await test({ token: SAFE.token, encodingAESSecretKey: SAFE.encodingAESKey, appId: SAFE.appId })).toEqual({
			status: 'OK',
			message: 'Token, EncodingAESKey and AppID look right (checked here, nothing was sent)',
		});
		expect(await test({ token: SAFE.token })).toEqual({
			status: 'OK',
			message: 'The Token looks right; plain mode only (checked here, nothing was sent)',
		});
	});

	it('names every problem: key length, key alphabet, missing or odd AppID, token shape', async () => {
		expect(await test({ token: SAFE.token, encodingAESSecretKey: 'abc', appId: SAFE.appId })).toEqual({
			status: 'Error',
			message: 'The EncodingAESKey must be 43 characters long, not 3',
		});
		expect(await test({ token: SAFE.token, encodingAESSecretKey: `${SAFE.encodingAESKey.slice(0, 42)}+`, appId: SAFE.appId })).toEqual({
			status: 'Error',
			message: 'The EncodingAESKey may hold only letters a–z, A–Z and digits',
		});
		expect(await test({ token: SAFE.token, encodingAESSecretKey: SAFE.encodingAESKey })).toEqual({
			status: 'Error',
			message: 'The AppID is required when an EncodingAESKey is set',
		});
		expect(await test({ token: 'a b', appId: 'wx123' })).toEqual({
			status: 'Error',
			message:
				'The Token must be 3 to 32 letters and digits, as in the Official Account console. The AppID does not look like one: "wx" followed by 16 hexadecimal characters',
		});
		const result = await test({ token: '', encodingAESSecretKey: SAFE.encodingAESKey.slice(1), appId: SAFE.appId });
		expect(result.message).not.toContain(SAFE.encodingAESKey.slice(1));
	});

	it('settings keep a fingerprint, not the secrets, as the key of process-wide state', () => {
		const s = pushSettingsOf({ token: SAFE.token, encodingAESSecretKey: SAFE.encodingAESKey, appId: SAFE.appId });
		expect(s.fingerprint).toMatch(/^[0-9a-f]{64}$/);
		expect(s.fingerprint).not.toContain(SAFE.token);
		expect(pushSettingsOf({ token: SAFE.token }).fingerprint).not.toBe(s.fingerprint);
		expect(s.secrets).toEqual(expect.arrayContaining([SAFE.token, SAFE.encodingAESKey, SAFE.aesKeyHex]));
	});
});

describe('dedup memory', () => {
	const m = readMessage({ ToUserName: 'gh', FromUserName: 'o1', CreateTime: '100', MsgType: 'event', Event: 'kf_close_session' });

	it('keys messages by MsgId and events by FromUserName + CreateTime + Event', () => {
		expect(dedupKey('s', m)).toBe('s|e|o1|100|kf_close_session');
		expect(dedupKey('s', readMessage({ ...m.fields, MsgType: 'text', MsgId: '7460012345678901234' }))).toBe('s|m|7460012345678901234');
	});

	it('forgets after 10 minutes and keeps at most maxEntries', () => {
		let now = 0;
		const d = new PushDeduplicator(600_000, 2, () => now);
		const answer = { status: 200, contentType: 'text/plain', body: 'success' };
		d.remember('a', answer);
		now = 599_999;
		expect(d.get('a')).toEqual(answer);
		now = 600_000;
		expect(d.get('a')).toBeUndefined();
		d.remember('b', answer);
		d.remember('c', answer);
		d.remember('d', answer);
		expect([d.size, d.get('b'), d.get('d')]).toEqual([2, undefined, answer]);
	});
});
