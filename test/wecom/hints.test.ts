import { WECOM_WORDING } from '../../nodes/WeComCustomerService/client/hints';
import { NODE_REFUSALS } from '../../nodes/WeComCustomerService/resources/refusals';

/** What the node says of an errcode: its own words where it has them, else the client's. */
const what = (errcode: number) => NODE_REFUSALS[errcode]?.what ?? WECOM_WORDING.summaryFor(errcode, '');
const todo = (errcode: number) => NODE_REFUSALS[errcode]?.do ?? WECOM_WORDING.hintFor(errcode, '');

const REQUIRED = [
	...[95000, 95001, 95002, 95003, 95004, 95005, 95006, 95007, 95008, 95009],
	...[95011, 95012, 95013, 95014, 95015, 95016, 95017, 95018, 95019, 95022, 95023, 95026, 95027, 95030],
	...[40096, 60020, 48002, 45009, 41001, 40014, 42001, 40001, 40013, 60111, 60003],
];

describe('WeCom errcodes in plain words', () => {
	it.each(REQUIRED)('%i says what happened (one sentence) and what to do', (errcode) => {
		expect(what(errcode)).toMatch(/^[A-Z].*\.$/);
		expect(todo(errcode).length).toBeGreaterThan(20);
		expect(todo(errcode)).not.toContain(what(errcode));
	});

	it('gives 95018 both of its causes and 95016 the allowed transitions', () => {
		expect(todo(95018)).toMatch(/human servicer \(state 3\).*waiting pool \(state 2\).*not verified/);
		expect(todo(95016)).toContain('from 2 (waiting pool) to 3 or 4');
		expect(todo(60020)).toContain('Trusted IPs');
	});
});
