import type { RefusalWords } from '../../shared/errors';
import { WECOM_WORDING } from '../client/hints';

// Errcodes whose advice names this node's operations ("Account → Get Many lists them"): words of the
// node, not of WeCom's API, so they live beside the resources. The router lays them over
// client/hints.ts's words for every operation; an operation's own `refusals` come first.
export const NODE_REFUSALS: Readonly<Record<number, RefusalWords>> = {
	40096: {
		what: 'WeCom does not know this customer (external_userid).',
		do: 'An external_userid belongs to one company: take it from a message or event of this company’s 微信客服 (the trigger, or Customer → Get).',
	},
	48002: {
		what: 'This app may not call this API, or may not manage this account.',
		do: 'In WeCom admin → 微信客服 → API, give this self-built app the API; an account created elsewhere (in the 微信客服 admin or by another app) can only be changed there — Account → Get Many shows manage_privilege.',
	},
	95000: { what: 'This is not a valid open_kfid.', do: 'Choose the account From List, or copy its open_kfid (wk…) from Account → Get Many.' },
	95004: { what: 'WeCom has no 微信客服 account with this open_kfid.', do: 'Choose the account From List; Account → Get Many lists them.' },
	95005: { what: 'The company has as many 微信客服 accounts as WeCom allows.', do: 'Delete an account you no longer use (Account → Delete).' },
	95014: {
		what: 'This member is not a servicer of the account.',
		do: 'Add them first with Servicer → Add, or pick one From List (Servicer → Get Many lists them).',
	},
	95016: {
		what: 'WeCom does not allow this change of session state.',
		do: 'Allowed: from 0 (unhandled) to 1, 2, 3 or 4; from 1 (smart assistant) to 2, 3 or 4; from 2 (waiting pool) to 3 or 4; from 3 (human servicer) to 3 (another servicer) or 4. An ended session (4) changes only when the customer writes again. Session → Get State shows the current state.',
	},
	95018: {
		what: 'WeCom does not let the API send to this customer now.',
		do: 'Either the session is with a human servicer (state 3) or in the waiting pool (state 2) — send only in state 0 or 1, or move it back with Session → Transfer — or the company is not verified, which limits what 微信客服 may send.',
	},
};

/** What the node says of an errcode WeCom gave outside an error (e.g. per id in a result list). */
export function refusalWords(errcode: number): RefusalWords {
	return NODE_REFUSALS[errcode] ?? { what: WECOM_WORDING.summaryFor(errcode, ''), do: WECOM_WORDING.hintFor(errcode, '') };
}
