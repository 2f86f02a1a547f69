import 'reflect-metadata';
import { DataSource, DataSourceOptions } from 'typeorm';
import { AgreementAmendment } from '../modules/agreements/agreement-amendment.entity';
import { AgreementIndicatorResult } from '../modules/agreements/agreement-indicator-result.entity';
import { AgreementIndicator } from '../modules/agreements/agreement-indicator.entity';
import { AgreementRound } from '../modules/agreements/agreement-round.entity';
import { AgreementRoundReview } from '../modules/agreements/agreement-round-review.entity';
import { AgreementTemplateIndicator } from '../modules/agreements/agreement-template-indicator.entity';
import { AgreementTemplate } from '../modules/agreements/agreement-template.entity';
import { AgreementVersion } from '../modules/agreements/agreement-version.entity';
import { Agreement } from '../modules/agreements/agreement.entity';
import { AuditEvent } from '../modules/audit/audit-event.entity';
import { RefreshToken } from '../modules/auth/refresh-token.entity';
import { KpiResult } from '../modules/kpis/kpi-result.entity';
import { KpiTarget } from '../modules/kpis/kpi-target.entity';
import { Kpi } from '../modules/kpis/kpi.entity';
import { OrgUnit } from '../modules/org-units/org-unit.entity';
import { DisbursementBatch } from '../modules/projects/disbursement-batch.entity';
import { DisbursementTarget } from '../modules/projects/disbursement-target.entity';
import { Disbursement } from '../modules/projects/disbursement.entity';
import { ProjectKpi } from '../modules/projects/project-kpi.entity';
import { ProjectProgress } from '../modules/projects/project-progress.entity';
import { Project } from '../modules/projects/project.entity';
import { Risk } from '../modules/projects/risk.entity';
import { Directive } from '../modules/follow-up/directive.entity';
import { DirectiveProgress } from '../modules/follow-up/directive-progress.entity';
import { MeetingAgendaItem } from '../modules/follow-up/meeting-agenda-item.entity';
import { MeetingDecision } from '../modules/follow-up/meeting-decision.entity';
import { Meeting } from '../modules/follow-up/meeting.entity';
import { CreateDirectives1796600800000 } from './migrations/1796600800000-CreateDirectives';
import { CreateMeetings1796601100000 } from './migrations/1796601100000-CreateMeetings';
import { AddOrgRisksAndAssessments1796601200000 } from './migrations/1796601200000-AddOrgRisksAndAssessments';
import { RiskAssessment } from '../modules/projects/risk-assessment.entity';
import { FollowUpPublication } from '../modules/follow-up/follow-up-publication.entity';
import { NotificationSetting } from '../modules/notifications/notification-setting.entity';
import { MonthlyReport } from '../modules/reports/monthly-report.entity';
import { KpiComment } from '../modules/feedback/kpi-comment.entity';
import { GoalLink } from '../modules/strategy/goal-link.entity';
import { Goal } from '../modules/strategy/goal.entity';
import { Plan } from '../modules/strategy/plan.entity';
import { StrategicIssue } from '../modules/strategy/strategic-issue.entity';
import { Strategy } from '../modules/strategy/strategy.entity';
import { User } from '../modules/users/user.entity';
import { CreateOrgUnits1763700000000 } from './migrations/1763700000000-CreateOrgUnits';
import { CreateStrategyMapsAndKpis1763700100000 } from './migrations/1763700100000-CreateStrategyMapsAndKpis';
import { CreateUsersSessionsAndAudit1763700200000 } from './migrations/1763700200000-CreateUsersSessionsAndAudit';
import { AddKpiAggregation1763700300000 } from './migrations/1763700300000-AddKpiAggregation';
import { CreateAgreements1763700400000 } from './migrations/1763700400000-CreateAgreements';
import { CreateProjectsAndDisbursement1763700500000 } from './migrations/1763700500000-CreateProjectsAndDisbursement';
import { CreateDisbursementBatches1763700600000 } from './migrations/1763700600000-CreateDisbursementBatches';
import { CreateRealtimeOutbox1763700700000 } from './migrations/1763700700000-CreateRealtimeOutbox';
import { CreateMonthlyReports1763700850000 } from './migrations/1763700850000-CreateMonthlyReports';
import { CreateKpiComments1763700860000 } from './migrations/1763700860000-CreateKpiComments';
import { CreateDisbursementMonthTotals1763700870000 } from './migrations/1763700870000-CreateDisbursementMonthTotals';
import { AddKpiHardLimits1796588259661 } from './migrations/1796588259661-AddKpiHardLimits';
import { AddProjectPersonAndStatusThresholds1796600500000 } from './migrations/1796600500000-AddProjectPersonAndStatusThresholds';
import { AddAgreementRoundReview1796600700000 } from './migrations/1796600700000-AddAgreementRoundReview';
import { KpiStatusThreshold } from '../modules/scorecards/kpi-status-threshold.entity';
import { AddKpiOwnerUser1796600400000 } from './migrations/1796600400000-AddKpiOwnerUser';
import { AddKpiTargetState1796600400001 } from './migrations/1796600400001-AddKpiTargetState';
import { AddPeopleAdminAndSessionDetails1796600200000 } from './migrations/1796600200000-AddPeopleAdminAndSessionDetails';
import { AddPlanStatus1796600300000 } from './migrations/1796600300000-AddPlanStatus';
import { AddAgreementProposalAndVersions1796601400000 } from './migrations/1796601400000-AddAgreementProposalAndVersions';
import { CreateNotifications1796600900000 } from './migrations/1796600900000-CreateNotifications';
import { AddFirstSubmittedAt1796601500000 } from './migrations/1796601500000-AddFirstSubmittedAt';
import { CreateExplorerViews1796601700000 } from './migrations/1796601700000-CreateExplorerViews';
import { ExplorerView } from '../modules/analysis/explorer-view.entity';

/**
 * The one TypeORM configuration, used by the API, the seeds, the test harness and the
 * TypeORM CLI. Entities and migrations are listed, not globbed, so the webpack bundle
 * and ts-node see exactly the same set.
 */
export const entities = [
  OrgUnit,
  Plan,
  StrategicIssue,
  Goal,
  GoalLink,
  Strategy,
  Kpi,
  KpiTarget,
  KpiResult,
  User,
  RefreshToken,
  AuditEvent,
  AgreementTemplate,
  AgreementTemplateIndicator,
  Agreement,
  AgreementIndicator,
  AgreementIndicatorResult,
  AgreementAmendment,
  AgreementRound,
  AgreementRoundReview,
  AgreementVersion,
  Project,
  ProjectKpi,
  ProjectProgress,
  Disbursement,
  DisbursementBatch,
  DisbursementTarget,
  Risk,
  MonthlyReport,
  KpiComment,
  KpiStatusThreshold,
  Directive,
  DirectiveProgress,
  NotificationSetting,
  Meeting,
  MeetingAgendaItem,
  MeetingDecision,
  RiskAssessment,
  FollowUpPublication,
  ExplorerView,
];
export const migrations = [
  CreateOrgUnits1763700000000,
  CreateStrategyMapsAndKpis1763700100000,
  CreateUsersSessionsAndAudit1763700200000,
  AddKpiAggregation1763700300000,
  CreateAgreements1763700400000,
  CreateProjectsAndDisbursement1763700500000,
  CreateDisbursementBatches1763700600000,
  CreateRealtimeOutbox1763700700000,
  CreateMonthlyReports1763700850000,
  CreateKpiComments1763700860000,
  CreateDisbursementMonthTotals1763700870000,
  AddKpiHardLimits1796588259661,
  AddPeopleAdminAndSessionDetails1796600200000,
  AddPlanStatus1796600300000,
  AddKpiOwnerUser1796600400000,
  AddKpiTargetState1796600400001,
  AddProjectPersonAndStatusThresholds1796600500000,
  AddAgreementRoundReview1796600700000,
  CreateDirectives1796600800000,
  CreateNotifications1796600900000,
  CreateMeetings1796601100000,
  AddOrgRisksAndAssessments1796601200000,
  AddAgreementProposalAndVersions1796601400000,
  AddFirstSubmittedAt1796601500000,
  CreateExplorerViews1796601700000,
];

export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: 'migration',
    // Schema changes only ever come from migrations; `npm run db:drift` proves they match.
    synchronize: false,
    migrationsRun: false,
    applicationName: 'provdash-api',
    // An unreachable server fails a request in seconds (a 5xx, or a stale public read) instead of
    // holding it open for as long as the network takes to give up.
    connectTimeoutMS: 5000,
  };
}

export function createDataSource(url: string): DataSource {
  return new DataSource(dataSourceOptions(url));
}

/** For the TypeORM CLI: `npx typeorm-ts-node-commonjs -d apps/api/src/database/data-source.ts`. */
export default createDataSource(process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/provdash');
