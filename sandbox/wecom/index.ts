// The sandbox's 微信客服 on WeCom: what other sandbox files and tests import.
export { SANDBOX_WECOM } from './demoCredential';
export { WECOM_DEMO, seedWeComDemo } from './demo';
export { WECOM_ROUTES, withWeComMedia } from './routes';
export { SANDBOX_WECOM_PATHS } from './routes/sandbox';
export { WeComState } from './state';
export { sendCallback, verifyCallbackUrl, type Delivery, type DeliveryOptions } from './callback';
export * as weComCustomers from './customers';
