"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AVATAR_MAX_BYTES = exports.NICKNAME_MAX = exports.ACCOUNT_SUFFIX_MAX = exports.ACCOUNT_PREFIX_MAX = void 0;
exports.countCharacters = countCharacters;
exports.validateKfAccount = validateKfAccount;
exports.validateOpenid = validateOpenid;
exports.accountPrefix = accountPrefix;
exports.validateNickname = validateNickname;
exports.legacyPassword = legacyPassword;
exports.validateAvatar = validateAvatar;
exports.avatarMultipart = avatarMultipart;
exports.avatarFileName = avatarFileName;
exports.avatarMime = avatarMime;
const node_crypto_1 = require("node:crypto");
const errors_1 = require("./errors");
const fileTypes_1 = require("./fileTypes");
const multipart_1 = require("./multipart");
exports.ACCOUNT_PREFIX_MAX = 10;
exports.ACCOUNT_SUFFIX_MAX = 30;
exports.NICKNAME_MAX = 16;
exports.AVATAR_MAX_BYTES = 5 * 1024 * 1024;
const PREFIX_RE = /^[A-Za-z0-9_]+$/;
const segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl
    ? new Intl.Segmenter(undefined, { granularity: 'grapheme' })
    : undefined;
function countCharacters(text) {
    return segmenter ? Array.from(segmenter.segment(text)).length : Array.from(text).length;
}
function validateKfAccount(value, field = 'kfAccount') {
    const at = value.indexOf('@');
    if (at === -1 || at !== value.lastIndexOf('@')) {
        throw new errors_1.WeChatInputError(field, `must be the full account "prefix@OfficialAccountWeChatID" with exactly one "@", got "${value}"`);
    }
    const prefix = value.slice(0, at);
    const suffix = value.slice(at + 1);
    if (!prefix)
        throw new errors_1.WeChatInputError(field, `has no prefix before the "@" in "${value}"`);
    if (prefix.length > exports.ACCOUNT_PREFIX_MAX) {
        throw new errors_1.WeChatInputError(field, `prefix "${prefix}" is ${prefix.length} characters; WeChat allows at most ${exports.ACCOUNT_PREFIX_MAX}`);
    }
    if (!PREFIX_RE.test(prefix)) {
        throw new errors_1.WeChatInputError(field, `prefix "${prefix}" may contain only letters, digits and underscores`);
    }
    if (!suffix) {
        throw new errors_1.WeChatInputError(field, `has no Official Account WeChat ID after the "@" in "${value}"`);
    }
    if (suffix.length > exports.ACCOUNT_SUFFIX_MAX || /\s/.test(suffix)) {
        throw new errors_1.WeChatInputError(field, `suffix "${suffix}" is not an Official Account WeChat ID (at most ${exports.ACCOUNT_SUFFIX_MAX} characters, no spaces)`);
    }
    return value;
}
const OPENID_RE = /^[A-Za-z0-9_-]+$/;
function validateOpenid(value, field = 'openid') {
    if (!OPENID_RE.test(value)) {
        throw new errors_1.WeChatInputError(field, `must be an openid (letters, digits, "_" and "-" only), got "${value}"`);
    }
    return value;
}
function accountPrefix(kfAccount) {
    return kfAccount.slice(0, kfAccount.indexOf('@'));
}
function validateNickname(value, field = 'nickname') {
    const length = countCharacters(value);
    if (length > exports.NICKNAME_MAX) {
        throw new errors_1.WeChatInputError(field, `is ${length} characters; WeChat allows at most ${exports.NICKNAME_MAX} (a Chinese character or an emoji counts as one)`);
    }
    return value;
}
function legacyPassword(password, isPlain, field = 'password') {
    if (isPlain)
        return (0, node_crypto_1.createHash)('md5').update(password, 'utf8').digest('hex');
    if (!/^[0-9a-fA-F]{32}$/.test(password)) {
        throw new errors_1.WeChatInputError(field, 'must be a 32-character MD5 hex digest when "Password Is Plain" is off');
    }
    return password.toLowerCase();
}
function validateAvatar(buf, field, fileName) {
    const named = fileName ? ` "${fileName}"` : '';
    if (buf.length === 0)
        throw new errors_1.WeChatInputError(field, `holds an empty file${named}`);
    if (!(0, fileTypes_1.isJpeg)(buf)) {
        throw new errors_1.WeChatInputError(field, `is not a JPEG image: the file${named} ${(0, fileTypes_1.describeContent)(buf)}, not FF D8 FF. WeChat accepts only JPEG avatars`);
    }
    if (buf.length > exports.AVATAR_MAX_BYTES) {
        throw new errors_1.WeChatInputError(field, `is ${buf.length} bytes${named}; WeChat accepts avatars of at most 5 MB (${exports.AVATAR_MAX_BYTES} bytes)`);
    }
}
function avatarMultipart(image, fileName) {
    return (0, multipart_1.fileMultipart)(image, fileName, 'image/jpeg');
}
function avatarFileName(kfAccount, given) {
    return (0, fileTypes_1.fileNameFor)((0, fileTypes_1.fileTypeInfo)('jpeg'), given, accountPrefix(kfAccount));
}
function avatarMime(contentType) {
    const mimeType = (contentType ?? '').split(';')[0].trim().toLowerCase() || 'image/jpeg';
    return { mimeType, extension: (0, fileTypes_1.fileTypeByMime)(mimeType)?.extension ?? 'jpg' };
}
