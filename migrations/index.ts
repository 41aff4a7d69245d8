/**
 * Every migration, in order. Listed explicitly (not globbed) so the same list
 * loads under ts-node, jest and the compiled dist/. Add new ones at the end;
 * never edit a shipped one.
 */
import { Foundation1795828222244 } from './1795828222244-Foundation';
import { EscalationPolicies1795828439387 } from './1795828439387-EscalationPolicies';
import { ServicesIncidents1795828555486 } from './1795828555486-ServicesIncidents';
import { Schedules1795828559398 } from './1795828559398-Schedules';
import { EscalationEngine1795829037539 } from './1795829037539-EscalationEngine';
import { Channels1795829250080 } from './1795829250080-Channels';
import { AuditLog1795829345221 } from './1795829345221-AuditLog';
import { InboundReceipts1796049042021 } from './1796049042021-InboundReceipts';
import { ScheduleIcalFeeds1796049391424 } from './1796049391424-ScheduleIcalFeeds';
import { IncidentOpeningClaims1796100000000 } from './1796100000000-IncidentOpeningClaims';
import { AlertRepeatCounter1796200000000 } from './1796200000000-AlertRepeatCounter';
import { IncidentLinks1796200000100 } from './1796200000100-IncidentLinks';
import { NotificationDeferralAndBundle1796200000200 } from './1796200000200-NotificationDeferralAndBundle';
import { Retention1796200000300 } from './1796200000300-Retention';
import { EventRouters1796200000400 } from './1796200000400-EventRouters';
import { MaintenanceWindows1796200000500 } from './1796200000500-MaintenanceWindows';
import { DirectPaging1796200000600 } from './1796200000600-DirectPaging';
import { OpsgenieRequests1796200000700 } from './1796200000700-OpsgenieRequests';
import { HandoffNotifications1796200000800 } from './1796200000800-HandoffNotifications';
import { OutgoingWebhooks1796200000900 } from './1796200000900-OutgoingWebhooks';
import { ChatDestinations1796200001000 } from './1796200001000-ChatDestinations';
import { ConsoleSessions1796200001100 } from './1796200001100-ConsoleSessions';
import { IncidentChangeNotify1796200001101 } from './1796200001101-IncidentChangeNotify';
import { OneOpeningClaim1796200001300 } from './1796200001300-OneOpeningClaim';
import { IncidentsFillfactor1796200001500 } from './1796200001500-IncidentsFillfactor';
import { RepeatsOnTriggerAlert1796200001600 } from './1796200001600-RepeatsOnTriggerAlert';

export const MIGRATIONS: Function[] = [Foundation1795828222244, EscalationPolicies1795828439387, ServicesIncidents1795828555486, Schedules1795828559398, EscalationEngine1795829037539, Channels1795829250080, AuditLog1795829345221, InboundReceipts1796049042021, ScheduleIcalFeeds1796049391424, IncidentOpeningClaims1796100000000, AlertRepeatCounter1796200000000, IncidentLinks1796200000100, NotificationDeferralAndBundle1796200000200, Retention1796200000300, EventRouters1796200000400, MaintenanceWindows1796200000500, DirectPaging1796200000600, OpsgenieRequests1796200000700, HandoffNotifications1796200000800, OutgoingWebhooks1796200000900, ChatDestinations1796200001000, ConsoleSessions1796200001100, IncidentChangeNotify1796200001101, OneOpeningClaim1796200001300, IncidentsFillfactor1796200001500, RepeatsOnTriggerAlert1796200001600];
