import { KF_CALLS } from '../../client/calls';
import { apiLine } from '../../../shared/client/calls';
import { inputBinaryFieldProperty, readBinaryInput } from '../../../shared/execution/binary';
import { stringParam } from '../../../shared/execution/input';
import type { OperationDefinition } from '../../execution/types';
import { avatarFileName, avatarMultipart, validateAvatar } from '../../client/accounts';
import { accountResult, kfAccountProperty, readKfAccount } from '../shared';
import { optionsCollection } from '../../../shared/execution/parameters';

export const uploadAvatar: OperationDefinition = {
	option: {
		name: 'Upload',
		value: 'upload',
		action: 'Upload an avatar',
		description: 'Set an account’s avatar from a JPEG of at most 5 MB, 640×640 recommended (kfaccount/uploadheadimg)',
	},
	api: apiLine(KF_CALLS.uploadHeadImage),
	outcome: { [KF_CALLS.uploadHeadImage.path]: { done: 'set the avatar', then: 'check with Avatar → Download before running it again' } },
	properties: [
		kfAccountProperty(),
		inputBinaryFieldProperty('Name of the binary field holding the JPEG image'),
		optionsCollection(),
	],
	async execute({ itemIndex, client }) {
		const kfAccount = readKfAccount(this, itemIndex);
		const property = stringParam(this, itemIndex, 'binaryPropertyName');
		const { bytes: image, fileName: given } = await readBinaryInput(this, itemIndex, property, 'Input Binary Field', 'the JPEG');
		validateAvatar(image, 'binaryPropertyName', given);
		const fileName = avatarFileName(kfAccount, given);
		const res = await client.uploadHeadImage(kfAccount, await avatarMultipart(image, fileName));
		return { ...accountResult(kfAccount, 'upload', res), file_name: fileName, file_size: image.length };
	},
};
