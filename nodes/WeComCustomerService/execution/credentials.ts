import type { IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import { WECOM_API } from '../../shared/credentialTypes';
import type { WeComCredentialData } from '../client/credentials';

/** The WeCom credential the action node (or its list search) runs with. */
export async function weComCredentials(ctx: IExecuteFunctions | ILoadOptionsFunctions): Promise<WeComCredentialData> {
	return (await ctx.getCredentials(WECOM_API)) as WeComCredentialData;
}
