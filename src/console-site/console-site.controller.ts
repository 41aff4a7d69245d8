import { Controller, Get, Inject, NotFoundException, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { acceptsHtml, isNonConsolePath, normaliseConsolePath } from './console-paths';
import { consoleDirectory, consoleFile, CONSOLE_NOT_BUILT_PAGE } from './console-site';

/** Vite names the files under assets/ by their content's hash: they never change, so they may be kept a year. */
const HASHED_ASSETS = /^assets[\\/]/;

/**
 * The web console's files (docs/console.md). Any GET that no other route
 * takes comes here: a file of the built console is sent; otherwise a browser
 * navigating (Accept: text/html) to a console path gets index.html, the
 * single-page fallback. Paths under the API's prefixes (console-paths.ts), in
 * any spelling, are always a 404 here. Fastify prefers every exact route to
 * this wildcard, so it never shadows the API, /i/<token> or /actions.
 */
@ApiExcludeController()
@Controller()
export class ConsoleSiteController {
  private readonly root: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.root = consoleDirectory(config);
  }

  @Get(['/', '*'])
  @Public('open by design: the console\'s own files (its data comes from /api/v1, which needs a session or a key)')
  serve(@Req() req: FastifyRequest, @Res() reply: FastifyReply): FastifyReply {
    const notFound = () => new NotFoundException(`Cannot ${req.method} ${req.url.split('?')[0]}`);
    const normalised = normaliseConsolePath(req.url);
    if (normalised === null || isNonConsolePath(normalised)) throw notFound();

    const file = normalised === '/' ? null : consoleFile(this.root, normalised);
    if (file && file !== 'index.html') {
      const immutable = HASHED_ASSETS.test(file);
      reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      return reply.sendFile(file, this.root, { cacheControl: false });
    }
    if (req.method !== 'GET' || !acceptsHtml(req.headers.accept)) throw notFound();
    reply.header('cache-control', 'no-cache');
    if (!consoleFile(this.root, '/index.html')) return reply.type('text/html; charset=utf-8').send(CONSOLE_NOT_BUILT_PAGE);
    return reply.sendFile('index.html', this.root, { cacheControl: false });
  }
}
