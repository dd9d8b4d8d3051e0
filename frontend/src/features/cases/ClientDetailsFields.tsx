import type { ApiError } from '@deepvalue/shared';
import { isIsoDate, today } from '../../app/format';
import { TextInput } from '../../ui/TextInput';
import type { Client } from '@deepvalue/shared';

export interface ClientDetails {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  postcodeDistrict: string;
  email: string;
  phone: string;
}

export const EMPTY_CLIENT_DETAILS: ClientDetails = {
  firstName: '',
  lastName: '',
  dateOfBirth: '',
  postcodeDistrict: '',
  email: '',
  phone: '',
};

export function clientDetailsOf(client: Partial<Client>): ClientDetails {
  return {
    firstName: client.firstName ?? '',
    lastName: client.lastName ?? '',
    dateOfBirth: client.dateOfBirth ?? '',
    postcodeDistrict: client.postcodeDistrict ?? '',
    email: client.email ?? '',
    phone: client.phone ?? '',
  };
}

/** The outward part of a UK postcode: E3, SW1A, M1, B33. */
const POSTCODE_DISTRICT = /^[A-Z]{1,2}[0-9][A-Z0-9]?$/;

export function validateClientDetails(values: ClientDetails, now = today()): ApiError[] {
  const errors: ApiError[] = [];
  if (!values.firstName.trim() && !values.lastName.trim())
    errors.push({ path: 'firstName', message: 'Enter the client’s first name or last name' });
  if (values.dateOfBirth) {
    if (!isIsoDate(values.dateOfBirth))
      errors.push({ path: 'dateOfBirth', message: 'Date of birth must be a real date' });
    else if (values.dateOfBirth > now)
      errors.push({ path: 'dateOfBirth', message: 'Date of birth must be in the past' });
    else if (values.dateOfBirth < '1900-01-01')
      errors.push({ path: 'dateOfBirth', message: 'Date of birth must be after 1 January 1900' });
  }
  const district = values.postcodeDistrict.trim().toUpperCase();
  if (district && !POSTCODE_DISTRICT.test(district))
    errors.push({
      path: 'postcodeDistrict',
      message: 'Enter only the first part of the postcode, like E3 or SW1A',
    });
  if (values.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim()))
    errors.push({ path: 'email', message: 'Enter an email address in the correct format, like name@example.com' });
  return errors;
}

/** Name, date of birth, postcode district and contact details: one "thing" on one page. */
export function ClientDetailsFields({
  values,
  onChange,
  errorFor,
  autoFocus,
}: {
  values: ClientDetails;
  onChange: (values: ClientDetails) => void;
  errorFor: (path: string) => string | undefined;
  autoFocus?: boolean;
}) {
  const set = (key: keyof ClientDetails, value: string) => onChange({ ...values, [key]: value });
  return (
    <>
      <TextInput
        id="firstName"
        label="First name"
        autoComplete="off"
        spellCheck={false}
        autoFocus={autoFocus}
        value={values.firstName}
        onChange={(e) => set('firstName', e.target.value)}
        error={errorFor('firstName')}
      />
      <TextInput
        id="lastName"
        label="Last name"
        autoComplete="off"
        spellCheck={false}
        value={values.lastName}
        onChange={(e) => set('lastName', e.target.value)}
        error={errorFor('lastName')}
      />
      <TextInput
        id="dateOfBirth"
        label="Date of birth (optional)"
        hint="Helps tell apart clients with the same name"
        type="date"
        max={today()}
        value={values.dateOfBirth}
        onChange={(e) => set('dateOfBirth', e.target.value)}
        error={errorFor('dateOfBirth')}
      />
      <TextInput
        id="postcodeDistrict"
        label="Postcode district (optional)"
        hint="Only the first part of the postcode, like E3 or SW1A"
        width={5}
        autoComplete="off"
        spellCheck={false}
        value={values.postcodeDistrict}
        onChange={(e) => set('postcodeDistrict', e.target.value)}
        error={errorFor('postcodeDistrict')}
      />
      <TextInput
        id="email"
        label="Email (optional)"
        type="email"
        autoComplete="off"
        spellCheck={false}
        value={values.email}
        onChange={(e) => set('email', e.target.value)}
        error={errorFor('email')}
      />
      <TextInput
        id="phone"
        label="Phone (optional)"
        type="tel"
        autoComplete="off"
        width={20}
        value={values.phone}
        onChange={(e) => set('phone', e.target.value)}
        error={errorFor('phone')}
      />
    </>
  );
}
