import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MinRole } from '../auth/auth.decorators';
import { ApiErrors, ApiUuidParam } from '../common/api-docs';
import { ValidationError } from '../common/errors';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { TestEventResponse, TestEventRouterDto, TestFormat } from '../routing/event-routers.dto';
import { EventRoutersService } from '../routing/event-routers.service';
import { RouterIngest, RouterPreview } from './router-ingest';
import { adaptAlertmanager } from './sources/alertmanager.adapter';
import { adaptEventsV2 } from './sources/events-v2.adapter';
import { adaptOpsgenieCreate } from './sources/opsgenie.adapter';
import { adaptGeneric } from './sources/generic.adapter';
import { adaptGrafana } from './sources/grafana.adapter';
import type { AdapterResult } from './sources/normalised-event';

/**
 * `POST /api/v1/event-routers/{id}/test`: an event as a monitoring tool would
 * send it, read by the same adapter and rules as the real route, answered
 * with what would happen. Nothing is recorded or counted. It lives in ingest
 * because ingest owns the format adapters.
 */
@ApiTags('event-routers')
@Controller('api/v1/event-routers')
export class RouterTestController {
  constructor(
    private readonly routers: EventRoutersService,
    private readonly ingest: RouterIngest,
  ) {}

  @Post(':id/test')
  @MinRole('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Test an event router: which rule an event matches and what would happen (nothing is recorded)' })
  @ApiOkResponse({ type: TestEventResponse, description: 'the decision for the event (each alert of a group) and the incidents it would open or update' })
  @ApiErrors([400, 404, 413, 415], { 400: 'unknown format, or the body is not a valid event of that format (every problem named)' })
  @ApiUuidParam('id', 'the router id')
  async test(@Param('id', ParseUuidPipe) id: string, @Body() dto: TestEventRouterDto): Promise<TestEventResponse> {
    const router = await this.routers.get(id);
    const resolved = { router, compiled: this.routers.compiled(router) };
    const adapted = adapt(dto.format, dto.body, router.routingKey);
    if (!adapted.ok) throw new ValidationError(adapted.errors.map((message) => ({ field: 'body', message })));
    return present(await this.ingest.preview(resolved, dto.format, adapted.events));
  }
}

/** The body through the format's adapter; an Events v2 body may leave routing_key out (the router's own is assumed). */
function adapt(format: TestFormat, body: Record<string, unknown>, routingKey: string): AdapterResult {
  switch (format) {
    case 'events-v2':
      return adaptEventsV2(body.routing_key === undefined ? { ...body, routing_key: routingKey } : body);
    case 'alertmanager':
      return adaptAlertmanager(body);
    case 'grafana':
      return adaptGrafana(body);
    case 'generic':
      return adaptGeneric(body);
    case 'opsgenie':
      // The create body of POST /v2/alerts (an acknowledge or close names its incident, and carries nothing to match).
      return adaptOpsgenieCreate(body);
  }
}

function present(p: RouterPreview): TestEventResponse {
  const decisions = p.decisions.map(({ alert, outcome }) => ({
    alert,
    ruleIndex: outcome.rule === 'fallback' ? null : outcome.rule,
    ruleName: outcome.ruleName,
    fallback: outcome.rule === 'fallback',
    action: outcome.kind,
    serviceId: outcome.kind === 'route' ? outcome.serviceId : null,
    suppress: outcome.kind === 'route' && outcome.suppress,
    severity: outcome.kind === 'route' ? outcome.severity : null,
  }));
  const incidents = p.incidents.map(({ serviceId, event, suppressed }) => ({
    serviceId,
    action: event.action,
    dedupKey: event.dedupKey,
    title: event.title,
    severity: event.severity,
    suppressed,
    alerts: event.alerts ? event.alerts.length : null,
  }));
  const result = p.followUp ? 'follow-up' : incidents.length ? 'route' : 'drop';
  return { result, decisions, incidents, summary: summarise(p, decisions) };
}

function summarise(p: RouterPreview, decisions: TestEventResponse['decisions']): string {
  if (p.followUp) {
    return p.incidents.length
      ? `an acknowledge/resolve: it would act on ${p.incidents.length} open incident(s) this router opened with its dedup key (${p.incidents.map((i) => i.incidentId).join(', ')})`
      : 'an acknowledge/resolve: no open incident opened by this router has its dedup key, so nothing would happen (202)';
  }
  return decisions
    .map((d) => {
      const who = d.fallback ? 'the fallback' : `rule ${d.ruleIndex} "${d.ruleName}"`;
      const what =
        d.action === 'drop'
          ? 'drops it (nothing recorded)'
          : `routes it to service ${d.serviceId}${d.suppress ? ', suppressed (never pages)' : ''}${d.severity ? `, severity ${d.severity}` : ''}`;
      return `${d.alert === null ? '' : `alert ${d.alert}: `}${who} ${what}`;
    })
    .join('; ');
}
