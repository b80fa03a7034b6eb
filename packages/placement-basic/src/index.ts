/** Random and Naive placement for the @nss simulator (the reference's RandomPlacement and the seed README's NaivePlacement) (under construction). */
export const PACKAGE_NAME = '@nss/placement-basic';
