// The generated demo reports are deterministic, consistent across years and free of errors and warnings.
import { describe, expect, it } from "vitest";
import { validateReport } from "@/lib/report-format";
import { generateDemoSeries } from "./demo-reports";
import { DEMO_FILERS } from "./demo-units";

describe("demo reports", () => {
  it("every filer's 2024 and 2025 reports validate without any issue, 2025 checked against 2024", () => {
    for (const unit of DEMO_FILERS) {
      const [y2024, y2025] = generateDemoSeries(unit, [2024, 2025]);
      expect(validateReport(y2024!), `${unit.code} 2024`).toEqual([]);
      expect(validateReport(y2025!, { previous: y2024 }), `${unit.code} 2025`).toEqual([]);
    }
  });

  it("is deterministic and sized by unit (departments like 自然资源局 larger than townships)", () => {
    const a = generateDemoSeries(DEMO_FILERS[5]!, [2024, 2025]);
    const b = generateDemoSeries(DEMO_FILERS[5]!, [2024, 2025]);
    expect(a).toEqual(b);
    const total = (code: string) => {
      const unit = DEMO_FILERS.find((u) => u.code === code)!;
      const [r] = generateDemoSeries(unit, [2025]);
      return Number(r!.values["applications.new_received.natural_person"]);
    };
    expect(total("dept-natural-resources")).toBeGreaterThan(total("hexi-town"));
  });
});
