import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../audit/audit.service.js';
import {
  InvitedUserDto,
  InviteUserDto,
  SetPasswordLinkDto,
  toLinkDto,
  toUserDto,
  UpdateUserDto,
  UserDto,
} from './dto/users.dto.js';
import { CurrentActor, CurrentUser, type RequestUser } from './request-user.js';
import { Roles } from './roles.decorator.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'List the organisation’s users' })
  @ApiOkResponse({ type: [UserDto] })
  async list(@CurrentUser() user: RequestUser): Promise<UserDto[]> {
    return (await this.users.list(user.organisationId)).map(toUserDto);
  }

  @Post()
  @ApiOperation({ summary: 'Invite a user' })
  @ApiCreatedResponse({ type: InvitedUserDto })
  async invite(
    @CurrentUser() user: RequestUser,
    @Body() body: InviteUserDto,
    @CurrentActor() actor: Actor,
  ): Promise<InvitedUserDto> {
    const invited = await this.users.invite(user.organisationId, body, actor);
    return { user: toUserDto(invited.user), ...toLinkDto(invited) };
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a user’s name, role or active status' })
  @ApiOkResponse({ type: UserDto })
  async update(
    @CurrentUser() user: RequestUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateUserDto,
    @CurrentActor() actor: Actor,
  ): Promise<UserDto> {
    const { version, ...change } = body;
    return toUserDto(await this.users.update(user.organisationId, id, change, version, actor));
  }

  @Post(':id/reset-password')
  @ApiOperation({ summary: 'Issue a password reset link for a user' })
  @HttpCode(200)
  @ApiOkResponse({ type: SetPasswordLinkDto })
  async resetPassword(
    @CurrentUser() user: RequestUser,
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<SetPasswordLinkDto> {
    return toLinkDto(await this.users.resetPassword(user.organisationId, id, actor));
  }

  @Post(':id/reset-two-factor')
  @ApiOperation({ summary: 'Turn off a user’s two-factor sign-in' })
  @HttpCode(200)
  @ApiOkResponse({ type: UserDto })
  async resetTwoFactor(
    @CurrentUser() user: RequestUser,
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<UserDto> {
    return toUserDto(await this.users.resetTwoFactor(user.organisationId, id, actor));
  }
}
