/** Slice elasticity for the @nss simulator: P-point threshold triggers, vertical then horizontal scaling, cooldown (under construction). */
export const PACKAGE_NAME = '@nss/scaling-elastic';
