// The real Clearfacts GraphQL endpoint, used when neither the settings nor --api-url (or
// CLEARFACTS_API_URL) name another. A module of its own so the CLI's help can show it without
// loading domain.ts's schemas.
export const DEFAULT_API_URL = 'https://api.clearfacts.be/graphql';
