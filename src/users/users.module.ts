import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContactMethod } from './contact-method.entity';
import { NotificationRule } from './notification-rule.entity';
import { User } from './user.entity';
import { UserReferences } from './user-references';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([User, ContactMethod, NotificationRule])],
  controllers: [UsersController],
  providers: [UsersService, UsersRepository, UserReferences],
  exports: [UsersService, UserReferences],
})
export class UsersModule {}
