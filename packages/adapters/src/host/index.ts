/** @nss/adapters/host (under construction). */
export const ADAPTER = 'host';
