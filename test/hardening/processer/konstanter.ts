/** What the child in inlamnare.ts submits for: Alex Wilber (controller for Socialnämnden), these units and months. */
export const ALEX = '00000000-0000-0000-0000-0000000000020';
export const ENHETER = ['hemtjanst', 'sabo', 'korttid', 'hsl', 'bou', 'vuxen', 'ekbistand', 'flykting'];
export const PERIODER = ['2025-11', '2025-12', '2025-12'];
