import type { RefusalWords } from '../../shared/errors';

// Errcodes whose advice names this node's operations or fields ("check with Agent → Get Many"): words
// of the node, not of WeChat's API, so they live beside the resources. The router lays them over
// client/hints.ts's words for every operation; an operation's own `refusals` come first.
export const NODE_REFUSALS: Readonly<Record<number, RefusalWords>> = {
	40008: { what: 'WeChat does not know this message type.', do: 'Choose one of the node’s Message Type options.' },
	41006: { what: 'The request carried no media_id.', do: 'Set the Media ID, or send from a binary file.' },
	61452: { what: 'WeChat does not know this customer-service account.', do: 'Agent → Get Many lists the accounts of this Official Account.' },
	61453: { what: 'This customer-service account already exists.', do: 'Use Account → Update to change its nickname.' },
	61456: { what: 'The Official Account has as many customer-service accounts as it may.', do: 'Delete an account you no longer use (Account → Delete).' },
	65401: {
		what: 'No such customer-service account exists on this Official Account.',
		do: 'Agent → Get Many lists the accounts; choose one From List in the account field, or check the prefix and the Official Account WeChat ID after the @.',
	},
	65402: {
		what: 'This customer-service account is not bound to a WeChat user yet.',
		do: 'Invite the agent’s own WeChat with Account → Invite and have them accept; then the account can serve customers.',
	},
	65405: { what: 'The Official Account has reached its limit of 100 customer-service accounts.', do: 'Delete an account you no longer use (Account → Delete).' },
	65406: { what: 'This customer-service account already exists.', do: 'Use Account → Update to change its nickname.' },
	65407: { what: 'That WeChat user is already an agent of this Official Account.', do: 'Agent → Get Many shows which account they are bound to.' },
	65408: { what: 'That WeChat user has already been invited.', do: 'Wait for them to accept; Agent → Get Many shows invite_status.' },
	65411: {
		what: 'An invitation for this account is still pending.',
		do: 'Wait for it to be accepted, rejected or to expire; Agent → Get Many shows invite_status.',
	},
	65412: { what: 'This customer-service account is already bound to a WeChat user.', do: 'Nothing to invite: Agent → Get Many shows the bound WeChat ID (kf_wx).' },
	65413: {
		what: 'This customer has no open session with this agent.',
		do: 'There is nothing to close. Session → Get shows who serves the customer.',
	},
	65414: {
		what: 'Another agent is already serving this customer.',
		do: 'Close that session first; Session → Get shows who serves the customer.',
	},
	65415: {
		what: 'This agent is not online.',
		do: 'To take a session the agent must be signed in to the customer-service web client or the mobile assistant. Agent → Get Online lists who is online.',
	},
	65417: {
		what: 'The time range is too long for one query.',
		do: 'WeChat accepts at most 24 hours per getmsglist query; the node splits longer ranges into 24-hour windows, so check the Start Time and End Time.',
	},
};
