// Runs A (Record → Get Many through WorkflowExecute) a few times against the fast server, for a
// CPU profile of the node path: node --cpu-prof --cpu-prof-dir=/tmp/prof build-dev/bench/recordProfile.js 300000 5
import './setup-env';

import { runWorkflow } from '../test/helpers/workflow';
import { NODE_NAME, benchCredential, recordWorkflow, startFastServer } from './recordParts';

async function main() {
	const n = Number(process.argv[2] ?? 300000);
	const rounds = Number(process.argv[3] ?? 5);
	const server = await startFastServer(n);
	for (let r = 0; r < rounds; r++) {
		const t = performance.now();
		const result = await runWorkflow(recordWorkflow(), benchCredential(server.url));
		if (result.error) throw result.error;
		console.log(`${result.output(NODE_NAME).length} items in ${Math.round(performance.now() - t)} ms`);
	}
	server.stop();
}

void main();
