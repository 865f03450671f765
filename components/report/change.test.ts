import { describe, expect, it } from "vitest";
import { changeOf } from "./change";

describe("changeOf", () => {
  it("is exact on decimal strings a double cannot hold", () => {
    expect(changeOf("123456789012345.123456", "123456789012345.123455")?.delta).toBe("0.000001");
    expect(changeOf("0.3", "0.1")?.delta).toBe("0.2");
    expect(changeOf("5", "12")).toMatchObject({ delta: "-7", large: false });
  });

  it("large: more than 50 % and at least 10, or from 0 to something", () => {
    expect(changeOf("31", "20")?.large).toBe(true); // +11, +55 %
    expect(changeOf("30", "20")?.large).toBe(false); // +10, exactly 50 %
    expect(changeOf("9", "1")?.large).toBe(false); // +800 % but only 8
    expect(changeOf("0", "25")?.large).toBe(true); // -25, -100 %
    expect(changeOf("1", "0")).toMatchObject({ large: true, pct: null });
    expect(changeOf("0", "0")).toMatchObject({ large: false, pct: null, delta: "0" });
    expect(changeOf("1000000000000000000001", "1000000000000000000000")?.large).toBe(false);
  });

  it("nothing to compare: a blank on either side or a value that is not a number", () => {
    expect(changeOf(null, "1")).toBeNull();
    expect(changeOf("1", undefined)).toBeNull();
    expect(changeOf("abc", "1")).toBeNull();
  });
});
