import { Injectable } from '@nestjs/common';
import type { Actor } from '../incidents/incident-lifecycle';

export type DirectPageTargetType = 'user' | 'schedule' | 'escalation-policy';

/** An incident opened by hand (docs/direct-paging.md): for a service, or for targets. */
export interface DirectPageRequest {
  title: string;
  details?: string;
  severity?: 'critical' | 'error' | 'warning' | 'info';
  serviceId?: string;
  targets?: { type: DirectPageTargetType; id: string }[];
}

export interface OpenedIncident {
  id: string;
  number: number;
  title: string;
}

export interface DirectPager {
  /** Opens the incident, committed; a ValidationError names the bad field. */
  open(request: DirectPageRequest, actor: Actor): Promise<OpenedIncident>;
}

/**
 * How Slack's `/page` (inbound, here in notifications) reaches direct paging,
 * which lives in escalation (it builds the one-off policy snapshot) above
 * notifications: escalation registers its pager at start, as the engine
 * registers its incident listener. No import goes up a layer.
 */
@Injectable()
export class DirectPagerHook {
  private pager: DirectPager | null = null;

  register(pager: DirectPager): void {
    this.pager = pager;
  }

  open(request: DirectPageRequest, actor: Actor): Promise<OpenedIncident> {
    if (!this.pager) throw new Error('direct paging is not registered (the escalation module is not loaded)');
    return this.pager.open(request, actor);
  }
}
