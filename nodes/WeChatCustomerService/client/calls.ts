// Every kf call the client makes, by the path WeChat documents: the one place each path is written.
// `write` calls change something on WeChat's side: when their answer is lost WeChat may have done
// them anyway, so every operation that makes one says how the user can check (its `outcome`).

interface KfCall {
	method: 'GET' | 'POST';
	path: string;
	kind: 'read' | 'write';
}

const call = (method: KfCall['method'], path: string, kind: KfCall['kind']): KfCall => ({ method, path, kind });

export const KF_CALLS = {
	listAgents: call('GET', '/cgi-bin/customservice/getkflist', 'read'),
	listOnlineAgents: call('GET', '/cgi-bin/customservice/getonlinekflist', 'read'),
	msgList: call('POST', '/customservice/msgrecord/getmsglist', 'read'),
	legacyRecords: call('POST', '/customservice/msgrecord/getrecord', 'read'),
	addAccount: call('POST', '/customservice/kfaccount/add', 'write'),
	updateAccount: call('POST', '/customservice/kfaccount/update', 'write'),
	deleteAccount: call('POST', '/customservice/kfaccount/del', 'write'),
	inviteWorker: call('POST', '/customservice/kfaccount/inviteworker', 'write'),
	uploadHeadImage: call('POST', '/customservice/kfaccount/uploadheadimg', 'write'),
	uploadMedia: call('POST', '/cgi-bin/media/upload', 'write'),
	getMedia: call('GET', '/cgi-bin/media/get', 'read'),
	createSession: call('POST', '/customservice/kfsession/create', 'write'),
	closeSession: call('POST', '/customservice/kfsession/close', 'write'),
	getSession: call('GET', '/customservice/kfsession/getsession', 'read'),
	listSessions: call('GET', '/customservice/kfsession/getsessionlist', 'read'),
	listWaitCases: call('GET', '/customservice/kfsession/getwaitcase', 'read'),
	sendMessage: call('POST', '/cgi-bin/message/custom/send', 'write'),
	sendTyping: call('POST', '/cgi-bin/message/custom/typing', 'write'),
} as const;

/** "POST /customservice/kfaccount/add": a call as the README's operations table names it. */
export function apiLine(kfCall: KfCall): string {
	return `${kfCall.method} ${kfCall.path}`;
}
