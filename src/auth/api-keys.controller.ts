import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { MinRole } from './auth.decorators';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiKeyResponse, CreateApiKeyDto, CreatedApiKeyResponse } from './api-keys.dto';
import { ApiKeysService } from './api-keys.service';

@ApiTags('api-keys')
@ApiBearerAuth()
@Controller('api/v1/api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Post()
  @MinRole('admin')
  async create(@Body() dto: CreateApiKeyDto): Promise<CreatedApiKeyResponse> {
    const { key, apiKey } = await this.keys.create(dto.name, dto.role);
    return { ...ApiKeyResponse.of(apiKey), key };
  }

  @Get()
  @MinRole('read-only')
  async list(): Promise<{ items: ApiKeyResponse[]; nextCursor: null }> {
    return { items: (await this.keys.list()).map(ApiKeyResponse.of), nextCursor: null };
  }

  @Delete(':id')
  @MinRole('admin')
  @HttpCode(204)
  async revoke(@Param('id', ParseUuidPipe) id: string): Promise<void> {
    await this.keys.revoke(id);
  }
}
