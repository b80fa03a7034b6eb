/** The reference's SmartPlacement for the @nss simulator, tie-break bugs fixed (under construction). */
export const PACKAGE_NAME = '@nss/placement-smart';
