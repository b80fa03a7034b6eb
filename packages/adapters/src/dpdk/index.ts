/** @nss/adapters/dpdk (under construction). */
export const ADAPTER = 'dpdk';
