/**
 * The API test harness: the real app on a fresh, migrated database. Factories create
 * organisations and users; `as(user)` gives a supertest agent signed in as that user (bearer).
 */
import type { INestApplication } from '@nestjs/common';
import type { Role } from '@deepvalue/shared';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { type TestDatabase } from './database.js';
export interface TestUser {
    id: string;
    organisationId: string;
    role: Role;
    email: string;
    token: string;
}
export interface Harness {
    app: INestApplication;
    db: TestDatabase;
    dataSource: DataSource;
    http: () => ReturnType<typeof request>;
    makeOrganisation(input?: {
        ref?: string;
        name?: string;
        kind?: 'provider' | 'commissioner';
    }): Promise<{
        id: string;
        ref: string;
    }>;
    makeUser(organisationId: string, role: Role, input?: {
        email?: string;
        name?: string;
    }): Promise<TestUser>;
    /** An agent whose every request carries the user's bearer token. */
    as(user: TestUser): AuthedAgent;
    close(): Promise<void>;
}
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
export type AuthedAgent = Record<Method, (path: string) => request.Test>;
export declare function createHarness(): Promise<Harness>;
export {};
