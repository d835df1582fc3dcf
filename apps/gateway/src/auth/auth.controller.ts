import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Ip,
  Param,
  Post,
  UseFilters,
} from '@nestjs/common';
import {
  checkPasswordStrength,
  generateApiKey,
  hashApiSecret,
  hashPassword,
  LoginRateLimiter,
  verifyPassword,
} from '@monitor/auth';
import {
  CreateApiKeyDto,
  DeleteApiKeyDto,
  UpdatePasswordDto,
  UsernamePasswordDto,
  validateDto,
} from '@monitor/contracts';
import { Inject } from '@nestjs/common';
import type { MonitorConfig } from '@monitor/config';
import type { ReadModel } from '@monitor/projections';
import { newId, type CommandMeta } from '@monitor/resources';
import { MONITOR_CONFIG, READ_MODEL } from '@monitor/runtime';
import { ApiError } from '../api/api-error';
import { HttpErrorFilter } from '../api/http-error.filter';
import { toKomodoUser } from './user-shape';
import { Authenticator, credentialsOf } from './authenticator';
import { IdentityCommands } from './identity-commands';

type Headers = Record<string, string | string[] | undefined>;

/** Komodo's auth routes: `/auth/login/<Request>` (open) and `/auth/manage/<Request>`, `GET /user`. */
@Controller()
@UseFilters(HttpErrorFilter)
export class AuthController {
  private readonly limiter: LoginRateLimiter;
  /** Verified against when the user does not exist, so timing does not tell who exists. */
  private readonly dummyHash = hashPassword(newId());

  constructor(
    private readonly authenticator: Authenticator,
    private readonly identity: IdentityCommands,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    @Inject(MONITOR_CONFIG) private readonly config: MonitorConfig,
  ) {
    const {
      login_attempts_per_user: user,
      login_attempts_per_address: ip,
      login_window_ms: windowMs,
    } = config.auth;
    this.limiter = new LoginRateLimiter({
      limits: { user: { maxAttempts: user, windowMs }, ip: { maxAttempts: ip, windowMs } },
    });
  }

  @Post('auth/login/:request')
  @HttpCode(200)
  async login(@Param('request') request: string, @Body() body: unknown, @Ip() ip: string) {
    switch (request) {
      case 'GetLoginOptions':
        return {
          local: true,
          oidc: false,
          github: false,
          google: false,
          registration_disabled: this.registrationDisabled(),
          oidc_auto_redirect: false,
        };
      case 'SignUpLocalUser':
        return this.signUp(valid(UsernamePasswordDto, body, request));
      case 'LoginLocalUser':
        return this.logIn(valid(UsernamePasswordDto, body, request), ip);
      default:
        throw new ApiError(404, `unknown request '${request}' for /auth/login`, 'NOT_FOUND');
    }
  }

  @Post('auth/manage/:request')
  @HttpCode(200)
  async manage(
    @Param('request') request: string,
    @Body() body: unknown,
    @Headers() headers: Headers,
  ) {
    const principal = this.authenticator.authenticate(credentialsOf(headers));
    const meta: CommandMeta = { userId: principal.id, via: principal.via, correlationId: newId() };
    switch (request) {
      case 'CreateApiKey': {
        const { name, expires = 0 } = valid(CreateApiKeyDto, body, request);
        const { key, secret } = generateApiKey();
        const record = {
          key,
          name,
          secretHash: hashApiSecret(secret),
          createdAt: Date.now(),
          expires,
        };
        await this.identity.user(principal.id, { type: 'CreateApiKey', key: record }, meta);
        return { key, secret };
      }
      case 'DeleteApiKey': {
        const { key } = valid(DeleteApiKeyDto, body, request);
        await this.identity.user(principal.id, { type: 'DeleteApiKey', key }, meta);
        return {};
      }
      case 'UpdatePassword': {
        const { password } = valid(UpdatePasswordDto, body, request);
        const weak = checkPasswordStrength(password, principal.user.username);
        if (weak) throw new ApiError(400, `password: ${weak}`, 'VALIDATION');
        await this.identity.user(
          principal.id,
          { type: 'ChangePassword', passwordHash: await hashPassword(password), at: Date.now() },
          meta,
        );
        return {};
      }
      default:
        throw new ApiError(404, `unknown request '${request}' for /auth/manage`, 'NOT_FOUND');
    }
  }

  @Get('user')
  user(@Headers() headers: Headers) {
    return toKomodoUser(this.authenticator.identify(credentialsOf(headers)).user);
  }

  private registrationDisabled(): boolean {
    return this.readModel.identity.userCount() > 0 && !this.config.auth.allow_signups;
  }

  private async signUp({ username, password }: UsernamePasswordDto) {
    if (this.registrationDisabled()) {
      throw new ApiError(
        403,
        'sign-ups are disabled: ask an admin, or set auth.allow_signups',
        'FORBIDDEN',
      );
    }
    const weak = checkPasswordStrength(password, username);
    if (weak) throw new ApiError(400, `password: ${weak}`, 'VALIDATION');
    const meta: CommandMeta = { userId: 'anonymous', via: 'api', correlationId: newId() };
    const id = await this.identity.signUp(username, await hashPassword(password), meta);
    return { jwt: this.authenticator.issueJwt(id) };
  }

  private async logIn({ username, password }: UsernamePasswordDto, ip: string) {
    const keys = [`user:${username}`, `ip:${ip}`];
    const allowed = this.limiter.check(keys);
    if (!allowed.allowed) {
      const seconds = Math.ceil(allowed.retryAfterMs / 1000);
      throw new ApiError(429, `too many failed logins; try again in ${seconds} s`, 'RATE_LIMITED');
    }
    const user = this.readModel.identity.userByName(username);
    const ok = await verifyPassword(password, user?.passwordHash ?? (await this.dummyHash));
    if (!user || !ok) {
      this.limiter.recordFailure(keys);
      throw new ApiError(401, 'invalid username or password', 'UNAUTHENTICATED');
    }
    this.limiter.reset(`user:${username}`);
    if (!user.enabled)
      throw new ApiError(
        403,
        `user '${username}' is disabled; an admin must enable it`,
        'FORBIDDEN',
      );
    return { type: 'Jwt', data: { jwt: this.authenticator.issueJwt(user.id) } };
  }
}

function valid<T extends object>(dto: new () => T, body: unknown, request: string): T {
  const result = validateDto(dto, body ?? {});
  if (!result.ok) {
    const messages = result.errors.map((e) =>
      e.message.includes(e.field) ? e.message : `${e.field}: ${e.message}`,
    );
    throw new ApiError(400, `${request}: ${messages.join('; ')}`, 'VALIDATION', {
      errors: result.errors,
    });
  }
  return result.value;
}
