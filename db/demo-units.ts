// The demo county 同心县: its government office, 12 townships/管委会 and 20 departments (stable lowercase codes).
export interface DemoUnit {
  code: string;
  name: string;
  kind: "region" | "gov_office" | "township" | "department";
  /** Relative size of its workload, used by the demo report generator (townships small, some departments large). */
  weight: number;
}

export const DEMO_REGION: DemoUnit = { code: "tongxin", name: "同心县", kind: "region", weight: 0 };

export const DEMO_FILERS: DemoUnit[] = [
  { code: "tongxin-gov-office", name: "同心县人民政府办公室", kind: "gov_office", weight: 4 },
  { code: "yuhai-town", name: "同心县豫海镇人民政府", kind: "township", weight: 2 },
  { code: "hexi-town", name: "同心县河西镇人民政府", kind: "township", weight: 1 },
  { code: "dingtang-town", name: "同心县丁塘镇人民政府", kind: "township", weight: 1 },
  { code: "weizhou-town", name: "同心县韦州镇人民政府", kind: "township", weight: 1 },
  { code: "xiamaguan-town", name: "同心县下马关镇人民政府", kind: "township", weight: 1 },
  { code: "yuwang-town", name: "同心县预旺镇人民政府", kind: "township", weight: 1 },
  { code: "wangtuan-town", name: "同心县王团镇人民政府", kind: "township", weight: 1 },
  { code: "tianlaozhuang-township", name: "同心县田老庄乡人民政府", kind: "township", weight: 1 },
  { code: "magaozhuang-township", name: "同心县马高庄乡人民政府", kind: "township", weight: 1 },
  { code: "zhangjiayuan-township", name: "同心县张家塬乡人民政府", kind: "township", weight: 1 },
  { code: "xinglong-township", name: "同心县兴隆乡人民政府", kind: "township", weight: 1 },
  { code: "shishi-committee", name: "同心县石狮开发区管理委员会", kind: "township", weight: 1 },
  { code: "dept-development-reform", name: "同心县发展和改革局", kind: "department", weight: 2 },
  { code: "dept-education", name: "同心县教育局", kind: "department", weight: 3 },
  { code: "dept-public-security", name: "同心县公安局", kind: "department", weight: 5 },
  { code: "dept-civil-affairs", name: "同心县民政局", kind: "department", weight: 2 },
  { code: "dept-justice", name: "同心县司法局", kind: "department", weight: 2 },
  { code: "dept-finance", name: "同心县财政局", kind: "department", weight: 2 },
  { code: "dept-human-resources", name: "同心县人力资源和社会保障局", kind: "department", weight: 3 },
  { code: "dept-natural-resources", name: "同心县自然资源局", kind: "department", weight: 6 },
  { code: "dept-housing", name: "同心县住房和城乡建设局", kind: "department", weight: 4 },
  { code: "dept-transport", name: "同心县交通运输局", kind: "department", weight: 2 },
  { code: "dept-water", name: "同心县水务局", kind: "department", weight: 2 },
  { code: "dept-agriculture", name: "同心县农业农村局", kind: "department", weight: 3 },
  { code: "dept-commerce", name: "同心县商务和投资促进局", kind: "department", weight: 1 },
  { code: "dept-culture-tourism", name: "同心县文化旅游广电局", kind: "department", weight: 1 },
  { code: "dept-health", name: "同心县卫生健康局", kind: "department", weight: 3 },
  { code: "dept-emergency", name: "同心县应急管理局", kind: "department", weight: 2 },
  { code: "dept-audit", name: "同心县审计局", kind: "department", weight: 1 },
  { code: "dept-market-regulation", name: "同心县市场监督管理局", kind: "department", weight: 4 },
  { code: "dept-statistics", name: "同心县统计局", kind: "department", weight: 1 },
  { code: "dept-medical-security", name: "同心县医疗保障局", kind: "department", weight: 2 },
];

export const DEMO_PASSWORD = "nianbao-demo";
export const DEMO_CLERK_UNIT = "yuhai-town";

export const DEMO_ACCOUNTS = [
  { username: "admin", displayName: "系统管理员", role: "admin" as const, unit: null, region: null },
  { username: "supervisor", displayName: "县政务公开办 审核员", role: "supervisor" as const, unit: "tongxin-gov-office", region: "tongxin" },
  { username: "clerk", displayName: "豫海镇 填报员", role: "clerk" as const, unit: DEMO_CLERK_UNIT, region: null },
];

/** 2019–2020 use the 2019 format, later years 2021; 2021–2025 are closed, 2026 is the open year. */
export const DEMO_YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026].map((year) => ({
  year,
  formatVersion: year <= 2020 ? "2019" : "2021",
  unitDeadline: `${year + 1}-01-31`,
  countyDeadline: `${year + 1}-02-20`,
  status: year === 2026 ? ("open" as const) : ("closed" as const),
}));
