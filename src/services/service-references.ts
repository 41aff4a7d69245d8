import { Injectable } from '@nestjs/common';
import { ReferenceRegistry } from '../common/references';

/** What still routes to a service (event routers' rules and fallbacks): deleting it is a 409. */
@Injectable()
export class ServiceReferences extends ReferenceRegistry {}
