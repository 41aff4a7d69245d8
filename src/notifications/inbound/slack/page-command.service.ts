import { Injectable, Logger } from '@nestjs/common';
import { DomainError, ErrorCode } from '../../../common/errors';
import { IncidentLinksService } from '../../action-tokens/incident-links.service';
import { DirectPagerHook, type DirectPageRequest } from '../../direct-pager.hook';
import { IncidentActionsService } from '../incident-actions.service';
import { PAGE_USAGE, type PageWho, parsePageCommand, titleAndDetails } from './page-command.parser';
import { type PageTargetRow, PageTargetsRepository } from './page-targets.repository';
import { SlackUserLinker } from './slack-user-linker';

type Resolved = { ok: true; request: Pick<DirectPageRequest, 'serviceId' | 'targets'>; label: string } | { ok: false; problem: string };

/**
 * `/page <user, schedule or service> <message>` (docs/direct-paging.md): the
 * Slack user must be linked to a Klaxon user (a `slack` contact method), who
 * is then named as the opener. A user or schedule is paged directly (the
 * built-in Direct pages service); a service is paged through its escalation
 * policy. Every answer is ephemeral: only the person who typed it sees it.
 */
@Injectable()
export class PageCommandService {
  private readonly logger = new Logger(PageCommandService.name);

  constructor(
    private readonly actions: IncidentActionsService,
    private readonly targets: PageTargetsRepository,
    private readonly pager: DirectPagerHook,
    private readonly links: IncidentLinksService,
    private readonly linker: SlackUserLinker,
  ) {}

  async answer(text: string, slackUserId: string): Promise<string> {
    let responder = await this.actions.responderByContact(['slack'], slackUserId);
    if (!responder) {
      const link = await this.linker.linkUnknown(slackUserId);
      if (!link.linked) return link.answer;
      responder = link.responder;
    }
    const parsed = parsePageCommand(text);
    if (!parsed.ok) return `${parsed.problem}\n${PAGE_USAGE}`;
    const resolved = await this.resolve(parsed.who);
    if (!resolved.ok) return `${resolved.problem}\n${PAGE_USAGE}`;
    const actor = { type: 'user' as const, id: responder.userId, name: responder.name, channel: 'slack' as const };
    try {
      const incident = await this.pager.open({ ...titleAndDetails(parsed.message), ...resolved.request }, actor);
      const url = await this.links.mint(incident.id, responder.userId, null);
      this.logger.log({ incident: incident.number, incidentId: incident.id, userId: responder.userId }, 'incident opened with Slack /page');
      const opened = `Opened incident #${incident.number} (${escape(incident.title)}), paging ${resolved.label}.`;
      return url ? `${opened} <${url}|Open it in Klaxon>` : opened;
    } catch (e) {
      if (e instanceof DomainError && e.code === ErrorCode.Validation) return `Klaxon could not page ${resolved.label}: ${e.message}`;
      throw e;
    }
  }

  private async resolve(who: PageWho): Promise<Resolved> {
    if (who.kind === 'mention') {
      const user = await this.targets.userBySlackId(who.slackUserId);
      if (!user) return { ok: false, problem: `<@${who.slackUserId}> is not linked to a Klaxon user (no \`slack\` contact method holds their Slack user id).` };
      return { ok: true, request: { targets: [{ type: 'user', id: user.id }] }, label: escape(user.name) };
    }
    const wants = (kind: 'user' | 'schedule' | 'service') => !who.only || who.only === kind;
    const [users, schedules, services] = await Promise.all([
      wants('user') ? this.targets.usersNamed(who.name) : none(),
      wants('schedule') ? this.targets.schedulesNamed(who.name) : none(),
      wants('service') ? this.targets.servicesNamed(who.name) : none(),
    ]);
    const found = [
      ...users.map((u) => ({ kind: 'user' as const, row: u })),
      ...schedules.map((s) => ({ kind: 'schedule' as const, row: s })),
      ...services.map((s) => ({ kind: 'service' as const, row: s })),
    ];
    const name = escape(who.name);
    if (!found.length) return { ok: false, problem: `No ${who.only ?? 'user, schedule or service'} is called "${name}".` };
    if (found.length > 1) {
      const kinds = found.map((f) => f.kind).join(', ');
      return { ok: false, problem: `"${name}" names more than one thing (${kinds}): say which with \`user:\`, \`schedule:\` or \`service:\`, or use a user's email or @mention.` };
    }
    const [{ kind, row }] = found;
    if (kind === 'service') return { ok: true, request: { serviceId: row.id }, label: `the ${escape(row.name)} service's escalation policy` };
    return { ok: true, request: { targets: [{ type: kind, id: row.id }] }, label: kind === 'schedule' ? `whoever is on call on ${escape(row.name)}` : escape(row.name) };
  }
}

const none = (): Promise<PageTargetRow[]> => Promise.resolve([]);

/** Slack's three control characters, so a name or title shows as typed. */
function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
