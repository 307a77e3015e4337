import { redact } from '../../nodes/shared/transport/redact';

describe('redact', () => {
	it('hides tokens and secrets in query strings', () => {
		expect(redact('GET /cgi-bin/token?grant_type=client_credential&appid=wx1&secret=abc123&x=1')).toBe(
			'GET /cgi-bin/token?grant_type=client_credential&appid=wx1&secret=***&x=1',
		);
		expect(redact('https://h/p?access_token=TOKEN_VALUE_1&kf_account=a@b')).toBe('https://h/p?access_token=***&kf_account=a@b');
		expect(redact('/ts?refresh=1&stale_token=OLD_TOKEN')).toBe('/ts?refresh=1&stale_token=***');
	});

	it('hides them in JSON bodies', () => {
		expect(redact('{"appid":"wx1","secret":"s3cr\\"et","force_refresh":false}')).toBe(
			'{"appid":"wx1","secret":"***","force_refresh":false}',
		);
		expect(redact('{"access_token": "abc", "expires_in": 7200}')).toBe('{"access_token": "***", "expires_in": 7200}');
	});

	it('hides known secret values wherever they appear', () => {
		expect(redact('server said: key-123456 is wrong', ['key-123456'])).toBe('server said: *** is wrong');
		expect(redact('short ab stays', ['ab'])).toBe('short ab stays');
	});
});
