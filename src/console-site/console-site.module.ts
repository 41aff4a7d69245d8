import { Module } from '@nestjs/common';
import { ConsoleSiteController } from './console-site.controller';

/** Serves the built web console (console/dist) at `/`; registered last so every other route is known first. */
@Module({ controllers: [ConsoleSiteController] })
export class ConsoleSiteModule {}
