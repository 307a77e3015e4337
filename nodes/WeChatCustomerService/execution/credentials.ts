import type { IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import type { WeChatCredentialData } from '../client/credentialSettings';
import { OFFICIAL_ACCOUNT_API } from '../../shared/credentialTypes';

/** The action node's credential type: the router and the "From list" searches both read it. */
export const CREDENTIAL_TYPE = OFFICIAL_ACCOUNT_API;

/** The Official Account credential the action node (or its list search) runs with. */
export async function officialAccountCredentials(ctx: IExecuteFunctions | ILoadOptionsFunctions): Promise<WeChatCredentialData> {
	return (await ctx.getCredentials(CREDENTIAL_TYPE)) as WeChatCredentialData;
}
