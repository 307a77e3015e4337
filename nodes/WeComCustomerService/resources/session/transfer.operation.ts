import { inputError } from '../../../shared/execution/input';
import { optionsCollection } from '../../../shared/execution/parameters';
import { apiLine } from '../../../shared/client/calls';
import { WECOM_CALLS } from '../../client/calls';
import { HUMAN_SERVICER_STATE, TRANSFER_STATES, transferSession, type TransferState } from '../../client/sessions';
import type { OperationDefinition } from '../../execution/types';
import {
	externalUserIdProperty,
	openKfIdProperty,
	readExternalUserId,
	readOpenKfId,
	readServicerUserId,
	servicerUserIdProperty,
} from '../shared';

/** The target state: an options parameter, or a number from an expression. */
function readTargetState(raw: unknown): TransferState {
	const state = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
	if (!(TRANSFER_STATES as readonly unknown[]).includes(state)) {
		throw inputError('serviceState', `must be 1, 2, 3 or 4, got ${JSON.stringify(raw)}`);
	}
	return state as TransferState;
}

export const transferSessionOperation: OperationDefinition = {
	option: {
		name: 'Transfer',
		value: 'transfer',
		action: 'Transfer a session',
		description:
			'Move a customer’s session to the smart assistant, the waiting pool, a human servicer, or end it; outputs the msg_code for Message → Send On Event (kf/service_state/trans)',
	},
	api: apiLine(WECOM_CALLS.transferSession),
	outcome: {
		[WECOM_CALLS.transferSession.path]: { done: 'changed the session state', then: 'check with Session → Get State before running it again' },
	},
	properties: [
		openKfIdProperty(),
		externalUserIdProperty,
		{
			displayName: 'To',
			name: 'serviceState',
			type: 'options',
			default: 3,
			options: [
				{ name: 'Smart Assistant (1)', value: 1, description: 'The account’s smart assistant (knowledge base) answers' },
				{ name: 'Waiting Pool (2)', value: 2, description: 'The customer waits until a servicer takes the session' },
				{ name: 'Human Servicer (3)', value: 3, description: 'A servicer who is receiving takes the session' },
				{ name: 'End Session (4)', value: 4, description: 'The session ends' },
			],
			description:
				'The state to move the session to. WeCom allows: from 0 to any; from 1 to 2, 3 or 4; from 2 to 3 or 4; from 3 to 3 (another servicer) or 4; an ended session (4) not at all.',
		},
		servicerUserIdProperty({
			displayOptions: { show: { serviceState: [HUMAN_SERVICER_STATE] } },
			description: 'The servicer who takes the session: a servicer of the account who is receiving',
		}),
		optionsCollection(),
	],
	async execute({ itemIndex, client }) {
		const session = { open_kfid: readOpenKfId(this, itemIndex), external_userid: readExternalUserId(this, itemIndex) };
		const state = readTargetState(this.getNodeParameter('serviceState', itemIndex, HUMAN_SERVICER_STATE));
		const servicer = state === HUMAN_SERVICER_STATE ? readServicerUserId(this, itemIndex) : undefined;
		return await transferSession(client, session, state, servicer);
	},
};
