/** Current time, passed in so that use-cases are testable. */
export type TClock = () => Date;
