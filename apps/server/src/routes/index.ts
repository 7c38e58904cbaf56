import type { App, AppContext } from '../app-types.ts';
import { registerGetAlertSummary } from './alerts/get-alert-summary.ts';
import { registerListAlerts } from './alerts/list-alerts.ts';
import { registerRecordAlertAction } from './alerts/record-alert-action.ts';
import { registerListAuditEvents } from './audit/list-audit-events.ts';
import { registerActivate } from './auth/activate.ts';
import { registerCheckActivation } from './auth/check-activation.ts';
import { registerGetMe } from './auth/get-me.ts';
import { registerListSessions } from './auth/list-sessions.ts';
import { registerLogin } from './auth/login.ts';
import { registerLogout } from './auth/logout.ts';
import { registerLogoutOthers } from './auth/logout-others.ts';
import { registerUpdateMe } from './auth/update-me.ts';
import { registerGetDatasetCsv } from './exports/get-dataset-csv.ts';
import { registerGetDatasetXlsx } from './exports/get-dataset-xlsx.ts';
import { registerCreateFacility } from './facilities/create-facility.ts';
import { registerGetCurrentFacility } from './facilities/get-current-facility.ts';
import { registerListFacilities } from './facilities/list-facilities.ts';
import { registerExportFhir } from './fhir/export-fhir.ts';
import { registerGetMotherFhir } from './fhir/get-mother-fhir.ts';
import { registerGetHealth } from './health/get-health.ts';
import { registerLiteratureRoutes } from './literature/register.ts';
import { registerListMessages } from './messages/list-messages.ts';
import { registerSendMessage } from './messages/send-message.ts';
import { registerAddCompanion } from './mothers/add-companion.ts';
import { registerAssignCarePlan } from './mothers/assign-care-plan.ts';
import { registerCreateMother } from './mothers/create-mother.ts';
import { registerGetMother } from './mothers/get-mother.ts';
import { registerGetTimeline } from './mothers/get-timeline.ts';
import { registerListEntries } from './mothers/list-entries.ts';
import { registerListMothers } from './mothers/list-mothers.ts';
import { registerGetDistrictReport } from './reports/get-district-report.ts';
import { registerGetFacilityReport } from './reports/get-facility-report.ts';
import { registerListResearchRecords } from './research/list-research-records.ts';
import { registerCreateStaff } from './staff/create-staff.ts';
import { registerListStaff } from './staff/list-staff.ts';
import { registerSetStaffStatus } from './staff/set-staff-status.ts';
import { registerCreateStudy } from './studies/create-study.ts';
import { registerEnrolMother } from './studies/enrol-mother.ts';
import { registerGetStudy } from './studies/get-study.ts';
import { registerGetStudyAnalysis } from './studies/get-study-analysis.ts';
import { registerGetStudyDataset } from './studies/get-study-dataset.ts';
import { registerListEligible } from './studies/list-eligible.ts';
import { registerListEnrolments } from './studies/list-enrolments.ts';
import { registerListStudies } from './studies/list-studies.ts';
import { registerUpdateStudy } from './studies/update-study.ts';
import { registerPull } from './sync/pull.ts';
import { registerPush } from './sync/push.ts';
import { registerEnterSheet } from './training/enter-sheet.ts';
import { registerGetCompanionTraining } from './training/get-companion-training.ts';
import { registerGetMyTraining } from './training/get-my-training.ts';
import { registerGetResults } from './training/get-results.ts';
import { registerListCompanionTraining } from './training/list-companion-training.ts';
import { registerRecordSkillCheck } from './training/record-skill-check.ts';
import { registerTrainingSessions } from './training/sessions.ts';
import { registerIssueActivationCode } from './users/issue-activation-code.ts';
import { registerListVisits } from './visits/list-visits.ts';
import { registerRecordVisit } from './visits/record-visit.ts';

/** Every API route. A new route must declare `config.access`; the access-matrix test calls each one as every role. */
export function registerRoutes(app: App, context: AppContext): void {
  for (const register of [
    registerGetHealth,
    registerLogin,
    registerLogout,
    registerLogoutOthers,
    registerGetMe,
    registerUpdateMe,
    registerListSessions,
    registerCheckActivation,
    registerActivate,
    registerGetCurrentFacility,
    registerListFacilities,
    registerCreateFacility,
    registerListStaff,
    registerCreateStaff,
    registerSetStaffStatus,
    registerListMothers,
    registerCreateMother,
    registerGetMother,
    registerAddCompanion,
    registerListEntries,
    registerAssignCarePlan,
    registerListVisits,
    registerRecordVisit,
    registerSendMessage,
    registerListMessages,
    registerGetTimeline,
    registerPush,
    registerPull,
    registerIssueActivationCode,
    registerGetMyTraining,
    registerListCompanionTraining,
    registerGetCompanionTraining,
    registerRecordSkillCheck,
    registerTrainingSessions,
    registerEnterSheet,
    registerGetResults,
    registerGetFacilityReport,
    registerGetDistrictReport,
    registerGetMotherFhir,
    registerExportFhir,
    registerListResearchRecords,
    registerGetDatasetXlsx,
    registerGetDatasetCsv,
    registerListAuditEvents,
    registerListAlerts,
    registerGetAlertSummary,
    registerRecordAlertAction,
    registerLiteratureRoutes,
    registerListStudies,
    registerCreateStudy,
    registerGetStudy,
    registerUpdateStudy,
    registerEnrolMother,
    registerListEnrolments,
    registerListEligible,
    registerGetStudyDataset,
    registerGetStudyAnalysis,
  ]) {
    register(app, context);
  }
}
