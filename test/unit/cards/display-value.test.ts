import { describe, expect, it } from "vitest";
import { displayValue } from "../../../src/cards/display-value.ts";
import { fieldSpec } from "../../../src/cards/section-form-fields.ts";

describe("displayValue of irregular periods", () => {
  const spec = fieldSpec("irregularPeriods");
  if (!spec) throw new Error("irregularPeriods has no field spec");
  const show = (rows: unknown[]) => displayValue("fr", "irregularPeriods", spec, rows, { labels: {} });

  it("shows the hours per day when the row has them", () => {
    expect(show([{ dateDebut: "2026-03-02", dateFin: "2026-03-06", hoursPerDay: 7.5 }])).toBe("du 02/03/2026 au 06/03/2026 : 7,5 h par jour");
  });

  it.each([[{}], [{ hoursPerDay: null }]])("shows a row without hours as its dates only (%o)", (hours) => {
    expect(show([{ dateDebut: "2026-03-02", dateFin: "2026-03-06", ...hours }])).toBe("du 02/03/2026 au 06/03/2026");
  });
});
