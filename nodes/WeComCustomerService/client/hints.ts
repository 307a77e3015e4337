// Each errcode WeCom may answer, in two plain-English parts: `what` happened, in the user's terms
// (one short sentence that leads the error message, before WeCom's own words), and what to `do`
// (the description; never a restatement of `what` or of errmsg).
import type { OutcomeCheck, RefusalWording } from '../../shared/errors';

interface Refusal {
	what: string;
	do: string;
}

const REFUSALS: Record<number, Refusal> = {
	40001: {
		what: 'WeCom did not accept the Secret.',
		do: 'Use the Secret of the self-built app that 微信客服 → API lets call the API (WeCom admin → Apps → that app → Secret). Since 2023-12-01 a system app’s secret no longer works for new companies.',
	},
	40013: { what: 'WeCom does not know this CorpID.', do: 'Copy the CorpID from WeCom admin → My Company → Company Information.' },
	40014: { what: 'WeCom did not accept the access_token.', do: 'It was renewed once automatically; check the Secret.' },
	42001: { what: 'The access_token has expired.', do: 'It was renewed once automatically; check the Secret.' },
	95018: {
		what: 'WeCom does not let the API send to this customer now.',
		do: 'Either the session is with a human servicer (state 3) or in the waiting pool (state 2) — send only in state 0 or 1, or move it back with Session → Transfer — or the company is not verified, which limits what 微信客服 may send.',
	},
};

/** What a change may have done when its outcome is unknown, and how the user can check. */
const OUTCOME_CHECKS: Record<string, OutcomeCheck> = {};

function refusalOf(errcode: number): Refusal | undefined {
	return REFUSALS[errcode];
}

/** WeCom's errcodes in the words of the WeCom Customer Service node. */
export const WECOM_WORDING: RefusalWording = {
	summaryFor: (errcode) => refusalOf(errcode)?.what ?? '',
	hintFor: (errcode) => refusalOf(errcode)?.do ?? '',
	outcomeCheck: (path) => OUTCOME_CHECKS[path] ?? { done: 'done it', then: 'check before running it again' },
};
