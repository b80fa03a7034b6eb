/** Traffic forecasting, failure prediction, classification and clustering for network functions, with model serving (under construction). */
export const PACKAGE_NAME = '@nss/ml';
