/** Joint placement of a round as a mixed-integer program solved by HiGHS (WebAssembly) for the @nss simulator (under construction). */
export const PACKAGE_NAME = '@nss/placement-lp';
