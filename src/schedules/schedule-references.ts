import { Injectable } from '@nestjs/common';
import { ReferenceRegistry } from '../common/references';

/** What still refers to a schedule (escalation policies): deleting it is a 409. */
@Injectable()
export class ScheduleReferences extends ReferenceRegistry {}
