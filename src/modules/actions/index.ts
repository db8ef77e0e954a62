// What other modules may use from actions (reviews, outreach, messaging, people pages).
// Everything else in this folder is internal.
export type { AttendanceStatus, EventKind, EventStatus, RoleKind } from "./action";
export { EVENT_KINDS, ROLE_KINDS } from "./action";
export {
  type ActionForMessages,
  actionAudiences,
  actionForMessages,
  actionsAhead,
  attendedPersonIds,
  type PastAction,
  pastActions,
} from "./action-attendees";
export type { ActionChange } from "./actions.events";
export { addChant } from "./add-chant";
export { addMaterial } from "./add-material";
export { addRole } from "./add-role";
export { addRunOfShowStep } from "./add-step";
export {
  type ActionEvent,
  getEventAccess,
  getHostedEvent as getEvent,
  requireHostedEvent as requireEvent,
} from "./event-record";
export { type EventList, type EventListItem, listEvents } from "./list-events";
export { loadPlan, type OpenLesson, type OpenLessonsFn, type Plan } from "./load-plan";
export {
  type AttendanceHistoryItem,
  attendanceHistory,
  attendedCounts,
  type RoleHistoryItem,
  roleHistory,
  type UpcomingWithRsvps,
  upcomingEventsWithRsvps,
} from "./person-history";
export { type Missing, type MissingCode, type Readiness, readiness } from "./readiness";
