import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { MinRole } from '../../../auth/auth.decorators';
import { ApiErrors, ApiUuidParam } from '../../../common/api-docs';
import { ParseUuidPipe } from '../../../common/parse-uuid.pipe';
import { SlackUserLinker } from './slack-user-linker';

export class SlackLinkResponse {
  @ApiProperty({ format: 'uuid', description: 'the Klaxon user', example: '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b' })
  userId: string;

  @ApiProperty({ description: 'the Slack user id now held by their `slack` contact method', example: 'U024BE7LH' })
  slackUserId: string;
}

/**
 * Links a Klaxon user to their Slack account by email. It lives with the Slack
 * code rather than in the users controller: users sit below notifications.
 */
@ApiTags('users')
@Controller('api/v1/users')
export class SlackLinkController {
  constructor(private readonly linker: SlackUserLinker) {}

  @Post(':id/slack-link')
  @HttpCode(200)
  @MinRole('admin')
  @ApiOperation({ summary: "Link a user to the Slack member with the same email (Slack's users.lookupByEmail)" })
  @ApiOkResponse({ type: SlackLinkResponse, description: 'linked (a `slack` contact method, without a notification rule), or already linked' })
  @ApiErrors([400, 404, 409], {
    400: '`id` is not a UUID, or no member of the Slack workspace has the user\'s email (names `email`)',
    404: 'no user has this id',
    409: 'Slack is not configured, or that Slack member is linked to another user',
  })
  @ApiUuidParam('id', 'the user id')
  link(@Param('id', ParseUuidPipe) id: string): Promise<SlackLinkResponse> {
    return this.linker.linkUser(id);
  }
}
