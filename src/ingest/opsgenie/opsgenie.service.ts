import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Clock } from '../../common/clock';
import { ConflictError, NotFoundError } from '../../common/errors';
import { isUuid } from '../../common/parse-uuid.pipe';
import type { Incident } from '../../incidents/incident.entity';
import { Actor, IncidentsService } from '../../incidents/incidents.service';
import type { Integration } from '../../services/integration.entity';
import { IngestService } from '../ingest.service';
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
    private readonly incidents: IncidentsService,
    private readonly requests: OpsgenieRequestsRepository,
    private readonly clock: Clock,
  ) {}

  async create(integration: Integration, body: unknown): Promise<OpsgenieAccepted> {
    const adapted = adaptOpsgenieCreate(body);
    if (!adapted.ok) throw OpsgenieRejection.unprocessable(adapted.errors);
    const [outcome] = await this.ingest.ingest(integration, adapted.events, body);
    return this.record(integration, 'Create', {
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
    integration: Integration,
    action: OpsgenieAlertAction,
    identifier: string,
    identifierType: unknown,
    body: unknown,
  ): Promise<OpsgenieAccepted> {
    const type = parseIdentifierType(identifierType);
    const fields = adaptOpsgenieAction(body, { noteRequired: action === 'AddNote' });
    const errors = [...(type.ok ? [] : type.errors), ...(fields.ok ? [] : fields.errors)];
    if (!type.ok || !fields.ok) throw OpsgenieRejection.unprocessable(errors);
    const incident = await this.find(integration, identifier, type.type);
    if (!incident) {
      if (type.type !== 'alias') throw OpsgenieRejection.alertNotFound();
      return this.record(integration, action, { success: false, status: 'Alert does not exist', alertId: null, alias: identifier });
    }
    const outcome = await this.apply(integration, action, incident, fields.fields);
    return this.record(integration, action, { ...outcome, alertId: incident.id, alias: incident.dedupKey });
  }

  async status(integration: Integration, requestId: string): Promise<OpsgenieRequestStatus> {
    const found = isUuid(requestId) ? await this.requests.find(requestId.toLowerCase(), integration.id) : null;
    if (!found) throw new OpsgenieRejection(404, 'Request does not exist');
    return {
      success: true,
      action: found.action,
      processedAt: found.processedAt.toISOString(),
      integrationId: found.integrationId,
      isSuccess: found.success,
      status: found.status,
      alertId: found.alertId,
      alias: found.alias,
    };
  }

  private async find(integration: Integration, identifier: string, type: OpsgenieIdentifierType): Promise<Incident | null> {
    let incident: Incident | null = null;
    if (type === 'alias') return this.incidents.findOpenByDedupKey(integration.serviceId, identifier);
    if (type === 'id' && isUuid(identifier)) incident = await this.incidents.get(identifier.toLowerCase()).catch(notFoundAsNull);
    if (type === 'tiny' && /^[1-9][0-9]{0,15}$/.test(identifier)) incident = await this.incidents.findByNumber(Number(identifier));
    return incident && incident.serviceId === integration.serviceId ? incident : null;
  }

  private async apply(
    integration: Integration,
    action: OpsgenieAlertAction,
    incident: Incident,
    fields: OpsgenieActionFields,
  ): Promise<{ success: boolean; status: string }> {
    const actor = integrationActor(integration);
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
    integration: Integration,
    action: OpsgenieAction,
    outcome: Pick<OpsgenieRequestOutcome, 'success' | 'status' | 'alertId' | 'alias'>,
  ): Promise<OpsgenieAccepted> {
    const requestId = randomUUID();
    await this.requests.record({ requestId, integrationId: integration.id, action, processedAt: this.clock.now(), ...outcome });
    if (!outcome.success) {
      this.logger.log({ integrationId: integration.id, action, status: outcome.status, requestId }, 'opsgenie request accepted, not carried out');
    }
    return { result: 'Request will be processed', requestId };
  }
}

function notFoundAsNull(err: unknown): null {
  if (err instanceof NotFoundError) return null;
  throw err;
}

function integrationActor(integration: Integration): Actor {
  return { type: 'integration', id: integration.id, name: integration.name ?? integration.type, channel: 'integration' };
}
