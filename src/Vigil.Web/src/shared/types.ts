// The API's JSON shapes (see docs/api.md), as the console and the wearer app read them.
export type Role = "nationalSupervisor" | "provincialSupervisor" | "provincialAnalyst" | "communeChief" | "managingOfficer"
  | "deviceLogistics" | "systemAdministrator" | "wearer" | "guardian";

export interface Unit { id: string; name: string; level: "national" | "provincial" | "commune"; provinceCode: string | null; communeCode: string | null }
export interface Me { id: string; username: string; displayName: string; role: Role; unit: Unit | null; personId: string | null; wardPersonId: string | null }
export interface LogIn { accessToken: string | null; secondFactorRequired: boolean; secondFactorToken: string | null }

export interface PersonSummary { id: string; fullName: string; group: string; provinceCode: string; communeCode: string }
export interface Guardian { id: string; fullName: string; relationship: string; phone: string; userId: string | null }
export interface Person extends PersonSummary {
  nationalId: string; dateOfBirth: string; sex: string; phone: string | null; residenceAddress: string;
  residenceLat: number | null; residenceLon: number | null; managingOfficerId: string | null; guardians: Guardian[]; version: number;
}

export interface DecisionAction { kind: string; effectiveAt: string; recordedAt: string; note: string | null; suspensionReason: string | null }
export interface Decision {
  id: string; number: string; personId: string; group: string; durationMonths: number; startDate: string; endDate: string;
  status: string; signedAt: string | null; endedAt: string | null; note: string | null; actions: DecisionAction[]; version: number;
}

export interface Circle { lat: number; lon: number; radiusMeters: number }
export interface ScheduleWindow { days: string[]; from: string; to: string }
export interface Zone { id?: string; kind: string; name: string; geometry?: GeoJSON.Polygon | GeoJSON.MultiPolygon | null; circle?: Circle | null; schedule?: ScheduleWindow[] | null }
export interface Scope { id: string; number: number; effectiveFrom: string; effectiveUntil: string | null; note: string | null; zones: Zone[] }

export interface Device {
  id: string; deviceId: string; serial: string; imei: string; model: string; firmware: string; status: string;
  holdingUnitId: string; provisioned: boolean; provisionedAt: string | null; assignedPersonId: string | null; version: number;
}
export interface DeviceHistoryItem { kind: string; occurredAt: string; position: string | null; replaced: boolean; personId: string | null }
export interface Proposal {
  id: string; provinceCode: string; communeCode: string; requested: number; caseload: number; justification: string | null; status: string; allocated: number;
  submittedAt: string; decisionNote: string | null;
}

export interface FormalRecord {
  id: string; kind: string; occurredAt: string; recordedAt: string; deviceId: string | null; position: string | null;
  reason: string | null; expectedEnd: string | null; notes: string | null; toCommuneCode: string | null; requestId: string | null;
}

export interface WearerRequest {
  id: string; personId: string; kind: string; status: string; reason: string; submittedAt: string; startsAt: string | null;
  expectedEnd: string | null; requestedPosition: string | null; fromCommuneCode: string | null; toCommuneCode: string | null; newAddress: string | null;
  decidedAt: string | null; decisionNote: string | null; version: number;
}

export interface Evidence { at: string; lat: number | null; lon: number | null; accuracyMeters: number | null; reading: string }
export interface AlertSummary {
  id: string; personId: string; deviceId: string | null; communeCode: string; rule: string; violationNumber: number | null;
  severity: "critical" | "high" | "medium"; state: "open" | "acknowledged" | "resolved"; conditionSince: string; raisedAt: string;
  conditionEndedAt: string | null; escalatedAt: string | null; outcome: string | null; version: number;
}
export interface AlertNote { id: string; at: string; text: string }
export interface Alert extends AlertSummary {
  detectedAt: string; evidence: Evidence[]; parameters: Record<string, string>; detail: string | null; resolution: string | null; notes: AlertNote[];
}
export interface AlertCounts { open: number; acknowledged: number; resolved: number; escalated: number }

export interface LatestPosition {
  personId: string; fullName: string; communeCode: string; deviceId: string; lat: number; lon: number;
  accuracyMeters: number | null; measuredAt: string; batteryPercent: number | null;
}
export interface TrackPoint { deviceId: string; measuredAt: string; lat: number; lon: number }
export interface Track { points: TrackPoint[]; truncated: boolean }
export interface VitalsPoint {
  measuredAt: string; heartRateBpm: number | null; spO2Percent: number | null; skinTemperatureC: number | null;
  respirationRatePerMin: number | null; hrvRmssdMs: number | null; steps: number | null; activity: number | null;
}
export interface Vitals { points: VitalsPoint[]; truncated: boolean }

export interface Hotspot {
  id: string; name: string; category: string; status: string; source: string; geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon | null; circle: Circle | null;
  provinceCode: string | null; notes: string | null; version: number;
}
export interface Commune { code: string; name: string; provinceCode: string; boundary: GeoJSON.Geometry | null }
export interface Province { code: string; nameVi: string; nameEn: string; centreLat: number; centreLon: number }
export interface User { id: string; username: string; displayName: string; role: Role; unitId: string | null; disabled?: boolean; lockedUntil?: string | null }
export interface Notification { id: string; personId: string | null; kind: string; titleVi: string; titleEn: string; bodyVi: string; bodyEn: string; createdAt: string; readAt: string | null }
export interface WebConfig { tileUrl: string; tileAttribution: string }

export interface LivePosition { personId: string; deviceId: string; lat: number; lon: number; accuracyMeters: number | null; measuredAt: string }
export interface LiveAlert { alertId: string; personId: string; rule: string; severity: string; state: string; at: string }

export interface AuditEntry {
  sequence: number; at: string; actorId: string | null; actorName: string; actorRole: string; action: string; entityType: string;
  entityId: string | null; personId: string | null; details: string | null; hash: string;
}
export interface AuditVerification { valid: boolean; entriesChecked: number; brokenAt: number | null; reason: string | null }
export interface ImportResult { added: number; updated: number; rejected: { index: number; field: string; reason: string }[] }
