import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { MinRole } from './auth.decorators';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiUuidParam } from '../common/api-docs';
import { ApiKeyListResponse, ApiKeyResponse, CreateApiKeyDto, CreatedApiKeyResponse } from './api-keys.dto';
import { ApiKeysService } from './api-keys.service';

@ApiTags('api-keys')
@Controller('api/v1/api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Post()
  @MinRole('admin')
  @ApiOperation({ summary: 'Create an API key (the key is shown only in this response)' })
  @ApiCreatedResponse({ type: CreatedApiKeyResponse, description: 'the key, with the key itself' })
  @ApiErrors([400, 413, 415])
  async create(@Body() dto: CreateApiKeyDto): Promise<CreatedApiKeyResponse> {
    const { key, apiKey } = await this.keys.create(dto.name, dto.role);
    return { ...ApiKeyResponse.of(apiKey), key };
  }

  @Get()
  @MinRole('read-only')
  @ApiOperation({ summary: 'List API keys (without the keys themselves)' })
  @ApiOkResponse({ type: ApiKeyListResponse, description: 'every key, revoked ones included, on one page' })
  async list(): Promise<{ items: ApiKeyResponse[]; nextCursor: null }> {
    return { items: (await this.keys.list()).map(ApiKeyResponse.of), nextCursor: null };
  }

  @Delete(':id')
  @MinRole('admin')
  @ApiOperation({ summary: 'Revoke an API key (effective within 5 seconds everywhere)' })
  @ApiNoContentResponse({ description: 'revoked' })
  @ApiErrors([400, 404])
  @HttpCode(204)
  @ApiUuidParam('id', 'the API key id')
  async revoke(@Param('id', ParseUuidPipe) id: string): Promise<void> {
    await this.keys.revoke(id);
  }
}
