/** The store cannot be opened or written; the message says what to do, in Swedish. */
export class Lagringsfel extends Error {}
