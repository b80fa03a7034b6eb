/** Dispatch policies for @nss: random proportional to 1/weight, least-impedance, deficit round-robin with stale probing, proportional fairness, least-loaded; weight updaters; simulator dispatch plugins (under construction). */
export const PACKAGE_NAME = '@nss/dispatch';
