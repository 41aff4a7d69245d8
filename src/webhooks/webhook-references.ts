import { Injectable } from '@nestjs/common';
import { ReferenceRegistry } from '../common/references';

/** What still refers to a webhook (escalation policies that page it): deleting it is a 409. */
@Injectable()
export class WebhookReferences extends ReferenceRegistry {}
