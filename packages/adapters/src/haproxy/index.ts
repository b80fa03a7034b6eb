/** @nss/adapters/haproxy (under construction). */
export const ADAPTER = 'haproxy';
