// `npm run sandbox -- …` (scripts/sandbox.js runs this from build-dev/): start the WeChat sandbox, or
// push to / verify a trigger's Server URL.
import { SANDBOX_APP_ID, SANDBOX_APP_SECRET, startSandbox } from './index';
import { PUSH_USAGE, VERIFY_USAGE, runPushCli, runVerifyCli } from './pushCli';

const SERVE_USAGE = 'npm run sandbox -- [--port N] [--seed demo|empty]';

export const USAGE = `usage: ${SERVE_USAGE}
         start the WeChat sandbox on 127.0.0.1 (port 8787, or SANDBOX_PORT; demo data unless --seed empty)
       ${PUSH_USAGE.replace(/\n/g, '\n  ')}
         push a customer message or event to a trigger, signed and encrypted as WeChat does
       ${VERIFY_USAGE}
         send WeChat's Server URL verification to a trigger`;

/** `--port N --seed S` of the server, or the reason they are not understood. */
function serveOptions(argv: string[]): { port: number; seed: 'demo' | 'empty' } | string {
	let port = Number(process.env.SANDBOX_PORT ?? '8787');
	let seed: 'demo' | 'empty' = 'demo';
	for (let i = 0; i < argv.length; i += 2) {
		const [name, value] = [argv[i], argv[i + 1]];
		if (name === '--port' && value !== undefined && /^\d{1,5}$/.test(value) && Number(value) <= 65535) port = Number(value);
		else if (name === '--seed' && (value === 'demo' || value === 'empty')) seed = value;
		else return `cannot understand "${argv.slice(i, i + 2).join(' ')}"`;
	}
	return { port, seed };
}

async function serve(argv: string[]): Promise<number | undefined> {
	const options = serveOptions(argv);
	if (typeof options === 'string') {
		console.error(`${options}\n${USAGE}`);
		return 2;
	}
	const sb = await startSandbox({ port: options.port, host: '127.0.0.1', seed: options.seed });
	console.log(`WeChat kf sandbox listening on ${sb.url} (AppID ${SANDBOX_APP_ID}, AppSecret ${SANDBOX_APP_SECRET}, seed ${options.seed})`);
	const stop = async () => {
		await sb.stop();
		process.exit(0);
	};
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());
	return undefined; // keeps running
}

/** Runs the command of `argv`; resolves an exit code, or undefined while the sandbox serves. */
export async function runCli(argv: string[]): Promise<number | undefined> {
	const [command, ...rest] = argv;
	if (command === '--help' || command === '-h' || command === 'help') {
		console.log(USAGE);
		return 0;
	}
	if (command === 'push') return await runPushCli(rest);
	if (command === 'verify') return await runVerifyCli(rest);
	return await serve(argv);
}

if (require.main === module) {
	void runCli(process.argv.slice(2)).then((code) => {
		if (code !== undefined) process.exit(code);
	});
}
