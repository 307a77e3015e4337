import type { RefusalWording, RefusalWords } from '../../shared/errors';

// Each errcode WeChat may answer, in two plain-English parts: `what` happened, in the user's terms
// (one short sentence that leads the error message, before WeChat's own words), and what to `do`
// (the description; never a restatement of `what` or of errmsg).
const REFUSALS: Record<number, RefusalWords> = {
	[-1]: {
		what: 'WeChat is busy.',
		do: 'Reads are retried automatically (up to 3 times); a change such as sending a message or creating a session is not retried automatically, because WeChat may already have done it: check before running it again.',
	},
	40001: {
		what: 'WeChat did not accept the access_token.',
		do: 'Check the AppSecret: a wrong one, or another system fetching a new token with the classic token API, makes the token invalid. Prefer the "Stable Token" source when several systems share the AppID.',
	},
	40002: { what: 'WeChat did not accept the token request.', do: 'The token request must use the grant type client_credential.' },
	40003: {
		what: 'This openid does not belong to a customer of this Official Account.',
		do: 'A user’s openid differs for each Official Account: take it from this account’s messages or follower list.',
	},
	40004: { what: 'WeChat does not know this media type.', do: 'Use image, voice, video or thumb for temporary media.' },
	40005: {
		what: 'WeChat does not accept this kind of file for the media type.',
		do: 'Use JPEG, PNG or GIF for an image; AMR or MP3 for a voice; MP4 for a video; JPEG for a thumb. WeChat looks at the content, not the file name.',
	},
	40006: {
		what: 'The file is too big (or empty) for WeChat.',
		do: 'An avatar may be at most 5 MB; temporary media: an image 10 MB, a voice 2 MB (and 60 seconds), a video 10 MB, a thumb 64 KB.',
	},
	40007: {
		what: 'WeChat does not know this media_id.',
		do: 'It is mistyped, belongs to another Official Account, or has expired (temporary media lives 3 days). Upload the file again, or take the MediaId of a newer customer message.',
	},
	40009: { what: 'The image is too big for WeChat.', do: 'Temporary images may be at most 10 MB: make the image smaller.' },
	40010: { what: 'The voice file is too big or too long for WeChat.', do: 'A voice may be at most 2 MB and 60 seconds.' },
	40011: { what: 'The video is too big for WeChat.', do: 'Temporary videos may be at most 10 MB.' },
	40012: { what: 'The thumbnail is too big for WeChat.', do: 'A thumb may be at most 64 KB (a JPEG).' },
	40013: {
		what: 'WeChat does not know this AppID.',
		do: 'Copy the AppID again from the Official Account platform (Settings and Development → Basic Configuration).',
	},
	40014: { what: 'WeChat did not accept the access_token.', do: 'Check that the token belongs to this AppID and has not expired.' },
	40125: {
		what: 'The AppSecret is wrong.',
		do: 'Copy it again, or reset it in the Official Account platform (Basic Configuration).',
	},
	40164: {
		what: 'This server’s IP address is not in the Official Account’s IP whitelist.',
		do: 'Add the IP shown in the message under Settings and Development → Basic Configuration → IP whitelist, or route requests through a whitelisted proxy.',
	},
	40243: { what: 'The AppSecret is frozen.', do: 'Unfreeze or reset it in the Official Account platform before fetching tokens.' },
	41001: { what: 'The request carried no access_token.', do: 'Check the credential’s token settings.' },
	41005: {
		what: 'The upload carried no file.',
		do: 'WeChat wants the file as the multipart part named "media", with a file name.',
	},
	42001: { what: 'The access_token has expired.', do: 'The node fetches a new one and retries once; if this persists, check the credential’s token settings.' },
	43004: {
		what: 'This customer does not follow the Official Account.',
		do: 'The customer must follow the Official Account before it can receive this.',
	},
	44002: { what: 'The request had no body.', do: 'WeChat expects a JSON body for this call.' },
	45002: {
		what: 'The message is too long for WeChat.',
		do: 'WeChat accepts about 2048 bytes of text per customer-service message; split it into several messages.',
	},
	45008: { what: 'The news message has more than one article.', do: 'A customer-service news message may carry only one article.' },
	45009: {
		what: 'The Official Account’s daily API quota is used up.',
		do: 'It is not retried; it resets at midnight China time, or an administrator can clear it in the Official Account platform.',
	},
	45011: { what: 'The API was called too often.', do: 'Slow down (lower the node’s Concurrency) and try again.' },
	45015: {
		what: 'This customer has not written to the Official Account in the last 48 hours.',
		do: 'Customer-service messages can only be sent within 48 hours of the customer’s last message or interaction: wait for the customer to write again.',
	},
	45047: {
		what: 'Too many messages were sent to this customer since they last wrote.',
		do: 'After a customer’s message WeChat allows 5 customer-service messages within 48 hours. Wait for the customer to write again.',
	},
	47001: { what: 'WeChat could not read the request.', do: 'Check the values sent in this call; WeChat could not parse the request body.' },
	48001: {
		what: 'This Official Account may not use this API.',
		do: 'Customer service needs a verified Official Account: check its verification in the Official Account platform.',
	},
	61450: { what: 'WeChat’s customer-service system failed.', do: 'Try again later.' },
	61451: { what: 'WeChat did not accept a parameter.', do: 'Check the values of this call.' },
	61454: { what: 'The account prefix is too long.', do: 'Use at most 10 characters before the @.' },
	61455: { what: 'The account prefix has characters WeChat does not allow.', do: 'Use only letters, digits and underscores before the @.' },
	61457: { what: 'WeChat does not accept this avatar file.', do: 'Use a JPEG image (640×640 recommended).' },
	65400: {
		what: 'The new customer-service feature is not enabled for this Official Account.',
		do: 'Enable it in the Official Account platform, or wait a while after enabling it.',
	},
	65403: { what: 'WeChat does not allow this nickname.', do: 'Use at most 16 characters and avoid sensitive words.' },
	65404: {
		what: 'WeChat does not allow this customer-service account.',
		do: 'Use prefix@OfficialAccountWeChatID with a prefix of at most 10 letters, digits or underscores.',
	},
	65409: {
		what: 'WeChat does not know this WeChat ID.',
		do: 'Use the person’s WeChat ID (微信号), not their nickname or phone number.',
	},
	65410: { what: 'That WeChat user is bound to too many customer-service accounts.', do: 'Invite another WeChat user, or unbind them from another account.' },
	65416: {
		what: 'WeChat did not accept the query’s time range or page size.',
		do: 'The start must not be after the end, a legacy getrecord query must stay within one China-time day, and a page holds at most 10000 records (getmsglist) or 50 (getrecord).',
	},
	89501: { what: 'WeChat is waiting for an administrator to confirm calls from this IP.', do: 'Ask an administrator to confirm it in the Official Account platform.' },
	89503: { what: 'Calls from this IP need an administrator’s confirmation.', do: 'Ask an administrator to confirm it in the Official Account platform.' },
	89506: { what: 'An administrator rejected calls from this IP.', do: 'WeChat blocks the IP for 24 hours; ask an administrator to allow it.' },
	89507: { what: 'An administrator rejected calls from this IP.', do: 'WeChat blocks the IP for 1 hour; ask an administrator to allow it.' },
};

function refusalOf(errcode: number): RefusalWords | undefined {
	return REFUSALS[errcode];
}

/**
 * The Official Account's words for WeChat's errcodes, handed to every error the client raises. What
 * an unknown outcome may have done, and errcodes that mean something else for one operation, are
 * said by the operation (`outcome`, `refusals` of its definition).
 */
export const OFFICIAL_ACCOUNT_WORDING: RefusalWording = {
	summaryFor: (errcode) => refusalOf(errcode)?.what ?? '',
	hintFor: (errcode) => refusalOf(errcode)?.do ?? '',
};
