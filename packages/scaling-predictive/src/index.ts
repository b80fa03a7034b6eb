/** Predictive scaling for the @nss simulator: forecasts each VNF instance's arrival rate with @nss/ml and allocates CPU ahead of demand (under construction). */
export const PACKAGE_NAME = '@nss/scaling-predictive';
