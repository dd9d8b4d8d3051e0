/**
 * The three letters every organisation starts with, written for civil legal aid advice (Legal Help)
 * in England and Wales. They state only what holds for any legal aid provider; anything that
 * differs between organisations (complaints procedure, supervisor, office hours) is left for the
 * admin to add. Text format: a blank line between paragraphs, "# " starts a heading, "- " a bullet.
 */
import { SHIPPED_LETTER_KEYS, type ShippedLetterKey } from '@deepvalue/shared';

export const SHIPPED_TEMPLATES: Record<ShippedLetterKey, { name: string; body: string }> = {
  client_care: {
    name: 'Client care letter',
    body: `{{today}}

Dear {{client.fullName}}

Our reference: {{case.ref}}

# Your {{case.category}} case

Thank you for asking {{organisation.name}} for help. This letter confirms what we have agreed to do and what you can expect from us. Please keep it safe.

# Who is dealing with your case

{{adviser.name}} is dealing with your case. If they are away, another member of our team will help you. Please quote the reference above whenever you contact us.

# What we will do

We will give you advice about the problem you told us about, and take the steps we agree with you. We will explain your options, and what may happen with each, in plain words. If something changes, or we need more from you, we will tell you.

# Legal aid

We are helping you under legal aid. This means you do not pay us for this advice. We checked that you qualify when we opened your case. Please tell us straight away if your money or circumstances change, because this can affect whether legal aid can continue.

If our help leads to you getting or keeping money or property, the Legal Aid Agency may be able to ask for some of the cost of your legal aid to be paid back from it. This is called the statutory charge. We will tell you if it may apply to you.

# What we need from you

- Tell us the truth and give us the papers we ask for.
- Tell us about any letters, deadlines or hearing dates as soon as you know about them.
- Tell us if your address, phone number or the safe way to contact you changes.

# Your information

We keep your information securely and use it to advise you and to run your case. We report information about our legal aid work to the Legal Aid Agency, which pays for it. You can ask us for a copy of the information we hold about you.

# If you are unhappy with our service

Please tell {{adviser.name}} first. If that does not put things right, you can make a complaint under our complaints procedure; ask us for a copy. If you are still unhappy after our final response, you may be able to complain to the Legal Ombudsman. It has time limits for complaints. Its details are at www.legalombudsman.org.uk.

Yours sincerely

{{adviser.name}}
{{organisation.name}}`,
  },
  authority: {
    name: 'Letter of authority',
    body: `{{today}}

To whom it may concern

# Letter of authority

Name: {{client.fullName}}
Date of birth: {{client.dateOfBirth}}
Our reference: {{case.ref}}

I, {{client.fullName}}, give {{organisation.name}} my permission to act for me and to speak to you about my {{case.category}} matter.

Please give {{organisation.name}} any information they ask for about me and my matter, and discuss it with them, as if they were me. This permission lasts until I tell you in writing that it has ended.

A copy of this letter is as valid as the original.

Signed: ______________________________

Date: ______________________________`,
  },
  closing: {
    name: 'Closing letter',
    body: `{{today}}

Dear {{client.fullName}}

Our reference: {{case.ref}}

# We have closed your case

We have now finished working on your {{case.category}} case and closed it on {{case.closedOn}}. Thank you for letting us help you.

# What happens now

Please keep the letters and papers about your case. If anything else happens about this problem, or you get another letter about it, contact us as soon as you can. Some problems have strict time limits.

We will keep your file for the time our retention policy sets, and then destroy it securely. You can ask us for a copy of the information we hold about you before then.

# If you need help again

If you have a new problem, you are welcome to contact us again. We will check whether we can help, and whether legal aid is available for it.

# If you are unhappy with our service

Please tell us. You can make a complaint under our complaints procedure; ask us for a copy. If you are still unhappy after our final response, you may be able to complain to the Legal Ombudsman, which has time limits for complaints. Its details are at www.legalombudsman.org.uk.

Yours sincerely

{{adviser.name}}
{{organisation.name}}`,
  },
};

/** Anything that runs SQL: a TypeORM DataSource or EntityManager, or a pg client in a transaction. */
interface Queryable {
  query(sql: string, params: unknown[]): Promise<unknown>;
}

/**
 * Gives an organisation the shipped templates it does not have yet. Called where an organisation is
 * created (and by a migration for those made before), so reading templates never writes.
 */
export async function addShippedTemplates(db: Queryable, organisationId: string): Promise<void> {
  const keys = [...SHIPPED_LETTER_KEYS];
  await db.query(
    `INSERT INTO letter_templates (organisation_id, key, name, body)
     SELECT $1, k, n, b FROM unnest($2::text[], $3::text[], $4::text[]) AS s(k, n, b)
     ON CONFLICT DO NOTHING`,
    [organisationId, keys, keys.map((k) => SHIPPED_TEMPLATES[k].name), keys.map((k) => SHIPPED_TEMPLATES[k].body)],
  );
}
