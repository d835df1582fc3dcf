import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Ip,
  Param,
  Post,
  Res,
  UseFilters,
} from '@nestjs/common';
import type { Response } from 'express';
import {
  addressKey,
  checkPasswordStrength,
  generateApiKey,
  hashApiSecret,
  hashPassword,
  LoginThrottle,
  verifyPassword,
  type JwtClaims,
} from '@monitor/auth';
import { AUTH_REQUESTS, validateDto, type UsernamePasswordDto } from '@monitor/contracts';
import { Inject } from '@nestjs/common';
import type { MonitorConfig } from '@monitor/config';
import { usernameKey, type UserCommand } from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import { newId, type CommandMeta } from '@monitor/resources';
import { MONITOR_CONFIG, READ_MODEL } from '@monitor/runtime';
import { ApiError } from '../api/api-error';
import { HttpErrorFilter } from '../api/http-error.filter';
import { toKomodoUser } from './user-shape';
import { Authenticator, credentialsOf } from './authenticator';
import { IdentityCommands, signUpsClosed } from './identity-commands';

type Headers = Record<string, string | string[] | undefined>;

const DAY_MS = 24 * 3600 * 1000;

/** Komodo's auth routes: `/auth/login/<Request>` (open) and `/auth/manage/<Request>`, `GET /user`. */
@Controller()
@UseFilters(HttpErrorFilter)
export class AuthController {
  private readonly throttle: LoginThrottle;
  /** Verified against when the user does not exist, so timing does not tell who exists. */
  private readonly dummyHash = hashPassword(newId());

  constructor(
    private readonly authenticator: Authenticator,
    private readonly identity: IdentityCommands,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    @Inject(MONITOR_CONFIG) private readonly config: MonitorConfig,
  ) {
    const { auth } = config;
    this.throttle = new LoginThrottle({
      limits: {
        perUserAddress: auth.login_attempts_per_user,
        perAddress: auth.login_attempts_per_address,
        perUser: auth.login_attempts_per_user_global,
        windowMs: auth.login_window_ms,
        trustMs: auth.login_address_trust_days * DAY_MS,
      },
    });
  }

  @Post('auth/login/:request')
  @HttpCode(200)
  async login(
    @Param('request') request: string,
    @Body() body: unknown,
    @Ip() ip: string,
    @Res({ passthrough: true }) res: Response,
  ) {
    switch (request) {
      case AUTH_REQUESTS.GetLoginOptions.name:
        return {
          local: true,
          oidc: false,
          github: false,
          google: false,
          registration_disabled: this.registrationDisabled(),
          oidc_auto_redirect: false,
        };
      case AUTH_REQUESTS.SignUpLocalUser.name:
        return this.signUp(valid(AUTH_REQUESTS.SignUpLocalUser.dto, body, request));
      case AUTH_REQUESTS.LoginLocalUser.name:
        return this.logIn(valid(AUTH_REQUESTS.LoginLocalUser.dto, body, request), ip, res);
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
    // A disabled user may still log out.
    const { principal, token } = await this.authenticator.session(credentialsOf(headers), {
      allowDisabled: request === AUTH_REQUESTS.Logout.name,
    });
    const meta: CommandMeta = { userId: principal.id, via: principal.via, correlationId: newId() };
    switch (request) {
      case AUTH_REQUESTS.CreateApiKey.name: {
        const { name, expires = 0 } = valid(AUTH_REQUESTS.CreateApiKey.dto, body, request);
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
      case AUTH_REQUESTS.DeleteApiKey.name: {
        const { key } = valid(AUTH_REQUESTS.DeleteApiKey.dto, body, request);
        await this.identity.user(principal.id, { type: 'DeleteApiKey', key }, meta);
        return {};
      }
      case AUTH_REQUESTS.UpdatePassword.name: {
        const { password } = valid(AUTH_REQUESTS.UpdatePassword.dto, body, request);
        const weak = checkPasswordStrength(password, principal.user.username);
        if (weak) throw new ApiError(400, `password: ${weak}`, 'VALIDATION');
        await this.identity.user(
          principal.id,
          { type: 'ChangePassword', passwordHash: await hashPassword(password), at: Date.now() },
          meta,
        );
        return {};
      }
      case AUTH_REQUESTS.Logout.name: {
        const { all = false } = valid(AUTH_REQUESTS.Logout.dto, body, request);
        await this.identity.user(principal.id, logoutCommand(all, token), meta);
        return {};
      }
      default:
        throw new ApiError(404, `unknown request '${request}' for /auth/manage`, 'NOT_FOUND');
    }
  }

  @Get('user')
  async user(@Headers() headers: Headers) {
    return toKomodoUser((await this.authenticator.identify(credentialsOf(headers))).user);
  }

  private registrationDisabled(): boolean {
    return this.readModel.identity.userCount() > 0 && !this.config.auth.allow_signups;
  }

  private async signUp({ username, password }: UsernamePasswordDto) {
    if (this.registrationDisabled()) throw signUpsClosed();
    const weak = checkPasswordStrength(password, username);
    if (weak) throw new ApiError(400, `password: ${weak}`, 'VALIDATION');
    const existing = this.readModel.identity.userByName(username);
    if (existing) {
      throw new ApiError(409, `a user named '${existing.username}' already exists`, 'CONFLICT');
    }
    const meta: CommandMeta = { userId: 'anonymous', via: 'api', correlationId: newId() };
    const hash = await hashPassword(password);
    const id = await this.identity.signUp(username, hash, meta, this.config.auth.allow_signups);
    return { jwt: await this.authenticator.issueJwt(id) };
  }

  /**
   * The attempt is counted before the password is checked, in the same synchronous step as the
   * limit check, so a burst of parallel guesses gets no more checks than the limit allows.
   * Names compare regardless of case, as they are unique that way: the limits count per name.
   */
  private async logIn({ username, password }: UsernamePasswordDto, ip: string, res: Response) {
    const permit = this.throttle.reserve(usernameKey(username), addressKey(ip));
    if (!permit.allowed) {
      const seconds = Math.ceil(permit.retryAfterMs / 1000);
      res.setHeader('Retry-After', String(seconds));
      throw new ApiError(429, `too many failed logins; try again in ${seconds} s`, 'RATE_LIMITED');
    }
    const user = this.readModel.identity.userByName(username);
    const ok = await verifyPassword(password, user?.passwordHash ?? (await this.dummyHash));
    if (!user || !ok) throw new ApiError(401, 'invalid username or password', 'UNAUTHENTICATED');
    this.throttle.succeeded(permit.ticket);
    if (!user.enabled)
      throw new ApiError(
        403,
        `user '${username}' is disabled; an admin must enable it`,
        'FORBIDDEN',
      );
    return { type: 'Jwt', data: { jwt: await this.authenticator.issueJwt(user.id) } };
  }
}

/**
 * Logout ends the session it is sent from, by the token's id: logging out of one browser should
 * not end the others, nor a script's. `all` ends every session (a lost laptop, a leaked token).
 */
function logoutCommand(all: boolean, token: JwtClaims | undefined): UserCommand {
  const at = Date.now();
  if (all) return { type: 'LogOutEverywhere', at };
  if (!token) {
    throw new ApiError(
      400,
      'Logout: these credentials are an API key, not a login token; delete the key with DeleteApiKey, or give all: true to revoke every login token',
      'VALIDATION',
    );
  }
  return { type: 'LogOut', jti: token.jti, expiresAt: token.exp * 1000, at };
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
