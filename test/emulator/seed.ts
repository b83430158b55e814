// The data the emulator starts with: one accounting firm, its administrations (one kept out of
// the demo user's reach), archive categories, journals, customers, associates and groups.
// Everything is derived deterministically so tests can name company numbers and category ids.
import { createHash } from 'node:crypto';
import { companyNumberFrom } from './company-number.ts';

export interface SeedCountry {
  iso2: string;
  name: string;
}
export interface SeedAddress {
  streetAddress: string;
  country: SeedCountry;
}
export interface SeedCategory {
  id: string;
  name: string;
}
export interface SeedJournal {
  id: string;
  name: string;
  creditNote: boolean;
}
export interface SeedCustomer {
  id: string;
  name: string;
}
export interface SeedIntakeEmail {
  type: 'purchase' | 'sale' | 'various';
  emailAddress: string;
}
export interface SeedAdministration {
  companyNumber: string;
  name: string;
  accountManager: string | null;
  address: SeedAddress;
  emails: SeedIntakeEmail[];
  categories: { various: SeedCategory[]; permanent: SeedCategory[] };
  journals: SeedJournal[];
  customers: SeedCustomer[];
}
export interface SeedAccountant {
  name: string;
  companyNumber: string;
  email: string;
  address: SeedAddress;
}
export interface SeedUser {
  username: string;
  email: string;
  givenName: string;
  familyName: string;
  locale: string;
}
export interface SeedAssociateGroup {
  id: string;
  name: string;
}
export interface SeedAssociate {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  type: string;
  active: boolean;
  language: string;
  associateGroupIds: string[];
}
export interface SeedData {
  accountant: SeedAccountant;
  /** The person the demo token (and every token added without a username) belongs to. */
  user: SeedUser;
  /** The administrations the seeded users can reach, in the order the API lists them. */
  administrations: SeedAdministration[];
  /** Belongs to the firm, but no seeded user has access: for "inaccessible" refusals. */
  inaccessibleAdministration: SeedAdministration;
  /** The company number of the administration with 250 customers (three pages). */
  administrationWithManyCustomers: string;
  associates: SeedAssociate[];
  associateGroups: SeedAssociateGroup[];
}

export interface SeedOptions {
  /** Generated administrations appended after the hand-written ones (UI scale tests). */
  extraAdministrations?: number;
}

const BELGIUM: SeedCountry = { iso2: 'BE', name: 'Belgium' };
const FIRM_DOMAIN = 'verhaegen-partners.be';
const CLEARFACTS_INTAKE_DOMAIN = 'verhaegen.clearfacts.be';

/** A UUID derived from a label, so seeded ids are the same on every run. */
export function stableUuid(label: string): string {
  const hex = createHash('sha1').update(`clearfacts-emulator/${label}`).digest('hex');
  const variant = ((Number.parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const DUTCH_CATEGORIES = {
  various: ['Beleggingen', 'Verzekeringen', 'Contracten', 'Bankdocumenten', 'Fiscaliteit'],
  permanent: ['Huurovereenkomst', 'Statuten', 'Leasingcontracten', 'Arbeidsreglement'],
};
const FRENCH_CATEGORIES = {
  various: ['Placements', 'Assurances', 'Contrats', 'Documents bancaires'],
  permanent: ['Bail commercial', 'Statuts', 'Contrats de leasing'],
};

const DUTCH_JOURNALS: SeedJournal[] = [
  { id: 'CFAK', name: 'ClearFacts Aankopen', creditNote: false },
  { id: 'CFAKCN', name: 'ClearFacts Aankopen creditnota', creditNote: true },
  { id: 'CFVK', name: 'ClearFacts Verkopen', creditNote: false },
  { id: 'CFVKCN', name: 'ClearFacts Verkopen creditnota', creditNote: true },
  { id: 'CFDIV', name: 'ClearFacts Diversen', creditNote: false },
];
const FRENCH_JOURNALS: SeedJournal[] = [
  { id: 'CFACH', name: 'ClearFacts Achats', creditNote: false },
  { id: 'CFACHNC', name: 'ClearFacts Achats notes de crédit', creditNote: true },
  { id: 'CFVEN', name: 'ClearFacts Ventes', creditNote: false },
  { id: 'CFVENNC', name: 'ClearFacts Ventes notes de crédit', creditNote: true },
];

const CUSTOMER_TRADES = [
  'Slagerij',
  'Bloemenwinkel',
  'Café',
  'Schrijnwerkerij',
  'Kapsalon',
  'Apotheek',
  'Drukkerij',
  'Fietsenwinkel',
  'Loodgieterij',
  'Tandartspraktijk',
];
const CUSTOMER_FAMILY_NAMES = [
  'Peeters',
  'Janssens',
  'Maes',
  'Jacobs',
  'Mertens',
  'Willems',
  'Claes',
  'Goossens',
  'Wouters',
  'De Smet',
  'Dubois',
  'Lambert',
  'Dupont',
  'Hermans',
  'Aerts',
  'Michiels',
  'Desmet',
  'Vermeulen',
  'Van Damme',
  'Pauwels',
  'Stevens',
  'Verstraete',
  'Martens',
  'Cools',
  'Leclercq',
];
const LEGAL_FORMS = ['BV', 'NV', 'CommV', 'VOF', 'BV', 'BV'];

function generatedCustomers(count: number, prefix: string): SeedCustomer[] {
  return Array.from({ length: count }, (_, index) => {
    const trade = CUSTOMER_TRADES[index % CUSTOMER_TRADES.length] ?? 'Handelszaak';
    const family =
      CUSTOMER_FAMILY_NAMES[
        Math.floor(index / CUSTOMER_TRADES.length) % CUSTOMER_FAMILY_NAMES.length
      ] ?? 'Peeters';
    const form = LEGAL_FORMS[index % LEGAL_FORMS.length] ?? 'BV';
    return {
      id: `${prefix}${String(index + 1).padStart(4, '0')}`,
      name: `${trade} ${family} ${form}`,
    };
  });
}

interface AdministrationBlueprint {
  firstEightDigits: string;
  name: string;
  streetAddress: string;
  accountManager: string | null;
  language: 'nl' | 'fr';
  customerCount: number;
}

function intakeEmails(companyNumber: string, language: 'nl' | 'fr'): SeedIntakeEmail[] {
  const local =
    language === 'nl'
      ? { purchase: 'aankoop', sale: 'verkoop', various: 'divers' }
      : { purchase: 'achat', sale: 'vente', various: 'divers' };
  return (['purchase', 'sale', 'various'] as const).map((type) => ({
    type,
    emailAddress: `${local[type]}-${companyNumber}@${CLEARFACTS_INTAKE_DOMAIN}`,
  }));
}

function administrationFrom(blueprint: AdministrationBlueprint): SeedAdministration {
  const companyNumber = companyNumberFrom(blueprint.firstEightDigits);
  const categoryNames = blueprint.language === 'nl' ? DUTCH_CATEGORIES : FRENCH_CATEGORIES;
  const categories = (names: string[], type: 'various' | 'permanent'): SeedCategory[] =>
    names.map((name) => ({ id: stableUuid(`${companyNumber}/${type}/${name}`), name }));
  return {
    companyNumber,
    name: blueprint.name,
    accountManager: blueprint.accountManager,
    address: { streetAddress: blueprint.streetAddress, country: BELGIUM },
    emails: intakeEmails(companyNumber, blueprint.language),
    categories: {
      various: categories(categoryNames.various, 'various'),
      permanent: categories(categoryNames.permanent, 'permanent'),
    },
    journals: (blueprint.language === 'nl' ? DUTCH_JOURNALS : FRENCH_JOURNALS).map((journal) => ({
      ...journal,
    })),
    customers: generatedCustomers(
      blueprint.customerCount,
      `K${blueprint.firstEightDigits.slice(4)}-`,
    ),
  };
}

const ACCOUNT_MANAGERS = [`an.devos@${FIRM_DOMAIN}`, `pieter.vermeulen@${FIRM_DOMAIN}`];

const ADMINISTRATIONS: AdministrationBlueprint[] = [
  {
    firstEightDigits: '04123456',
    name: 'Bakkerij Van den Broeck BV',
    streetAddress: 'Mechelsesteenweg 112',
    accountManager: ACCOUNT_MANAGERS[0] ?? null,
    language: 'nl',
    customerCount: 250,
  },
  {
    firstEightDigits: '04387210',
    name: 'Brouwerij De Zwarte Kat NV',
    streetAddress: 'Brusselsesteenweg 45',
    accountManager: ACCOUNT_MANAGERS[0] ?? null,
    language: 'nl',
    customerCount: 18,
  },
  {
    firstEightDigits: '04562371',
    name: 'Garage Peeters & Zonen BV',
    streetAddress: 'Diestsesteenweg 210',
    accountManager: ACCOUNT_MANAGERS[1] ?? null,
    language: 'nl',
    customerCount: 12,
  },
  {
    firstEightDigits: '06543210',
    name: 'Architectenbureau Claes & Wouters BV',
    streetAddress: 'Kortrijksesteenweg 88',
    accountManager: ACCOUNT_MANAGERS[1] ?? null,
    language: 'nl',
    customerCount: 7,
  },
  {
    firstEightDigits: '07012345',
    name: 'Dierenartsenpraktijk Maes',
    streetAddress: 'Stationsstraat 3',
    accountManager: null,
    language: 'nl',
    customerCount: 3,
  },
  {
    firstEightDigits: '08231457',
    name: 'Houthandel Janssens NV',
    streetAddress: 'Industrieweg 17',
    accountManager: ACCOUNT_MANAGERS[0] ?? null,
    language: 'nl',
    customerCount: 25,
  },
  {
    firstEightDigits: '08765432',
    name: 'Restaurant Le Petit Liège SRL',
    streetAddress: 'Rue Saint-Gilles 21',
    accountManager: ACCOUNT_MANAGERS[1] ?? null,
    language: 'fr',
    customerCount: 9,
  },
];

const INACCESSIBLE_ADMINISTRATION: AdministrationBlueprint = {
  firstEightDigits: '04459876',
  name: 'Immo Lambrecht NV',
  streetAddress: 'Meir 50',
  accountManager: ACCOUNT_MANAGERS[0] ?? null,
  language: 'nl',
  customerCount: 4,
};

const EXTRA_NAME_PARTS = {
  trades: [
    'Bouwonderneming',
    'Transport',
    'Bakkerij',
    'Schilderwerken',
    'Elektriciteit',
    'Tuinaanleg',
    'Immo',
    'Consultancy',
    'Dakwerken',
    'Verhuur',
  ],
  forms: ['BV', 'NV', 'CommV', 'SRL', 'VOF'],
};

function extraAdministration(index: number): AdministrationBlueprint {
  const trade = EXTRA_NAME_PARTS.trades[index % EXTRA_NAME_PARTS.trades.length] ?? 'Handel';
  const family = CUSTOMER_FAMILY_NAMES[index % CUSTOMER_FAMILY_NAMES.length] ?? 'Peeters';
  const form = EXTRA_NAME_PARTS.forms[index % EXTRA_NAME_PARTS.forms.length] ?? 'BV';
  // Ninth-hundred-thousands range: never collides with the hand-written numbers above.
  const firstEightDigits = `09${String(100000 + index).padStart(6, '0')}`;
  return {
    firstEightDigits,
    name: `${trade} ${family} ${form} (${index + 1})`,
    streetAddress: `Kerkstraat ${(index % 200) + 1}`,
    accountManager: ACCOUNT_MANAGERS[index % ACCOUNT_MANAGERS.length] ?? null,
    language: 'nl',
    customerCount: 0,
  };
}

const ASSOCIATE_GROUPS: SeedAssociateGroup[] = [
  { id: stableUuid('group/boekhouding'), name: 'Boekhouding' },
  { id: stableUuid('group/fiscaliteit'), name: 'Fiscaliteit' },
];

export function buildSeed(options: SeedOptions = {}): SeedData {
  const extraCount = options.extraAdministrations ?? 0;
  if (!Number.isInteger(extraCount) || extraCount < 0 || extraCount > 100_000) {
    throw new Error('extraAdministrations must be a whole number between 0 and 100000');
  }
  const administrations = [
    ...ADMINISTRATIONS,
    ...Array.from({ length: extraCount }, (_, index) => extraAdministration(index)),
  ].map(administrationFrom);
  const [boekhouding, fiscaliteit] = ASSOCIATE_GROUPS.map((group) => group.id);
  return {
    accountant: {
      name: 'Boekhoudkantoor Verhaegen & Partners BV',
      companyNumber: companyNumberFrom('04716293'),
      email: `kantoor@${FIRM_DOMAIN}`,
      address: { streetAddress: 'Kouter 12', country: BELGIUM },
    },
    user: {
      username: `sofie.claeys@${FIRM_DOMAIN}`,
      email: `sofie.claeys@${FIRM_DOMAIN}`,
      givenName: 'Sofie',
      familyName: 'Claeys',
      locale: 'nl-BE',
    },
    administrations,
    inaccessibleAdministration: administrationFrom(INACCESSIBLE_ADMINISTRATION),
    administrationWithManyCustomers: companyNumberFrom('04123456'),
    associates: [
      {
        id: stableUuid('associate/an.devos'),
        firstName: 'An',
        lastName: 'De Vos',
        email: `an.devos@${FIRM_DOMAIN}`,
        type: 'ADMIN',
        active: true,
        language: 'nl_BE',
        associateGroupIds: [boekhouding ?? '', fiscaliteit ?? ''],
      },
      {
        id: stableUuid('associate/pieter.vermeulen'),
        firstName: 'Pieter',
        lastName: 'Vermeulen',
        email: `pieter.vermeulen@${FIRM_DOMAIN}`,
        type: 'USER',
        active: true,
        language: 'nl_BE',
        associateGroupIds: [boekhouding ?? ''],
      },
      {
        id: stableUuid('associate/sofie.claeys'),
        firstName: 'Sofie',
        lastName: 'Claeys',
        email: `sofie.claeys@${FIRM_DOMAIN}`,
        type: 'USER',
        active: true,
        language: 'nl_BE',
        associateGroupIds: [fiscaliteit ?? ''],
      },
    ],
    associateGroups: ASSOCIATE_GROUPS.map((group) => ({ ...group })),
  };
}

/** The default seed (no extra administrations), for tests to pick company numbers and ids. */
export const seedData: SeedData = buildSeed();
