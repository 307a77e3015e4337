// @ts-check
'use strict';
/** Headless Chromium for the editor check: Debian's chromium, driven by puppeteer-core installed into the cache. */
const fs = require('fs');
const path = require('path');

const { cacheRoot } = require('../runtime');
const { run } = require('./proc');

const PUPPETEER_VERSION = '24.43.1';
const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-extensions', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-default-apps'];

function findChromium() {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
	return candidates.find((c) => c && fs.existsSync(c));
}

const isRootWithApt = () => process.getuid && process.getuid() === 0 && fs.existsSync('/usr/bin/apt-get');
const aptEnv = () => ({ ...process.env, DEBIAN_FRONTEND: 'noninteractive' });

/** @param {Record<string, number>} timings */
async function ensureChromium(timings) {
	let chromium = findChromium();
	if (chromium) return chromium;
	if (!isRootWithApt()) {
		throw new Error('Chromium not found: install Debian\'s chromium (apt-get install -y chromium) or set CHROMIUM_PATH');
	}
	console.log('[e2e] installing Chromium: apt-get update && apt-get install -y chromium');
	const t0 = Date.now();
	await run('apt-get', ['update', '-qq'], { quiet: true });
	await run('apt-get', ['install', '-y', '-qq', 'chromium'], { quiet: true, env: aptEnv() });
	timings.chromiumInstall = (Date.now() - t0) / 1000;
	chromium = findChromium();
	if (!chromium) throw new Error('apt-get install chromium finished but no chromium binary was found');
	return chromium;
}

/** The screenshot for docs/ shows Chinese nicknames and emoji; CI does not need the fonts. */
async function ensureCjkFonts() {
	if (fs.existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc')) return;
	if (isRootWithApt()) {
		await run('apt-get', ['install', '-y', '-qq', 'fonts-noto-cjk', 'fonts-noto-color-emoji'], { quiet: true, env: aptEnv() });
	} else console.log('[e2e] fonts-noto-cjk is missing: Chinese text in the screenshot will show as boxes');
}

/** @param {Record<string, number>} timings @returns {Promise<any>} puppeteer-core, installed at run time */
async function ensurePuppeteer(timings) {
	const dir = path.join(cacheRoot(), `browser-tools-puppeteer-core-${PUPPETEER_VERSION}`);
	const stamp = path.join(dir, '.installed');
	if (!fs.existsSync(stamp)) {
		const t0 = Date.now();
		fs.rmSync(dir, { recursive: true, force: true });
		fs.mkdirSync(dir, { recursive: true });
		fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'wechat-cs-browser-tools', private: true }, null, 2));
		await run('npm', ['install', `puppeteer-core@${PUPPETEER_VERSION}`, '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
			cwd: dir,
			quiet: true,
		});
		fs.writeFileSync(stamp, new Date().toISOString());
		timings.puppeteerInstall = (Date.now() - t0) / 1000;
	}
	return require(path.join(dir, 'node_modules', 'puppeteer-core'));
}

/** Launches headless Chromium (installing what is missing); `withFonts` for screenshots meant for docs/. */
async function launchBrowser({ timings = {}, withFonts = false } = {}) {
	const chromium = await ensureChromium(timings);
	if (withFonts) await ensureCjkFonts();
	const puppeteer = await ensurePuppeteer(timings);
	return await puppeteer.launch({ executablePath: chromium, headless: true, args: LAUNCH_ARGS });
}

module.exports = { launchBrowser };
