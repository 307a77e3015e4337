import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared/execution/input';
import type { ServicerIds } from '../../client/servicers';
import { USERID_PATTERN } from '../shared';

const USERID = new RegExp(`^${USERID_PATTERN}$`);

/** The members and departments to add or remove: lists, one id per line or comma-separated. */
export const servicerIdProperties: INodeProperties[] = [
	{
		displayName: 'Member User IDs',
		name: 'userIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. zhangsan, lisi',
		description: 'WeCom members (their userid), separated by commas or new lines, or a list from an expression. More than 100 IDs are sent in several calls.',
	},
	{
		displayName: 'Department IDs',
		name: 'departmentIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. 2, 3',
		description: 'Whole departments (their numeric ID), separated by commas or new lines, or a list from an expression',
	},
];

/** The parameter's ids: a list from an expression, or text split at commas, semicolons and white space. */
function idsOf(raw: unknown): string[] {
	const parts = Array.isArray(raw) ? raw.map((v) => String(v ?? '')) : String(raw ?? '').split(/[\s,;，；]+/);
	return [...new Set(parts.map((p) => p.trim()).filter(Boolean))];
}

/** Reads and checks the ids of item `itemIndex`: at least one, each a userid or a department number. */
export function readServicerIds(ctx: IExecuteFunctions, itemIndex: number): ServicerIds {
	const userids = idsOf(ctx.getNodeParameter('userIds', itemIndex, ''));
	const departments = idsOf(ctx.getNodeParameter('departmentIds', itemIndex, ''));
	const badUser = userids.find((id) => !USERID.test(id));
	if (badUser !== undefined) {
		throw inputError('userIds', `must be WeCom userids (letters, digits, _ . @ and -, at most 64 each), got "${badUser}"`);
	}
	const badDepartment = departments.find((id) => !/^[1-9]\d{0,9}$/.test(id));
	if (badDepartment !== undefined) throw inputError('departmentIds', `must be department numbers, got "${badDepartment}"`);
	if (userids.length + departments.length === 0) throw inputError('userIds', 'and "Department IDs" are both empty: give at least one id');
	return { userids, departmentIds: departments.map(Number) };
}
