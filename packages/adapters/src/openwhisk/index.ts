/** @nss/adapters/openwhisk (under construction). */
export const ADAPTER = 'openwhisk';
