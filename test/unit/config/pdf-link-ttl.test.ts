import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../../src/config.ts";

// PDF_LINK_TTL_MINUTES (issue 10, item 8): how long a PDF link lives, 15 minutes unless set;
// anything but a whole number of minutes from 1 to a day stops the start, naming the variable.

describe("PDF_LINK_TTL_MINUTES", () => {
  it("is 15 minutes when unset", () => {
    expect(loadConfig({}).PDF_LINK_TTL_MINUTES).toBe(15);
  });

  it.each([
    ["1", 1],
    ["30", 30],
    [" 45 ", 45],
    ["1440", 1440],
  ])("%j is read as %i minutes", (value, minutes) => {
    expect(loadConfig({ PDF_LINK_TTL_MINUTES: value }).PDF_LINK_TTL_MINUTES).toBe(minutes);
  });

  it.each(["0", "-5", "1.5", "1441", "quinze", "15min", ""])("%j stops the start with a line naming the variable", (value) => {
    expect(() => loadConfig({ PDF_LINK_TTL_MINUTES: value })).toThrow(ConfigError);
    expect(() => loadConfig({ PDF_LINK_TTL_MINUTES: value })).toThrow("- PDF_LINK_TTL_MINUTES: must be a whole number of minutes, from 1 to 1440");
  });
});
