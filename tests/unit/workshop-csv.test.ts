import { describe, expect, it } from "vitest";
import { csvCell, exportCsv } from "../../workshop/csv";

describe("CSV export", () => {
  it("neutralises cells a spreadsheet would run as formulas", () => {
    for (const cell of ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"]) expect(csvCell(cell).replace(/^"/, "")).toMatch(/^'/);
    expect(csvCell("Ada")).toBe("Ada");
    expect(csvCell(3)).toBe("3");
  });

  it("quotes per RFC 4180", () => {
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
  });

  it("writes a header, one CRLF line per learner, and a BOM", () => {
    const csv = exportCsv([{ name: "Ada", joinedAt: "2030-01-01T00:00:00.000Z", runs: 3, lastStatus: "ok", passed: ["l/a", "l/b"], handRaised: true }]);
    expect(csv).toBe("\uFEFFname,joined at,runs,last status,exercises passed,exercises,hand raised\r\nAda,2030-01-01T00:00:00.000Z,3,ok,2,l/a;l/b,yes\r\n");
  });
});
