// Each errcode WeCom may answer, in two plain-English parts: `what` happened, in the user's terms
// (one short sentence that leads the error message, before WeCom's own words), and what to `do`
// (the description; never a restatement of `what` or of errmsg).
import type { RefusalWording } from '../../shared/errors';

interface Refusal {
	what: string;
	do: string;
}

const RENEWED = 'The node fetched a new token and tried once more; if this persists, check the credential’s CorpID and Secret.';

const REFUSALS: Record<number, Refusal> = {
	[-1]: {
		what: 'WeCom is busy.',
		do: 'Reads are retried automatically; a change is not, because WeCom may already have made it: check before running it again.',
	},
	40001: {
		what: 'WeCom did not accept the Secret.',
		do: 'Use the Secret of the self-built app that 微信客服 → API lets call the API (WeCom admin → Apps → that app → Secret). Since 2023-12-01 a system app’s secret no longer works for new companies.',
	},
	40013: { what: 'WeCom does not know this CorpID.', do: 'Copy the CorpID from WeCom admin → My Company → Company Information.' },
	40014: { what: 'WeCom did not accept the access_token.', do: RENEWED },
	41001: { what: 'The request carried no access_token.', do: RENEWED },
	42001: { what: 'The access_token has expired.', do: RENEWED },
	45009: {
		what: 'WeCom’s call limit for this API is reached.',
		do: 'Call less often (lower the node’s Concurrency, or spread the calls over time) and try again in a minute; without a callback Token, kf/sync_msg has a strict limit of its own.',
	},
	60003: { what: 'WeCom does not know this department.', do: 'Use a department id from WeCom admin → Contacts (the number, not its name).' },
	60020: {
		what: 'WeCom does not accept calls from this server’s IP address.',
		do: 'Add the IP shown after "from ip" to WeCom admin → Apps → the self-built app → Trusted IPs (企业可信IP); if n8n reaches WeCom through a proxy, add the proxy’s public IP.',
	},
	60111: { what: 'WeCom does not know this member.', do: 'Use the member’s userid from WeCom admin → Contacts (their account, not their name).' },
	95001: {
		what: 'This customer has received as many messages as WeCom allows.',
		do: 'WeCom allows 5 messages after each customer message, within 48 hours: wait for the customer to write again.',
	},
	95002: {
		what: 'The customer last wrote more than 48 hours ago.',
		do: 'WeCom only lets the API send within 48 hours of the customer’s last message: wait for the customer to write again.',
	},
	95003: {
		what: 'The company is not verified, so 微信客服 serves a limited number of customers.',
		do: 'An unverified company may serve 100 customers in all; verify the company in WeCom admin to serve more.',
	},
	95006: { what: 'WeCom does not accept this account name.', do: 'Use 1 to 16 characters, without sensitive words.' },
	95007: {
		what: 'The callback Token is invalid or expired.',
		do: 'A callback’s Token is valid for 10 minutes and for its account only: use the one of the latest callback, or sync without it.',
	},
	95008: { what: 'The menu message has too many items.', do: 'A menu message may have at most 10 items.' },
	95009: { what: 'WeCom does not know a menu item’s type.', do: 'A menu item is click, view, miniprogram or text.' },
	95011: {
		what: 'The company uses 微信客服 inside WeCom, so this Secret does not fit.',
		do: 'Use the Secret of the self-built app configured in WeCom admin → 微信客服 → API.',
	},
	95012: {
		what: 'The company uses 微信客服 on its own (standalone), so this Secret does not fit.',
		do: 'Use the Secret shown in the standalone 微信客服 admin (kf.weixin.qq.com → Development).',
	},
	95013: {
		what: 'The session has ended.',
		do: 'A code from an event can only be used while the session is still in the state that produced it; wait for the customer to write again.',
	},
	95015: {
		what: 'The account has exclusive service (专属服务) configured in the admin console.',
		do: 'Turn exclusive service off in WeCom admin → 微信客服 for this account before assigning sessions by API.',
	},
	95017: { what: 'The 微信客服 API switch is off.', do: 'Turn it on in WeCom admin → 微信客服 → API, and give it to this self-built app.' },
	95019: {
		what: 'This servicer is not receiving.',
		do: 'A session goes only to a servicer who is receiving (status 0): pick one marked receiving From List, or ask them to resume receiving in WeCom.',
	},
	95022: { what: 'WeCom does not accept the location’s type.', do: 'Check the location fields of the message.' },
	95023: {
		what: 'The 微信客服 API switch belongs to a customized (代开发) app.',
		do: 'Only that app may call the API; use its credential, or move the switch to this app in WeCom admin → 微信客服 → API.',
	},
	95026: {
		what: 'WeCom does not let the company create more 微信客服 accounts now (low usage).',
		do: 'Use the existing accounts more, or try again later.',
	},
	95027: {
		what: 'An unverified company may have only 10 微信客服 accounts.',
		do: 'Verify the company in WeCom admin, or delete an account you no longer use.',
	},
	95030: {
		what: 'The 微信客服 component blocks this message type.',
		do: 'Send another type, or allow it where the account is embedded (mini program or app).',
	},
};

/** Every errcode the table explains, in order, with its words (the README's WeCom errors table). */
export function weComRefusals(): Array<{ errcode: number } & Refusal> {
	return Object.entries(REFUSALS)
		.map(([code, refusal]) => ({ errcode: Number(code), ...refusal }))
		.sort((a, b) => a.errcode - b.errcode);
}

function refusalOf(errcode: number): Refusal | undefined {
	return REFUSALS[errcode];
}

/** WeCom's errcodes in the words of the WeCom Customer Service node. */
export const WECOM_WORDING: RefusalWording = {
	summaryFor: (errcode) => refusalOf(errcode)?.what ?? '',
	hintFor: (errcode) => refusalOf(errcode)?.do ?? '',
};
