import type { INodeProperties } from 'n8n-workflow';

export const accountNameProperty: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
	placeholder: 'e.g. 售后服务',
	description: 'Name customers see, at most 16 characters (a Chinese character or an emoji counts as one)',
};
