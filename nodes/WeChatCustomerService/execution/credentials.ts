import type { IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import type { WeChatCredentialData } from '../client/credentials';

/** The action node's credential type: the router and the "From list" searches both read it. */
export const CREDENTIAL_TYPE = 'weChatOfficialAccountApi';

/** The Official Account credential the action node (or its list search) runs with. */
export async function officialAccountCredentials(ctx: IExecuteFunctions | ILoadOptionsFunctions): Promise<WeChatCredentialData> {
	return (await ctx.getCredentials(CREDENTIAL_TYPE)) as WeChatCredentialData;
}
