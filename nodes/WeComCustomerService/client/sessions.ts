import type { WeComClient } from './WeComClient';
import { WECOM_CALLS } from './calls';

/** WeCom's session states, 0–4. */
export const SERVICE_STATE_NAMES: Record<number, string> = {
	0: 'unhandled',
	1: 'smart_assistant',
	2: 'waiting_pool',
	3: 'human_servicer',
	4: 'ended',
};

export function serviceStateName(state: number): string {
	return SERVICE_STATE_NAMES[state] ?? 'unknown';
}

/** The states a session can be moved to (kf/service_state/trans). */
export const TRANSFER_STATES = [1, 2, 3, 4] as const;
export type TransferState = (typeof TRANSFER_STATES)[number];

/** The state a servicer_userid must come with. */
export const HUMAN_SERVICER_STATE = 3;

interface Session {
	open_kfid: string;
	external_userid: string;
}

type StateAnswer = {
	errcode: number;
	errmsg: string;
	service_state?: number;
	servicer_userid?: string;
	msg_code?: string;
};

/** kf/service_state/get: the state, named, and who serves the customer in state 3. */
export async function getServiceState(client: WeComClient, session: Session): Promise<Record<string, unknown>> {
	const answer = await client.read<StateAnswer>(WECOM_CALLS.getSessionState.path, session);
	const state = Number(answer.service_state ?? 0);
	return {
		...session,
		service_state: state,
		service_state_name: serviceStateName(state),
		servicer_userid: answer.servicer_userid ?? '',
	};
}

/**
 * kf/service_state/trans: moves the session to `state` (3 with `servicerUserId`). WeCom answers a
 * msg_code the first time a session enters the pool or a servicer, and when it ends: one message
 * may be sent with it (kf/send_msg_on_event).
 */
export async function transferSession(
	client: WeComClient,
	session: Session,
	state: TransferState,
	servicerUserId?: string,
): Promise<Record<string, unknown>> {
	const body = { ...session, service_state: state, ...(servicerUserId ? { servicer_userid: servicerUserId } : {}) };
	const answer = await client.write<StateAnswer>(WECOM_CALLS.transferSession.path, body);
	return {
		...session,
		service_state: state,
		service_state_name: serviceStateName(state),
		servicer_userid: servicerUserId ?? '',
		msg_code: answer.msg_code ?? '',
	};
}
