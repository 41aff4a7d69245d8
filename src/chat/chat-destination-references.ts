import { Injectable } from '@nestjs/common';
import { ReferenceRegistry } from '../common/references';

/** What still refers to a chat destination (escalation policies): deleting it is a 409. */
@Injectable()
export class ChatDestinationReferences extends ReferenceRegistry {}
