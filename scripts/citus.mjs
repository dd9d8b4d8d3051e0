// A local Citus cluster for development and tests: a coordinator and two workers on ports
// CITUS_PORT, +1, +2 (default 9700–9702), data under .data/citus/. `npm run citus:start` prints the
// DATABASE_URL; `npm run citus:stop` stops the three servers (the data stays; `rm -rf .data/citus`
// starts afresh).
//
// Uses an installed Citus (citus.so in pg_config's pkglibdir) when there is one. Otherwise it
// builds one from the source tarball in CITUS_SOURCE, applying CITUS_PATCH if given; the build
// needs the server headers and libraries, which it apt-installs only when CITUS_APT_INSTALL=1.
// PG_CONFIG picks the PostgreSQL (default: the newest /usr/lib/postgresql/<n>/bin/pg_config).
// A real deployment installs Citus from its packages or container image instead (README).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dataDir = path.join(root, '.data', 'citus');
const basePort = Number(process.env.CITUS_PORT ?? 9700);
const nodes = [
  { name: 'coordinator', port: basePort },
  { name: 'worker1', port: basePort + 1 },
  { name: 'worker2', port: basePort + 2 },
];
const database = process.env.CITUS_DATABASE ?? 'deepvalue';
const asRoot = process.getuid?.() === 0;
// PostgreSQL refuses to run as root: as root the servers run as the 'postgres' user.
const serverUser = asRoot ? 'postgres' : undefined;

const APT_PACKAGES = [
  'postgresql-server-dev-15',
  'libcurl4-openssl-dev',
  'liblz4-dev',
  'libzstd-dev',
  'libkrb5-dev',
  'libssl-dev',
  'libselinux1-dev',
  'libxslt1-dev',
  'libpam0g-dev',
  'libreadline-dev',
  'autoconf',
];

function fail(message) {
  console.error(`citus: ${message}`);
  process.exit(1);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    stdio: options.capture ? 'pipe' : 'inherit',
    encoding: 'utf8',
    ...options,
  });
  if (result.status !== 0 && !options.allowFail) {
    fail(`${command} ${args.join(' ')} exited ${result.status}${result.stderr ? `: ${result.stderr.trim()}` : ''}`);
  }
  return result;
}

/** Runs a PostgreSQL program as the server user (runuser when we are root). */
function runAsServer(program, args, options = {}) {
  return serverUser ? run('runuser', ['-u', serverUser, '--', program, ...args], options) : run(program, args, options);
}

function findPgConfig() {
  if (process.env.PG_CONFIG) return process.env.PG_CONFIG;
  const base = '/usr/lib/postgresql';
  const versions = fs.existsSync(base)
    ? fs
        .readdirSync(base)
        .filter((v) => fs.existsSync(path.join(base, v, 'bin', 'pg_config')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) {
    fail('no PostgreSQL server found (/usr/lib/postgresql/<n>/bin/pg_config); install postgresql-15, or set PG_CONFIG');
  }
  return path.join(base, versions[0], 'bin', 'pg_config');
}

const pgConfigValue = (pgConfig, flag) => run(pgConfig, [flag], { capture: true }).stdout.trim();

function citusInstalled(pgConfig) {
  return fs.existsSync(path.join(pgConfigValue(pgConfig, '--pkglibdir'), 'citus.so'));
}

function buildCitus(pgConfig) {
  const source = process.env.CITUS_SOURCE;
  if (!source) {
    fail(
      'Citus is not installed for this PostgreSQL. Install it (https://docs.citusdata.com), or set ' +
        'CITUS_SOURCE to a Citus source tarball to build one (CITUS_PATCH: a patch to apply; ' +
        'CITUS_APT_INSTALL=1: apt-get install the build dependencies).',
    );
  }
  if (process.env.CITUS_APT_INSTALL === '1') {
    run('apt-get', ['update']);
    run('apt-get', ['install', '-y', ...APT_PACKAGES], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  } else if (!fs.existsSync(path.join(pgConfigValue(pgConfig, '--includedir-server'), 'postgres.h'))) {
    fail(
      `the PostgreSQL server headers are missing; set CITUS_APT_INSTALL=1 to apt-get install ${APT_PACKAGES.join(' ')}`,
    );
  }
  const buildDir = path.join(root, '.data', 'citus-build');
  fs.rmSync(buildDir, { recursive: true, force: true });
  fs.mkdirSync(buildDir, { recursive: true });
  console.log(`citus: building from ${source} in ${buildDir}`);
  run('tar', ['xzf', path.resolve(source), '-C', buildDir, '--strip-components=1']);
  if (process.env.CITUS_PATCH) run('patch', ['-p1', '-i', path.resolve(process.env.CITUS_PATCH)], { cwd: buildDir });
  run('./configure', [], { cwd: buildDir, env: { ...process.env, PG_CONFIG: pgConfig } });
  run('make', ['-j2'], { cwd: buildDir });
  run('make', ['install'], { cwd: buildDir });
  if (!citusInstalled(pgConfig)) fail('the build finished but citus.so is not in the PostgreSQL library directory');
}

function psql(bin, port, db, sql) {
  return run(
    path.join(bin, 'psql'),
    [
      '-X',
      '-q',
      '-v',
      'ON_ERROR_STOP=1',
      '-h',
      '127.0.0.1',
      '-p',
      String(port),
      '-U',
      'postgres',
      '-d',
      db,
      '-tAc',
      sql,
    ],
    {
      capture: true,
    },
  ).stdout.trim();
}

function initNode(bin, node) {
  const dir = path.join(dataDir, node.name);
  if (fs.existsSync(path.join(dir, 'PG_VERSION'))) return false;
  fs.mkdirSync(dir, { recursive: true });
  if (serverUser) run('chown', ['-R', `${serverUser}:${serverUser}`, dataDir]);
  // trust on loopback only: a development cluster, listening on 127.0.0.1 alone.
  runAsServer(
    path.join(bin, 'initdb'),
    ['-D', dir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8'],
    {
      capture: true,
    },
  );
  fs.appendFileSync(
    path.join(dir, 'postgresql.conf'),
    [
      '',
      '# deepvalue citus:start',
      "shared_preload_libraries = 'citus'",
      "listen_addresses = '127.0.0.1'",
      `port = ${node.port}`,
      'max_connections = 300',
      'citus.max_client_connections = 250',
      // A development and test cluster: speed over crash safety.
      'fsync = off',
      'synchronous_commit = off',
      'full_page_writes = off',
      '',
    ].join('\n'),
  );
  return true;
}

function start() {
  const pgConfig = findPgConfig();
  if (!citusInstalled(pgConfig)) buildCitus(pgConfig);
  const bin = pgConfigValue(pgConfig, '--bindir');
  fs.mkdirSync(dataDir, { recursive: true });
  if (serverUser) {
    // The server user must reach the data directory through the checkout.
    for (let dir = dataDir; dir !== path.dirname(dir); dir = path.dirname(dir)) {
      const { mode } = fs.statSync(dir);
      if ((mode & 0o005) !== 0o005) fs.chmodSync(dir, mode | 0o005);
    }
  }
  const fresh = nodes.map((node) => initNode(bin, node));
  for (const node of nodes) {
    const dir = path.join(dataDir, node.name);
    const status = runAsServer(path.join(bin, 'pg_ctl'), ['-D', dir, 'status'], { capture: true, allowFail: true });
    if (status.status === 0) continue;
    runAsServer(path.join(bin, 'pg_ctl'), ['-D', dir, '-l', path.join(dir, 'server.log'), '-w', 'start'], {
      capture: true,
    });
  }
  for (const [i, node] of nodes.entries()) {
    if (!fresh[i]) continue;
    psql(bin, node.port, 'postgres', 'CREATE EXTENSION IF NOT EXISTS citus');
    psql(bin, node.port, 'postgres', `CREATE DATABASE ${database}`);
    psql(bin, node.port, database, 'CREATE EXTENSION IF NOT EXISTS citus');
  }
  if (fresh[0]) {
    for (const db of ['postgres', database]) {
      psql(bin, basePort, db, `SELECT citus_set_coordinator_host('127.0.0.1', ${basePort})`);
      for (const worker of nodes.slice(1))
        psql(bin, basePort, db, `SELECT citus_add_node('127.0.0.1', ${worker.port})`);
    }
  }
  const workers = psql(bin, basePort, database, 'SELECT count(*) FROM citus_get_active_worker_nodes()');
  const version = psql(bin, basePort, database, "SELECT extversion FROM pg_extension WHERE extname = 'citus'");
  console.error(`citus: Citus ${version}, coordinator on ${basePort}, ${workers} workers, data in ${dataDir}`);
  console.log(`DATABASE_URL=postgres://postgres@127.0.0.1:${basePort}/${database}`);
}

function stop() {
  const bin = pgConfigValue(findPgConfig(), '--bindir');
  for (const node of [...nodes].reverse()) {
    const dir = path.join(dataDir, node.name);
    if (!fs.existsSync(path.join(dir, 'postmaster.pid'))) continue;
    runAsServer(path.join(bin, 'pg_ctl'), ['-D', dir, '-m', 'fast', '-w', 'stop'], { capture: true, allowFail: true });
    console.error(`citus: stopped ${node.name} (${node.port})`);
  }
}

const command = process.argv[2];
if (command === 'start') start();
else if (command === 'stop') stop();
else fail('usage: node scripts/citus.mjs start|stop');
