import { Injectable } from '@nestjs/common';
import { Reference, ReferenceChecker, ReferenceRegistry } from '../common/references';

export type UserReference = Reference;
export type UserReferenceChecker = ReferenceChecker;

/** What still refers to a user (schedules' rotations, escalation policies): deleting them is a 409. */
@Injectable()
export class UserReferences extends ReferenceRegistry {}
