// What each role sees in the console, mirroring the server's checks (the server still decides every call).
import type { Me, Role } from "../shared/types";

export const caseReaders: Role[] = ["nationalSupervisor", "provincialSupervisor", "provincialAnalyst", "communeChief", "managingOfficer"];
export const caseWorkers: Role[] = ["communeChief", "managingOfficer"];
export const responders: Role[] = [...caseWorkers, "provincialSupervisor", "nationalSupervisor"];
export const deviceReaders: Role[] = [...caseReaders, "deviceLogistics"];
export const statisticsReaders: Role[] = [...caseReaders, "deviceLogistics"];
export const hotspotEditors: Role[] = ["nationalSupervisor", "provincialSupervisor", "provincialAnalyst"];
/** The server's Access.Investigators: who may search everyone's whereabouts, with a stated reason. */
export const investigators: Role[] = ["nationalSupervisor", "provincialSupervisor", "provincialAnalyst", "communeChief"];

/** The audit log is read by national supervisors and administrators of the national level only. */
export const readsAudit = (me: Me) => (me.role === "nationalSupervisor" || me.role === "systemAdministrator") && me.unit?.level === "national";
/** Units are created and communes imported by the national administrator. */
export const managesUnits = (me: Me) => me.role === "systemAdministrator" && me.unit?.level === "national";

export const can = (me: Me, roles: Role[]) => roles.includes(me.role);

export type Screen = "map" | "alerts" | "people" | "requests" | "devices" | "hotspots" | "statistics" | "investigations" | "users" | "compliance" | "units" | "audit";

export function screens(me: Me): Screen[] {
  const list: Screen[] = [];
  if (can(me, caseReaders)) list.push("map", "alerts", "people");
  if (can(me, caseWorkers)) list.push("requests");
  if (can(me, deviceReaders)) list.push("devices");
  if (can(me, caseReaders)) list.push("hotspots");
  if (can(me, statisticsReaders)) list.push("statistics");
  if (can(me, investigators)) list.push("investigations");
  if (can(me, caseReaders)) list.push("compliance");
  if (me.role === "systemAdministrator") list.push("users");
  if (managesUnits(me)) list.push("units");
  if (readsAudit(me)) list.push("audit");
  return list;
}
