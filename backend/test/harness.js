import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app.js';
import { SessionService } from '../src/access/session.service.js';
import { loadConfig } from '../src/config/config.js';
import { createTestDatabase } from './database.js';
let counter = 0;
export async function createHarness() {
    const db = await createTestDatabase();
    const config = loadConfig({ DATABASE_URL: db.url, LOG_LEVEL: 'silent', DB_POOL_SIZE: '5' });
    const app = await createApp(config, db.url);
    await app.init();
    const dataSource = app.get(DataSource);
    const sessions = app.get(SessionService);
    const http = () => request(app.getHttpServer());
    const harness = {
        app,
        db,
        dataSource,
        http,
        async makeOrganisation(input = {}) {
            const ref = input.ref ?? `org-${++counter}-${Math.random().toString(36).slice(2, 8)}`;
            const [row] = await dataSource.query(`INSERT INTO organisations (ref, name, kind) VALUES ($1, $2, $3) RETURNING id, ref`, [ref, input.name ?? `Organisation ${ref}`, input.kind ?? 'provider']);
            return row;
        },
        async makeUser(organisationId, role, input = {}) {
            const email = input.email ?? `${role}-${++counter}-${Math.random().toString(36).slice(2, 8)}@test.example`;
            const [row] = await dataSource.query(`INSERT INTO users (organisation_id, email, name, role) VALUES ($1, $2, $3, $4) RETURNING id`, [organisationId, email, input.name ?? `Test ${role}`, role]);
            const { token } = await sessions.create({ id: row.id, organisationId });
            return { id: row.id, organisationId, role, email, token };
        },
        as(user) {
            const agent = {};
            for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
                agent[method] = (path) => http()[method](path).set('Authorization', `Bearer ${user.token}`);
            }
            return agent;
        },
        async close() {
            await app.close();
            await db.drop();
        },
    };
    return harness;
}
//# sourceMappingURL=harness.js.map