// Every kf call the client makes, by the path WeChat documents: the one place each path is written.
import { apiCall } from '../../shared/client/calls';

export const KF_CALLS = {
	listAgents: apiCall('GET', '/cgi-bin/customservice/getkflist', 'read'),
	listOnlineAgents: apiCall('GET', '/cgi-bin/customservice/getonlinekflist', 'read'),
	msgList: apiCall('POST', '/customservice/msgrecord/getmsglist', 'read'),
	legacyRecords: apiCall('POST', '/customservice/msgrecord/getrecord', 'read'),
	addAccount: apiCall('POST', '/customservice/kfaccount/add', 'write'),
	updateAccount: apiCall('POST', '/customservice/kfaccount/update', 'write'),
	deleteAccount: apiCall('POST', '/customservice/kfaccount/del', 'write'),
	inviteWorker: apiCall('POST', '/customservice/kfaccount/inviteworker', 'write'),
	uploadHeadImage: apiCall('POST', '/customservice/kfaccount/uploadheadimg', 'write'),
	uploadMedia: apiCall('POST', '/cgi-bin/media/upload', 'write'),
	getMedia: apiCall('GET', '/cgi-bin/media/get', 'read'),
	createSession: apiCall('POST', '/customservice/kfsession/create', 'write'),
	closeSession: apiCall('POST', '/customservice/kfsession/close', 'write'),
	getSession: apiCall('GET', '/customservice/kfsession/getsession', 'read'),
	listSessions: apiCall('GET', '/customservice/kfsession/getsessionlist', 'read'),
	listWaitCases: apiCall('GET', '/customservice/kfsession/getwaitcase', 'read'),
	sendMessage: apiCall('POST', '/cgi-bin/message/custom/send', 'write'),
	sendTyping: apiCall('POST', '/cgi-bin/message/custom/typing', 'write'),
} as const;
