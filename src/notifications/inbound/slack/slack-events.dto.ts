import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Slack's requests and Klaxon's answers as OpenAPI schemas; slack-events.service.ts is the judge of a request. */

export class SlackEventBody {
  @ApiPropertyOptional({ description: 'interactivity: the JSON of the button click (form-encoded)', example: '{"type":"block_actions","actions":[{"action_id":"ack"}]}' })
  payload?: string;
  @ApiPropertyOptional({ description: 'a slash command', example: '/oncall' }) command?: string;
  @ApiPropertyOptional({ description: "the slash command's text", example: 'payments' }) text?: string;
  @ApiPropertyOptional({ description: 'url_verification (JSON), when Slack checks the URL', example: 'url_verification' }) type?: string;
  @ApiPropertyOptional({ description: 'url_verification: the value to answer', example: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P' })
  challenge?: string;
}

export class SlackChallengeResponse {
  @ApiProperty({ description: 'the challenge of a url_verification request', example: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P' }) challenge: string;
}

export class SlackErrorResponse {
  @ApiProperty({ description: 'why the request was refused', example: 'invalid Slack signature' }) error: string;
}
