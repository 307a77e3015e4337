import { WECOM_WORDING } from '../../nodes/WeComCustomerService/client/hints';

const REQUIRED = [
	...[95000, 95001, 95002, 95003, 95004, 95005, 95006, 95007, 95008, 95009],
	...[95011, 95012, 95013, 95014, 95015, 95016, 95017, 95018, 95019, 95022, 95023, 95026, 95027, 95030],
	...[40096, 60020, 48002, 45009, 41001, 40014, 42001, 40001, 40013, 60111, 60003],
];

/** Every change the Servicer, Session, Knowledge Base and Upgrade Service resources make. */
const WRITES: Record<string, string> = {
	'/cgi-bin/kf/servicer/add': 'Servicer → Get Many',
	'/cgi-bin/kf/servicer/del': 'Servicer → Get Many',
	'/cgi-bin/kf/service_state/trans': 'Session → Get State',
	'/cgi-bin/kf/knowledge/add_group': 'Knowledge Base → Get Many Groups',
	'/cgi-bin/kf/knowledge/mod_group': 'Knowledge Base → Get Many Groups',
	'/cgi-bin/kf/knowledge/del_group': 'Knowledge Base → Get Many Groups',
	'/cgi-bin/kf/knowledge/add_intent': 'Knowledge Base → Get Many Intents',
	'/cgi-bin/kf/knowledge/mod_intent': 'Knowledge Base → Get Many Intents',
	'/cgi-bin/kf/knowledge/del_intent': 'Knowledge Base → Get Many Intents',
	'/cgi-bin/kf/customer/upgrade_service': 'Upgrade Service → Cancel',
	'/cgi-bin/kf/customer/cancel_upgrade_service': 'nothing to cancel',
};

describe('WeCom errcodes in plain words', () => {
	it.each(REQUIRED)('%i says what happened (one sentence) and what to do', (errcode) => {
		const what = WECOM_WORDING.summaryFor(errcode, '');
		const todo = WECOM_WORDING.hintFor(errcode, '');
		expect(what).toMatch(/^[A-Z].*\.$/);
		expect(todo.length).toBeGreaterThan(20);
		expect(todo).not.toContain(what);
	});

	it('gives 95018 both of its causes and 95016 the allowed transitions', () => {
		expect(WECOM_WORDING.hintFor(95018, '')).toMatch(/human servicer \(state 3\).*waiting pool \(state 2\).*not verified/);
		expect(WECOM_WORDING.hintFor(95016, '')).toContain('from 2 (waiting pool) to 3 or 4');
		expect(WECOM_WORDING.hintFor(60020, '')).toContain('Trusted IPs');
	});

	it.each(Object.entries(WRITES))('says how to check a change of unknown outcome to %s', (path, check) => {
		const outcome = WECOM_WORDING.outcomeCheck(path);
		expect(outcome.done).not.toBe('done it');
		expect(outcome.then).toContain(check);
	});
});
