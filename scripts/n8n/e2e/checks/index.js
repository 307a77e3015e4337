// @ts-check
'use strict';
/**
 * The e2e checks, in the order they run. Each entry is a check module (see ../index.js for the shape) or a function
 * of the context returning a list of checks. To add a check: create one file here and list it below; checks that
 * need the shared `n8n start` (needs: 'n8n') should stay next to the others that do, so n8n starts once.
 */
module.exports = [
	require('./setup'),
	require('./demoCredentialReplaced'),
	...require('./installPaths'),
	require('./workflows'),
	require('./examples'),
	require('./n8nStart'),
	require('./nodeType'),
	require('./tokenReuse'),
	require('./httpRequest'),
	require('./editor'),
	require('./editorPolish'),
	require('./npmStart'),
	require('./npmStartRestart'),
	...require('./trigger'),
	...require('./weComTrigger'),
	require('./n8n1x'),
	require('./coverage'),
];
