// Plain-English hints for WeChat's errcodes. Keep them actionable: what the
// operator should check or do, not a restatement of errmsg.
const HINTS: Record<number, string> = {
	[-1]: 'WeChat is busy. Reads are retried automatically (up to 3 times); a change such as sending a message or creating a session is not retried automatically, because WeChat may already have done it: check before running it again.',
	40001:
		'The AppSecret is wrong, or the access_token is invalid or no longer the latest (another system may have fetched a new one with the classic token API). Check the AppSecret; prefer the "Stable Token" source when several systems share the AppID.',
	40002: 'Invalid grant type: the token request must use client_credential.',
	40003: 'The openid is not valid for this Official Account: a user’s openid differs for each account, so take it from this account’s messages or follower list.',
	40004: 'WeChat does not know this media type: temporary media is image, voice, video or thumb.',
	40005: 'WeChat does not accept this kind of file for the media type: image JPEG, PNG or GIF; voice AMR or MP3; video MP4; thumb JPEG. It looks at the content, not the file name.',
	40006: 'The file is too big (or empty) for WeChat: an avatar at most 5 MB; temporary media image 10 MB, voice 2 MB (and 60 seconds), video 10 MB, thumb 64 KB.',
	40007: 'The media_id is not valid: it is mistyped, belongs to another Official Account, or has expired (temporary media lives 3 days). Upload the file again, or take the MediaId of a newer customer message.',
	40009: 'The image is too big for WeChat: temporary images must be at most 10 MB.',
	40010: 'The voice file is too big or too long for WeChat: at most 2 MB and 60 seconds.',
	40011: 'The video is too big for WeChat: temporary videos must be at most 10 MB.',
	40012: 'The thumbnail is too big for WeChat: at most 64 KB (a JPEG).',
	40008: 'WeChat does not know this message type.',
	40013: 'The AppID is not valid. Copy it again from the Official Account platform (Settings and Development → Basic Configuration).',
	40014: 'The access_token is invalid. Check that it belongs to this AppID and has not expired.',
	40125: 'The AppSecret is not valid. Copy it again, or reset it in the Official Account platform (Basic Configuration).',
	40164:
		'This server’s IP address is not in the Official Account’s IP whitelist. Add the IP shown in the message under Settings and Development → Basic Configuration → IP whitelist, or route requests through a whitelisted proxy.',
	40243: 'The AppSecret is frozen. Unfreeze or reset it in the Official Account platform before fetching tokens.',
	41001: 'The access_token is missing from the request.',
	41005: 'The upload carried no file: WeChat wants the file as the multipart part named "media", with a file name.',
	41006: 'The media_id is missing from the request.',
	42001: 'The access_token has expired.',
	43004: 'The customer must follow the Official Account before it can receive this.',
	44002: 'The request body was empty: WeChat expects a JSON body for this call.',
	45009:
		'The daily API quota is used up. It is not retried; it resets at midnight China time, or an administrator can clear it in the Official Account platform.',
	45011: 'WeChat says the API is called too frequently. Slow down (lower the node’s concurrency) and try again.',
	45002: 'The message is too long. WeChat accepts about 2048 bytes of text per customer-service message; split it into several messages.',
	45008: 'A customer-service news message may carry only one article.',
	45015:
		'The customer has not interacted with the Official Account in the last 48 hours, so customer-service messages cannot be sent to them.',
	45047: 'Too many customer-service messages were sent to this customer since their last interaction: after a customer’s message WeChat allows 5 within 48 hours. Wait for the customer to write again.',
	47001: 'WeChat could not parse the request body.',
	48001: 'This Official Account is not authorised for this API (customer service needs a verified account).',
	61450: 'WeChat customer-service system error. Try again later.',
	61451: 'Invalid parameter.',
	61452: 'Invalid customer-service account.',
	61453: 'The customer-service account already exists.',
	61454: 'The account prefix is too long (at most 10 characters before the @).',
	61455: 'The account prefix contains illegal characters (letters, digits and underscore only).',
	61456: 'The Official Account has reached its customer-service account limit.',
	61457: 'Invalid avatar file type: WeChat accepts only JPEG images (640×640 recommended).',
	65400:
		'The new customer-service feature is not enabled for this Official Account. Enable it in the Official Account platform, or wait a while after enabling it.',
	65401: 'The customer-service account is not valid. Check the full account, prefix@OfficialAccountWeChatID.',
	65402: 'The customer-service account must be bound to a WeChat user (the agent’s own WeChat) before it can serve customers. Invite one with Account → Invite and have them accept.',
	65403: 'The nickname is not allowed. Use at most 16 characters and avoid sensitive words.',
	65404: 'The customer-service account is not allowed. Use prefix@OfficialAccountWeChatID with a prefix of at most 10 letters, digits or underscores.',
	65405: 'The Official Account has reached its limit of 100 customer-service accounts.',
	65406: 'The account already exists. Use Account → Update to change its nickname.',
	65407: 'That WeChat user is already one of this Official Account’s agents.',
	65408: 'That WeChat user has already been invited.',
	65409: 'The WeChat ID to invite is not valid: use the person’s WeChat ID (微信号), not their nickname or phone number.',
	65410: 'That WeChat user is already bound to too many customer-service accounts.',
	65411: 'An invitation for this account is still pending. Wait for it to be accepted, rejected or to expire.',
	65412: 'This account is already bound to a WeChat user.',
	65413: 'The customer has no open session with this agent, so there is nothing to close. Session → Get shows who serves the customer.',
	65414: 'Another agent is already serving this customer. Close that session first; Session → Get shows who serves the customer.',
	65415: 'The agent is not online: they must be signed in to the customer-service web client or the mobile assistant to take a session. Agent → Get Online lists who is online.',
	65416:
		'Invalid query parameter: the start must not be after the end, a legacy getrecord query must stay within one China-time day, and a page holds at most 10000 records (getmsglist) or 50 (getrecord).',
	65417:
		'The time range is too long: WeChat accepts at most 24 hours per getmsglist query (the node splits longer ranges into 24-hour windows).',
	89501: 'WeChat is waiting for an administrator to confirm calls from this IP.',
	89503: 'An administrator must confirm calls from this IP in the Official Account platform.',
	89506: 'An administrator rejected calls from this IP; WeChat blocks it for 24 hours.',
	89507: 'An administrator rejected calls from this IP; WeChat blocks it for 1 hour.',
};

export function hintFor(errcode: number): string {
	return HINTS[errcode] ?? '';
}

/** What a change may have done when its outcome is unknown, and how the user can check. */
const OUTCOME_CHECKS: Record<string, { done: string; then: string }> = {
	'/customservice/kfaccount/add': { done: 'created the account', then: 'check with Agent → Get Many before running it again' },
	'/customservice/kfaccount/update': { done: 'updated the account', then: 'check with Agent → Get Many before running it again' },
	'/customservice/kfaccount/del': { done: 'deleted the account', then: 'check with Agent → Get Many before running it again' },
	'/customservice/kfaccount/inviteworker': { done: 'sent the invitation', then: 'check invite_status with Agent → Get Many before running it again' },
	'/customservice/kfaccount/uploadheadimg': { done: 'set the avatar', then: 'check with Avatar → Download before running it again' },
	'/customservice/kfsession/create': { done: 'assigned the customer', then: 'check with Session → Get before running it again' },
	'/customservice/kfsession/close': { done: 'closed the session', then: 'check with Session → Get before running it again' },
	'/cgi-bin/media/upload': { done: 'stored the file', then: 'upload it again to get a media_id you can use (an unused one expires after 3 days)' },
	'/cgi-bin/message/custom/send': { done: 'sent the message', then: 'check with Record → Get Many before sending it again' },
	'/cgi-bin/message/custom/typing': { done: 'shown the typing indicator', then: 'it ends by itself within 15 seconds' },
};

export function outcomeCheck(path: string): { done: string; then: string } {
	return OUTCOME_CHECKS[path] ?? { done: 'done it', then: 'check before running it again' };
}
