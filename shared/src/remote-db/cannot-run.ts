/** A reason a service cannot start on its database that no retry will change: said in one line, and the process stops. */
export class CannotRun extends Error {}
