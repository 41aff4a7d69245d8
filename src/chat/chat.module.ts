import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChatDestination } from './chat-destination.entity';
import { ChatDestinationReferences } from './chat-destination-references';
import { ChatDestinationsController } from './chat-destinations.controller';
import { ChatDestinationsRepository } from './chat-destinations.repository';
import { ChatDestinationsService } from './chat-destinations.service';

/** Chat destinations (docs/chat-destinations.md): the rooms escalation levels may page. */
@Module({
  imports: [TypeOrmModule.forFeature([ChatDestination])],
  controllers: [ChatDestinationsController],
  providers: [ChatDestinationsRepository, ChatDestinationsService, ChatDestinationReferences],
  exports: [ChatDestinationsService, ChatDestinationReferences],
})
export class ChatModule {}
