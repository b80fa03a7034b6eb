/**
 * @nss/adapters: bridges from the simulator to real systems. Import an adapter by its subpath:
 * `@nss/adapters/dpdk`, `@nss/adapters/haproxy`, `@nss/adapters/openwhisk`, `@nss/adapters/host`.
 */
export const ADAPTERS = ['dpdk', 'haproxy', 'openwhisk', 'host'] as const;
