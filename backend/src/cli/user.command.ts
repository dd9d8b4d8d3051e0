import { ROLES, type Role } from '@deepvalue/shared';
import { ROLES_BY_KIND, UsersService } from '../access/users.service.js';
import { passwordProblem } from '../access/passwords.js';
import { OrganisationsService } from '../organisations/organisations.service.js';
import { UsageError, type CliCommand } from './command.js';

export type PasswordReader = (prompt: string, confirm: boolean) => Promise<string>;

/**
 * `user create`: the first admin (or any user) of an organisation. The password is asked for on a
 * terminal without echo, or read from stdin when piped (`echo "$PW" | npm run deepvalue -- user create …`).
 */
export function userCreateCommand(readPassword: PasswordReader = readPasswordFromStdin): CliCommand {
  return {
    name: 'user create',
    summary: 'Create a user with a password (e.g. the first admin of an organisation)',
    usage:
      'user create --email EMAIL --role adviser|manager|commissioner|admin --org REF [--name NAME] [--org-name NAME [--org-kind provider|commissioner]]',
    options: {
      email: { type: 'string' },
      role: { type: 'string' },
      org: { type: 'string' },
      name: { type: 'string' },
      'org-name': { type: 'string' },
      'org-kind': { type: 'string' },
    },
    async run({ values }, ctx) {
      const email = String(values.email ?? '').trim();
      const role = String(values.role ?? '') as Role;
      const ref = String(values.org ?? '').trim();
      const orgName = values['org-name'] === undefined ? undefined : String(values['org-name']).trim();
      const kind = String(values['org-kind'] ?? 'provider') as 'provider' | 'commissioner';
      if (!email || !/^[^@\s]+@[^@\s]+$/.test(email)) throw new UsageError('--email must be an email address');
      if (!ROLES.includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
      if (!ref) throw new UsageError('--org is required (the organisation reference)');
      if (kind !== 'provider' && kind !== 'commissioner')
        throw new UsageError('--org-kind must be provider or commissioner');

      const app = await ctx.app();
      const organisations = app.get(OrganisationsService);
      let organisation = await organisations.findByRef(ref);
      if (!organisation && !orgName) {
        ctx.log(`Error: there is no organisation with reference "${ref}". Add --org-name "…" to create it.`);
        return 1;
      }
      if (organisation && orgName && organisation.name !== orgName)
        ctx.log(`Note: organisation "${ref}" already exists as "${organisation.name}"; --org-name ignored.`);
      if (!ROLES_BY_KIND[organisation?.kind ?? kind].includes(role)) {
        ctx.log(`Error: a ${organisation?.kind ?? kind} organisation cannot have the role ${role}.`);
        return 1;
      }

      const password = await readPassword(`Password for ${email}: `, true);
      const name = String(values.name ?? email.split('@')[0]);
      const problem = passwordProblem(password, { email, name, organisation: organisation?.name ?? orgName });
      if (problem) {
        ctx.log(`Error: the password ${problem}.`);
        return 1;
      }
      if (!organisation) {
        organisation = await organisations.create({ ref, name: orgName!, kind });
        ctx.log(`Created organisation ${organisation.ref} (${organisation.name}).`);
      }
      const user = await app
        .get(UsersService)
        .createWithPassword(organisation.id, { email, name, role, password }, { userId: null, ip: null });
      ctx.stdout.write(`Created ${user.role} ${user.email} in ${organisation.ref} (id ${user.id})\n`);
      return 0;
    },
  };
}

export const userCreate = userCreateCommand();

/** Reads a password: hidden typing on a terminal (asked twice), else the first line of stdin. */
export async function readPasswordFromStdin(
  prompt: string,
  confirm: boolean,
  stdin: NodeJS.ReadStream | NodeJS.ReadableStream = process.stdin,
): Promise<string> {
  if (!('isTTY' in stdin) || !stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of stdin) chunks.push(Buffer.from(chunk as Buffer));
    return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0];
  }
  const first = await hiddenPrompt(prompt);
  if (confirm && (await hiddenPrompt('Repeat the password: ')) !== first)
    throw new Error('The two passwords are not the same');
  return first;
}

function hiddenPrompt(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let value = '';
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') {
          done();
          return resolve(value);
        }
        if (char === '\u0003') {
          done();
          return reject(new Error('Cancelled'));
        }
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1);
        else value += char;
      }
    };
    const done = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    stdin.on('data', onData);
  });
}
