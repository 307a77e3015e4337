import { KF_CALLS } from '../../client/calls';
import { apiLine } from '../../../shared/client/calls';
import { stringParam } from '../../../shared/execution/input';
import type { OperationDefinition } from '../../execution/types';
import { accountPrefix, avatarMime } from '../../client/accounts';
import { headImageSize } from '../../client/agents';
import { AVATAR_CAP } from '../../client/downloadCaps';
import { WeChatInputError } from '../../../shared/errors';
import { kfAccountProperty, readKfAccount } from '../shared';
import { optionsCollection } from '../../../shared/execution/parameters';
import { outputFileFieldProperty } from '../../../shared/execution/binary';

export const downloadAvatar: OperationDefinition = {
	option: {
		name: 'Download',
		value: 'download',
		action: 'Download an avatar',
		description: 'Fetch an account’s current avatar as binary data (kf_headimgurl from getkflist)',
	},
	api: `${apiLine(KF_CALLS.listAgents)}, then GET kf_headimgurl`,
	properties: [
		kfAccountProperty(),
		outputFileFieldProperty('Name of the binary field to put the avatar in'),
		optionsCollection(),
	],
	async execute({ itemIndex, client }) {
		const kfAccount = readKfAccount(this, itemIndex);
		const property = stringParam(this, itemIndex, 'binaryPropertyName');
		const agent = (await client.listAgents()).find((a) => a.kf_account === kfAccount);
		if (!agent) {
			throw new WeChatInputError(
				'kfAccount',
				`"${kfAccount}" is not an account of this Official Account (not in getkflist)`,
			);
		}
		const url = agent.kf_headimgurl ?? '';
		const json = {
			kf_account: kfAccount,
			kf_id: agent.kf_id,
			kf_nick: agent.kf_nick,
			kf_headimgurl: url,
			head_image_size: headImageSize(url),
		};
		if (!url) return [{ json }];
		const file = await client.download(url, AVATAR_CAP);
		const { mimeType, extension } = avatarMime(file.contentType);
		const binary = await this.helpers.prepareBinaryData(
			file.body,
			`${accountPrefix(kfAccount)}.${extension}`,
			mimeType,
		);
		return [{ json: { ...json, mime_type: mimeType, file_size: file.body.length }, binary: { [property]: binary } }];
	},
};
