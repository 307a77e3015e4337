// `npm run sandbox -- …` (scripts/sandbox.js runs this from build-dev/): start the WeChat sandbox, or
// push to / verify a trigger's Server URL.
import { SANDBOX_APP_ID, SANDBOX_APP_SECRET, startSandbox } from './index';
import { PUSH_USAGE, VERIFY_USAGE, option, runPushCli, runVerifyCli, usageExit } from './pushCli';

const SERVE_USAGE = 'npm run sandbox -- [--port N] [--seed demo|empty]';

/** Every command, for --help and for arguments the server does not take. */
const USAGE = `${SERVE_USAGE}
         start the WeChat sandbox on 127.0.0.1 (port 8787, or SANDBOX_PORT; demo data unless --seed empty)
       ${PUSH_USAGE.replace(/\n/g, '\n  ')}
         push a customer message or event to a trigger, signed and encrypted as WeChat does
       ${VERIFY_USAGE}
         send WeChat's Server URL verification to a trigger`;

/** `--port N --seed S` of the server, or the reason they are not understood. */
function serveOptions(argv: string[]): { port: number; seed: 'demo' | 'empty' } | string {
	const port = option(argv, 'port') ?? process.env.SANDBOX_PORT ?? '8787';
	const seed = option(argv, 'seed') ?? 'demo';
	if (!/^\d{1,5}$/.test(port) || Number(port) > 65535) return `cannot use port "${port}"`;
	if (seed !== 'demo' && seed !== 'empty') return `unknown --seed "${seed}"`;
	return { port: Number(port), seed };
}

async function serve(argv: string[]): Promise<number | undefined> {
	const exit = usageExit(argv, USAGE, ['port', 'seed']);
	if (exit !== undefined) return exit;
	const options = serveOptions(argv);
	if (typeof options === 'string') {
		console.error(`${options}\nusage: ${USAGE}`);
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
	if (command === 'help') {
		console.log(`usage: ${USAGE}`);
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
