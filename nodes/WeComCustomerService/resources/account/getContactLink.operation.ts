import { inputError, stringParam } from '../../../shared/execution/input';
import { optionsCollection } from '../../../shared/execution/parameters';
import { apiLine } from '../../../shared/client/calls';
import { WECOM_CALLS } from '../../client/calls';
import { addContactWay, checkScene, linkWithSceneParam } from '../../client/accounts';
import type { OperationDefinition } from '../../execution/types';
import { openKfIdProperty, readOpenKfId } from '../shared';

export const getContactLink: OperationDefinition = {
	option: {
		name: 'Get Contact Link',
		value: 'getContactLink',
		action: 'Get a contact link',
		description:
			'Get the link (for a button, a QR code or a menu) that opens a chat with the account; a scene tells you where the customer came from (kf/add_contact_way)',
	},
	api: apiLine(WECOM_CALLS.addContactWay),
	properties: [
		openKfIdProperty(),
		{
			displayName: 'Scene',
			name: 'scene',
			type: 'string',
			default: '',
			placeholder: 'e.g. order_page',
			description:
				'Where the link is placed, at most 32 letters, digits, _ or -; it comes back in the enter_session event of a customer who opens the link. Empty: a link without a scene.',
		},
		{
			displayName: 'Scene Param',
			name: 'sceneParam',
			type: 'string',
			default: '',
			placeholder: 'e.g. order=1001',
			description:
				'Optional: a value appended to the link as scene_param (at most 128 bytes once URL-encoded), also output as its own link; it comes back in enter_session beside the scene',
			displayOptions: { hide: { scene: [''] } },
		},
		optionsCollection(),
	],
	async execute({ itemIndex, client }) {
		const openKfId = readOpenKfId(this, itemIndex);
		const rawScene = stringParam(this, itemIndex, 'scene', { optional: true });
		const scene = rawScene ? checkScene('scene', rawScene) : undefined;
		const sceneParam = stringParam(this, itemIndex, 'sceneParam', { optional: true });
		if (sceneParam && !scene) throw inputError('sceneParam', 'needs a Scene: WeCom passes scene_param on only for a link made with a scene');
		// Checked before the request with a stand-in link: the length does not depend on it.
		if (sceneParam) linkWithSceneParam('sceneParam', '', sceneParam);
		const url = await addContactWay(client, openKfId, scene);
		return {
			open_kfid: openKfId,
			...(scene ? { scene } : {}),
			url,
			...(sceneParam ? { scene_param: sceneParam, url_with_scene_param: linkWithSceneParam('sceneParam', url, sceneParam) } : {}),
		};
	},
};
