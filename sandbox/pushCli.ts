// `npm run sandbox -- push --url <trigger URL> [--type text] [--content "你好"] ...`: WeChat pushes
// one message or event to a trigger. Through the running sandbox when there is one (so that the
// customer's 48-hour window opens there), else directly.
import { PUSH_TYPES, SANDBOX_PUSH, sendPush, verificationQuery, type PushMode, type PushReplyCheck, type PushSpec, type PushType } from './push';

export const PUSH_USAGE = `npm run sandbox -- push --url <trigger URL> [--type ${PUSH_TYPES.join('|')}]
       [--content TEXT] [--from OPENID] [--kf-account A] [--from-kf-account A] [--to-kf-account A]
       [--mode safe|compatible|plain] [--token T --aes-key K --app-id ID] [--sandbox URL | --direct]`;
export const VERIFY_USAGE = 'npm run sandbox -- verify --url <trigger URL> [--token T]';

const PUSH_OPTIONS = ['url', 'type', 'content', 'from', 'kf-account', 'from-kf-account', 'to-kf-account', 'mode', 'token', 'aes-key', 'app-id', 'sandbox'];

export function option(argv: string[], name: string): string | undefined {
	const i = argv.indexOf(`--${name}`);
	return i > -1 ? argv[i + 1] : undefined;
}

/** The first argument that is not `--name value` of `known` (or one of `flags`), as the user typed it. */
function unknownArgument(argv: string[], known: string[], flags: string[] = []): string | undefined {
	for (let i = 0; i < argv.length; i++) {
		const name = argv[i].replace(/^--/, '');
		if (argv[i].startsWith('--') && flags.includes(name)) continue;
		if (!argv[i].startsWith('--') || !known.includes(name) || argv[i + 1] === undefined) return argv[i];
		i++;
	}
	return undefined;
}

/** Usage on --help (exit 0) or on arguments the command does not take (exit 2); undefined when they are fine. */
export function usageExit(argv: string[], usage: string, known: string[], flags: string[] = []): number | undefined {
	if (argv.includes('--help') || argv.includes('-h')) {
		console.log(`usage: ${usage}`);
		return 0;
	}
	const unknown = unknownArgument(argv, known, flags);
	if (unknown === undefined) return undefined;
	console.error(`cannot understand "${unknown}"\nusage: ${usage}`);
	return 2;
}

/** One line for an answer that is not the trigger's: n8n's 404 of an unpublished or missing workflow, or any other status. */
function notTheTrigger(url: string, status: number, body: string): string {
	if (status === 404) {
		return `No published workflow listens at ${url} (n8n answered HTTP 404): publish the workflow in the editor (Publish, top right; n8n 1.x: the Active toggle) and check that the URL is its trigger's Production URL.`;
	}
	const said = body.replace(/\s+/g, ' ').trim().slice(0, 160);
	return `${url} answered HTTP ${status}${said ? `: ${said}` : ''}`;
}

/** `npm run sandbox -- verify --url <trigger URL> [--token T]`: the GET WeChat sends when the Server URL is saved. */
export async function runVerifyCli(argv: string[]): Promise<number> {
	const exit = usageExit(argv, VERIFY_USAGE, ['url', 'token']);
	if (exit !== undefined) return exit;
	const url = option(argv, 'url');
	if (!url) {
		console.error(`--url is missing\nusage: ${VERIFY_USAGE}`);
		return 2;
	}
	const echostr = String(Date.now()) + String(Math.floor(Math.random() * 1e6));
	const query = verificationQuery(option(argv, 'token') ?? SANDBOX_PUSH.token, echostr);
	let res: Response;
	try {
		res = await fetch(`${url}${url.includes('?') ? '&' : '?'}${query}`);
	} catch (error) {
		console.error(unreachable(url, error as Error));
		return 1;
	}
	const body = await res.text();
	const ok = res.status === 200 && body === echostr;
	if (!ok && res.status !== 200) console.error(notTheTrigger(url, res.status, body));
	else console.log(`URL verification (GET) to ${url}: HTTP ${res.status}, ${ok ? 'echostr echoed: WeChat would accept this Server URL' : `not accepted: ${body.slice(0, 200)}`}`);
	return ok ? 0 : 1;
}

/** One line for a trigger URL nothing answers at (n8n not running, a typo in the host or port). */
function unreachable(url: string, error: Error): string {
	const cause = (error.cause as { code?: string } | undefined)?.code;
	return `Could not reach ${url}: ${cause ?? error.message}. Is n8n running there (npm start)?`;
}

export async function runPushCli(argv: string[]): Promise<number> {
	const exit = usageExit(argv, PUSH_USAGE, PUSH_OPTIONS, ['direct']);
	if (exit !== undefined) return exit;
	const url = option(argv, 'url') ?? '';
	const type = (option(argv, 'type') ?? 'text') as PushType;
	const mode = (option(argv, 'mode') ?? 'safe') as PushMode;
	const wrong = !url ? '--url is missing' : !PUSH_TYPES.includes(type) ? `unknown --type "${type}"` : !['safe', 'compatible', 'plain'].includes(mode) ? `unknown --mode "${mode}"` : '';
	if (wrong) {
		console.error(`${wrong}\nusage: ${PUSH_USAGE}`);
		return 2;
	}
	const spec: PushSpec = {
		type,
		content: option(argv, 'content'),
		from: option(argv, 'from'),
		kfAccount: option(argv, 'kf-account'),
		fromKfAccount: option(argv, 'from-kf-account'),
		toKfAccount: option(argv, 'to-kf-account'),
	};
	const target = {
		token: option(argv, 'token') ?? SANDBOX_PUSH.token,
		encodingAESKey: option(argv, 'aes-key') ?? SANDBOX_PUSH.encodingAESKey,
		appId: option(argv, 'app-id') ?? SANDBOX_PUSH.appId,
	};
	const sandbox = option(argv, 'sandbox') ?? `http://127.0.0.1:${process.env.SANDBOX_PORT ?? '8787'}`;
	let result: PushReplyCheck | undefined;
	let via = 'directly (no sandbox running: no 48-hour window opened)';
	if (!argv.includes('--direct')) {
		try {
			const res = await fetch(`${sandbox}/sandbox/push`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ ...spec, url, mode, target }),
			});
			const json = (await res.json()) as PushReplyCheck & { error?: string };
			if (json.error) throw new Error(json.error);
			result = json;
			via = `through the sandbox at ${sandbox}`;
		} catch (error) {
			if (!(error instanceof TypeError)) {
				// The sandbox could not push: the trigger's URL is not reachable, or the push was refused before sending.
				console.error(unreachable(url, error as Error));
				return 1;
			}
			// fetch failed: no sandbox there
		}
	}
	if (!result) {
		try {
			result = await sendPush(url, { ...target, mode }, spec);
		} catch (error) {
			console.error(unreachable(url, error as Error));
			return 1;
		}
	}
	if (result.status !== 200) {
		console.error(notTheTrigger(url, result.status, result.body));
		return 1;
	}
	console.log(`Pushed a ${type} (${mode} mode) ${via} to ${url}`);
	console.log(`HTTP ${result.status}, reply: ${result.kind || '(empty)'}${result.encrypted ? ' (encrypted, signature verified)' : ''}`);
	if (result.fields.KfAccount) console.log(`transferred to ${result.fields.KfAccount}`);
	for (const p of result.problems) console.log(`problem: ${p}`);
	return result.problems.length ? 1 : 0;
}
