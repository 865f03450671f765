// The permission policy: who may do what, as pure functions over the acting user (design.md "Who may do what").
export type Role = "clerk" | "supervisor" | "admin";

export interface Actor {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  /** Clerk: the filer unit they report for. */
  unitId: number | null;
  unitCode: string | null;
  unitName: string | null;
  /** Supervisor: the region whose filers they oversee. */
  regionId: number | null;
  regionName: string | null;
  mustChangePassword: boolean;
  /** The client address of the current request, for the audit log. */
  ip: string | null;
}

export const ROLE_LABELS: Record<Role, string> = {
  clerk: "填报员",
  supervisor: "审核员",
  admin: "管理员",
};

/** Where each role starts after signing in. */
export function homePath(actor: Pick<Actor, "role">, openYear: number | null): string {
  switch (actor.role) {
    case "clerk":
      return "/fill";
    case "supervisor":
      return openYear ? `/review/${openYear}` : "/review";
    case "admin":
      return "/admin/units";
  }
}

/** A unit is in scope for a clerk when it is their own unit, for a supervisor when it lies below their region. */
export function isUnitInScope(actor: Actor, unitId: number, ancestorsOf: (unitId: number) => number[]): boolean {
  if (actor.role === "clerk") return actor.unitId === unitId;
  if (actor.role === "supervisor") {
    return actor.regionId !== null && (unitId === actor.regionId || ancestorsOf(unitId).includes(actor.regionId));
  }
  return false;
}

export function canReviewReports(actor: Actor): boolean {
  return actor.role === "supervisor";
}

export function canFillReports(actor: Actor): boolean {
  return actor.role === "clerk" && actor.unitId !== null;
}

export function canAdminister(actor: Actor): boolean {
  return actor.role === "admin";
}
