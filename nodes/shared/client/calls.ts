// A call an API client makes, by the path its API documents. `write` calls change something on the
// service's side: when their answer is lost the service may have done them anyway, so every operation
// that makes one says how the user can check (its `outcome`).

export interface ApiCall {
	method: 'GET' | 'POST';
	path: string;
	kind: 'read' | 'write';
}

export const apiCall = (method: ApiCall['method'], path: string, kind: ApiCall['kind']): ApiCall => ({ method, path, kind });

/** "POST /customservice/kfaccount/add": a call as the README's operations tables name it. */
export function apiLine(call: ApiCall): string {
	return `${call.method} ${call.path}`;
}
