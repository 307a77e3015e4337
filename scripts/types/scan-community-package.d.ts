// n8n's community-package scanner ships JavaScript without types; scripts/scan-package.mjs uses these two exports.
declare module '@n8n/scan-community-package/scanner/scanner.mjs' {
	export const SOURCE_FILE_PATTERNS: string[];
	export function analyzePackage(dir: string, patterns: string[]): Promise<{ passed: boolean; message?: string }>;
}
