// The package ships plain CommonJS without types: this describes the one function it exports.
declare module "@socialgouv/jours-feries" {
  /** Holidays of `year` by French name, as local-midnight Dates; Alsace-Moselle adds two. */
  function joursFeries(year: number, options?: { alsace?: boolean }): Record<string, Date>;
  export = joursFeries;
}
