import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Clock } from '../../common/clock';
import { ConflictError, NotFoundError } from '../../common/errors';
import { isUuid } from '../../common/parse-uuid.pipe';
import type { Incident } from '../../incidents/incident.entity';
import { Actor, IncidentsService } from '../../incidents/incidents.service';
import type { ResolvedRouter } from '../../routing/event-routers.service';
import type { Integration } from '../../services/integration.entity';
import { IngestService } from '../ingest.service';
import { RouterIngest } from '../router-ingest';
import {
  adaptOpsgenieAction,
  adaptOpsgenieCreate,
  describeActionFields,
  OpsgenieActionFields,
  OpsgenieIdentifierType,
  parseIdentifierType,
} from '../sources/opsgenie.adapter';
import { OpsgenieRejection } from './opsgenie-exception.filter';
import type { OpsgenieAction } from './opsgenie-request.entity';
import { OpsgenieRequestOutcome, OpsgenieRequestsRepository } from './opsgenie-requests.repository';

/**
 * Whose GenieKey made a request: an Opsgenie integration (one service) or an
 * event router (its rules pick the service; docs/routing.md). `id` is what the
 * request status reports as `integrationId`.
 */
export type OpsgenieCaller =
  | { kind: 'integration'; id: string; integration: Integration }
  | { kind: 'router'; id: string; router: ResolvedRouter };

/** The actions on an existing alert (incident). */
export type OpsgenieAlertAction = Exclude<OpsgenieAction, 'Create'>;

/** The 202 of every accepted request; `took` is added by the controller. */
export interface OpsgenieAccepted {
  result: 'Request will be processed';
  requestId: string;
}

/** What `GET /v2/alerts/requests/{id}` answers in `data`. */
export interface OpsgenieRequestStatus {
  success: boolean;
  action: OpsgenieAction;
  processedAt: string;
  integrationId: string;
  isSuccess: boolean;
  status: string;
  alertId: string | null;
  alias: string | null;
}

/**
 * Opsgenie's Alert API over Klaxon's incidents (docs/opsgenie.md). Each
 * accepted request is acted on before the 202 (a 202 still means committed),
 * then its outcome is recorded for the request-status route. The outcome is
 * written after the incident's commit, not in its transaction (the incident
 * write path batches concurrent requests; it does not take other modules'
 * rows): a crash between the two can lose a request's status row, never the
 * alert.
 */
@Injectable()
export class OpsgenieService {
  private readonly logger = new Logger('Opsgenie');

  constructor(
    private readonly ingest: IngestService,
    private readonly routers: RouterIngest,
    private readonly incidents: IncidentsService,
    private readonly requests: OpsgenieRequestsRepository,
    private readonly clock: Clock,
  ) {}

  async create(caller: OpsgenieCaller, body: unknown): Promise<OpsgenieAccepted> {
    const adapted = adaptOpsgenieCreate(body);
    if (!adapted.ok) throw OpsgenieRejection.unprocessable(adapted.errors);
    const [outcome] =
      caller.kind === 'integration'
        ? await this.ingest.ingest(caller.integration, adapted.events, body)
        : await this.routers.route(caller.router, 'opsgenie', adapted.events, body);
    // A router rule that drops the alert records nothing: accepted, and its status says so.
    if (outcome.incidentId === null) {
      return this.record(caller, 'Create', { success: true, status: 'Dropped by an event router rule', alertId: null, alias: outcome.dedupKey });
    }
    return this.record(caller, 'Create', {
      success: true,
      status: outcome.created ? 'Created alert' : 'Alert already exists: added to it',
      alertId: outcome.incidentId,
      alias: outcome.dedupKey,
    });
  }

  /**
   * Acknowledge, close or add a note. By `id` (the incident id) or `tiny`
   * (its number), an incident of another service is unknown (404). By
   * `alias`, the open incident with that dedup key; with none, the request is
   * accepted and its status says it failed, as Opsgenie does.
   */
  async act(
    caller: OpsgenieCaller,
    action: OpsgenieAlertAction,
    identifier: string,
    identifierType: unknown,
    body: unknown,
  ): Promise<OpsgenieAccepted> {
    const type = parseIdentifierType(identifierType);
    const fields = adaptOpsgenieAction(body, { noteRequired: action === 'AddNote' });
    const errors = [...(type.ok ? [] : type.errors), ...(fields.ok ? [] : fields.errors)];
    if (!type.ok || !fields.ok) throw OpsgenieRejection.unprocessable(errors);
    const incidents = await this.find(caller, identifier, type.type);
    if (!incidents.length) {
      if (type.type !== 'alias') throw OpsgenieRejection.alertNotFound();
      return this.record(caller, action, { success: false, status: 'Alert does not exist', alertId: null, alias: identifier });
    }
    // A router's alias may name one open incident per service its rules sent that alias to: each is acted on; the status names the first.
    let outcome: { success: boolean; status: string } | null = null;
    for (const incident of incidents) {
      const done = await this.apply(caller, action, incident, fields.fields);
      outcome ??= done;
    }
    return this.record(caller, action, { ...outcome!, alertId: incidents[0].id, alias: incidents[0].dedupKey });
  }

  async status(caller: OpsgenieCaller, requestId: string): Promise<OpsgenieRequestStatus> {
    const found = isUuid(requestId) ? await this.requests.find(requestId.toLowerCase(), caller.id) : null;
    if (!found) throw new OpsgenieRejection(404, 'Request does not exist');
    return {
      success: true,
      action: found.action,
      processedAt: found.processedAt.toISOString(),
      integrationId: found.callerId,
      isSuccess: found.success,
      status: found.status,
      alertId: found.alertId,
      alias: found.alias,
    };
  }

  /**
   * The incidents an identifier names for this caller. An integration's: its
   * service's incident (by alias, the open one). A router's: the incidents it
   * opened (by alias, the open ones, whatever service each went to).
   */
  private async find(caller: OpsgenieCaller, identifier: string, type: OpsgenieIdentifierType): Promise<Incident[]> {
    if (type === 'alias') {
      if (caller.kind === 'integration') {
        const open = await this.incidents.findOpenByDedupKey(caller.integration.serviceId, identifier);
        return open ? [open] : [];
      }
      const open = await this.routers.openIncidents(caller.router, identifier);
      return (await Promise.all(open.map((o) => this.incidents.get(o.id).catch(notFoundAsNull)))).filter((i): i is Incident => i !== null);
    }
    let incident: Incident | null = null;
    if (type === 'id' && isUuid(identifier)) incident = await this.incidents.get(identifier.toLowerCase()).catch(notFoundAsNull);
    if (type === 'tiny' && /^[1-9][0-9]{0,15}$/.test(identifier)) incident = await this.incidents.findByNumber(Number(identifier));
    if (!incident) return [];
    const mine = caller.kind === 'integration' ? incident.serviceId === caller.integration.serviceId : incident.routerId === caller.router.router.id;
    return mine ? [incident] : [];
  }

  private async apply(
    caller: OpsgenieCaller,
    action: OpsgenieAlertAction,
    incident: Incident,
    fields: OpsgenieActionFields,
  ): Promise<{ success: boolean; status: string }> {
    const actor = callerActor(caller);
    const text = describeActionFields(fields) ?? undefined;
    try {
      if (action === 'AddNote') {
        // The note with Opsgenie's user and source beside it, as on acknowledge and close; replied into Slack like any note.
        await this.incidents.addNote(incident.id, text ?? '', actor);
        return { success: true, status: 'Added note' };
      }
      if (action === 'Acknowledge') {
        await this.incidents.acknowledge(incident.id, actor, text);
        return { success: true, status: 'Acknowledged' };
      }
      await this.incidents.resolve(incident.id, actor, text);
      return { success: true, status: 'Closed' };
    } catch (err) {
      // A closed alert cannot be acknowledged; an incident deleted meanwhile is gone: the request failed, the 202 stands.
      if (err instanceof ConflictError || err instanceof NotFoundError) return { success: false, status: err.message };
      throw err;
    }
  }

  private async record(
    caller: OpsgenieCaller,
    action: OpsgenieAction,
    outcome: Pick<OpsgenieRequestOutcome, 'success' | 'status' | 'alertId' | 'alias'>,
  ): Promise<OpsgenieAccepted> {
    const requestId = randomUUID();
    await this.requests.record({ requestId, callerId: caller.id, action, processedAt: this.clock.now(), ...outcome });
    if (!outcome.success) {
      this.logger.log({ caller: caller.kind, callerId: caller.id, action, status: outcome.status, requestId }, 'opsgenie request accepted, not carried out');
    }
    return { result: 'Request will be processed', requestId };
  }
}

function notFoundAsNull(err: unknown): null {
  if (err instanceof NotFoundError) return null;
  throw err;
}

function callerActor(caller: OpsgenieCaller): Actor {
  if (caller.kind === 'router') return { type: 'integration', id: caller.router.router.id, name: caller.router.router.name, channel: 'integration' };
  const { integration } = caller;
  return { type: 'integration', id: integration.id, name: integration.name ?? integration.type, channel: 'integration' };
}
