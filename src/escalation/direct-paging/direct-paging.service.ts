import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { FieldError, NotFoundError, ValidationError } from '../../common/errors';
import type { Actor } from '../../incidents/incident-lifecycle';
import { IncidentResponse, NoteResponse } from '../../incidents/incidents.dto';
import { IncidentsQueryService } from '../../incidents/incidents-query.service';
import { IncidentsService } from '../../incidents/incidents.service';
import { DirectPager, DirectPagerHook, DirectPageRequest, OpenedIncident } from '../../notifications/direct-pager.hook';
import { SchedulesService } from '../../schedules/schedules.service';
import { DIRECT_PAGES_SERVICE_ID, isBuiltInService } from '../../services/built-in-services';
import { ServicesService } from '../../services/services.service';
import { UsersService } from '../../users/users.service';
import { EscalationPoliciesService } from '../escalation-policies.service';
import { PolicySnapshot, PolicyTarget, snapshotPolicy } from '../planner';
import { MAX_DETAILS_LENGTH, MAX_TITLE_LENGTH } from './direct-paging.dto';

/**
 * The one level of a direct page's one-off policy waits this long for an
 * acknowledgement; then, with repeat 0, escalation is exhausted (the timeline
 * says nobody more will be paged) and the incident stays triggered.
 */
export const DIRECT_PAGE_LEVEL_MINUTES = 15;

/**
 * Opens incidents by hand (docs/direct-paging.md), for the API and for
 * Slack's `/page` (registered with DirectPagerHook). For a service, the
 * incident escalates through the service's policy like any alert; for
 * targets, it belongs to the built-in Direct pages service and escalates
 * through a one-off policy made of them (one level, repeat 0), or through the
 * one escalation policy it names, snapshotted in the transaction that opens
 * the incident, so the engine always starts it with that snapshot.
 */
@Injectable()
export class DirectPagingService implements DirectPager, OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly incidents: IncidentsService,
    private readonly query: IncidentsQueryService,
    private readonly services: ServicesService,
    private readonly policies: EscalationPoliciesService,
    private readonly users: UsersService,
    private readonly schedules: SchedulesService,
    private readonly hook: DirectPagerHook,
  ) {}

  onModuleInit(): void {
    this.hook.register(this);
  }

  /** The API's answer: the incident as GET /api/v1/incidents/{id} shows it. */
  async openForApi(request: DirectPageRequest, actor: Actor): Promise<IncidentResponse> {
    const { id } = await this.open(request, actor);
    const { incident, alertCount, timelineCount, notes } = await this.query.getDetailed(id);
    return { ...IncidentResponse.of(incident), notes: notes.map(NoteResponse.ofEntry), alertCount, timelineCount };
  }

  async open(request: DirectPageRequest, actor: Actor): Promise<OpenedIncident> {
    if ((request.serviceId === undefined) === (request.targets === undefined)) {
      const message = 'give exactly one of serviceId (page through its escalation policy) or targets (page them directly)';
      throw new ValidationError([{ field: 'serviceId', message }, { field: 'targets', message }]);
    }
    const { serviceId, snapshot } = request.targets
      ? { serviceId: DIRECT_PAGES_SERVICE_ID, snapshot: await this.oneOffPolicy(request.targets) }
      : { serviceId: await this.pagedService(request.serviceId!), snapshot: null };
    const title = request.title.trim();
    if (!title || title.length > MAX_TITLE_LENGTH) throw ValidationError.field('title', `must be 1 to ${MAX_TITLE_LENGTH} characters`);
    const details = request.details?.trim().slice(0, MAX_DETAILS_LENGTH);
    const event = {
      action: 'trigger' as const,
      dedupKey: null,
      title,
      severity: request.severity ?? 'critical',
      source: null,
      // Shown on the page itself: the person paged sees who is asking and why.
      details: { 'opened by': actor.name ?? actor.type, ...(details ? { details } : {}) },
      links: [],
      occurredAt: null,
    };
    const raw = { title, ...(details ? { details } : {}), severity: event.severity, ...(request.targets ? { targets: request.targets } : { serviceId }) };
    const target = { serviceId, integrationId: null, source: 'manual' as const, actor };
    const outcome = await this.dataSource.transaction((em) => this.incidents.openIn(em, target, event, raw, snapshot));
    const incident = await this.incidents.get(outcome.incidentId!);
    return { id: incident.id, number: incident.number, title: incident.title };
  }

  /** The service a page names: it must exist and have a policy. */
  private async pagedService(serviceId: string): Promise<string> {
    const id = serviceId.toLowerCase();
    if (isBuiltInService(id)) {
      throw ValidationError.field('serviceId', 'the Direct pages service has no escalation policy: give targets instead to page people directly');
    }
    try {
      await this.services.get(id);
    } catch (e) {
      if (e instanceof NotFoundError) throw ValidationError.field('serviceId', `no service ${id}`);
      throw e;
    }
    return id;
  }

  /** The snapshot a direct page to targets escalates through; a ValidationError names each unknown target. */
  private async oneOffPolicy(targets: NonNullable<DirectPageRequest['targets']>): Promise<PolicySnapshot> {
    const wanted = [...new Map(targets.map((t) => [`${t.type}:${t.id.toLowerCase()}`, { type: t.type, id: t.id.toLowerCase() }])).values()];
    const policy = wanted.find((t) => t.type === 'escalation-policy');
    if (policy) {
      if (wanted.length > 1) {
        throw ValidationError.field('targets', 'an escalation-policy target must be the only target: the policy pages through its own levels');
      }
      try {
        const p = await this.policies.get(policy.id);
        return snapshotPolicy({ id: p.id, name: p.name, repeat: p.repeat, levels: p.levels });
      } catch (e) {
        if (e instanceof NotFoundError) throw ValidationError.field(`targets.${indexOf(targets, policy)}.id`, `no escalation policy ${policy.id}`);
        throw e;
      }
    }
    const people = wanted as PolicyTarget[];
    const missingUsers = new Set(await this.users.missingIds(people.filter((t) => t.type === 'user').map((t) => t.id)));
    const schedules = new Set(await this.schedules.existingIds(people.filter((t) => t.type === 'schedule').map((t) => t.id)));
    const errors: FieldError[] = [];
    for (const t of people) {
      if (t.type === 'user' && missingUsers.has(t.id)) errors.push({ field: `targets.${indexOf(targets, t)}.id`, message: `no user ${t.id}` });
      if (t.type === 'schedule' && !schedules.has(t.id)) errors.push({ field: `targets.${indexOf(targets, t)}.id`, message: `no schedule ${t.id}` });
    }
    if (errors.length) throw new ValidationError(errors);
    return snapshotPolicy({ id: randomUUID(), name: 'Direct page', repeat: 0, levels: [{ delayMinutes: DIRECT_PAGE_LEVEL_MINUTES, targets: people }] });
  }
}

/** Where the request named a target (its first mention). */
function indexOf(targets: readonly { type: string; id: string }[], t: { type: string; id: string }): number {
  return targets.findIndex((x) => x.type === t.type && x.id.toLowerCase() === t.id);
}
