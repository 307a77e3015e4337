import type { IExecuteFunctions } from 'n8n-workflow';

import { stringParam } from '../../../shared/execution/input';
import { checkText, KNOWLEDGE_LIMITS } from '../../client/knowledge';

/** The group name of item `itemIndex`: 1–12 characters. */
export function readGroupName(ctx: IExecuteFunctions, itemIndex: number): string {
	return checkText('name', stringParam(ctx, itemIndex, 'name'), KNOWLEDGE_LIMITS.groupName);
}
