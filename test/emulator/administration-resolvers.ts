// The administrations the user can reach and what hangs off them: archive categories,
// journals, customers (paginated by 100), statistics and the integration's app info.
import type { AppInfo } from './emulator-state.ts';
import { administrationFor, fail, nonNegativeInteger, requireScope } from './resolver-support.ts';
import type { GraphqlContext } from './resolver-support.ts';

const CUSTOMERS_PER_PAGE = 100;

function monthsBetween(startPeriod: string, endPeriod: string): string[] {
  const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
  const start = datePattern.exec(startPeriod);
  const end = datePattern.exec(endPeriod);
  if (start === null) fail(`startPeriod must be a date like 2025-01-01, got "${startPeriod}".`);
  if (end === null) fail(`endPeriod must be a date like 2025-12-31, got "${endPeriod}".`);
  let year = Number(start[1]);
  let month = Number(start[2]);
  const endYear = Number(end[1]);
  const endMonth = Number(end[2]);
  if (year * 12 + month > endYear * 12 + endMonth) fail('startPeriod must not be after endPeriod.');
  const periods: string[] = [];
  while (year * 12 + month <= endYear * 12 + endMonth && periods.length < 240) {
    periods.push(`${String(month).padStart(2, '0')}/${year}`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return periods;
}

/** A stable, plausible monthly count per administration, statistic and period. */
function statisticValue(companyNumber: string, type: string, period: string): number {
  let hash = 0;
  for (const character of `${companyNumber}/${type}/${period}`) {
    hash = (Math.imul(hash, 31) + character.charCodeAt(0)) >>> 0;
  }
  return type === 'AIR' ? hash % 60 : hash % 90;
}

interface UpdateAppInfoArguments {
  vatnumber: string;
  imageUrl?: string | null;
  emailaddress?: string | null;
  badge?: { text?: string | null; textColor?: string | null; color?: string | null } | null;
  icon?: { type?: string | null; color?: string | null } | null;
}

export const administrationResolvers = {
  administrations(
    args: { offset?: number | null; first?: number | null },
    context: GraphqlContext,
  ) {
    requireScope(context, 'read_administrations');
    const offset = nonNegativeInteger(args.offset, 'offset');
    const all = context.state.seed.administrations;
    if (args.first === null || args.first === undefined) return all.slice(offset);
    if (args.first < 1) fail(`first must be 1 or more, got ${args.first}.`);
    return all.slice(offset, offset + args.first);
  },

  administration(args: { companyNumber: string }, context: GraphqlContext) {
    requireScope(context, 'read_administrations');
    return administrationFor(context, args.companyNumber, 'companyNumber');
  },

  archiveCategories(args: { vatnumber: string }, context: GraphqlContext) {
    requireScope(context, 'archive_read', 'archive');
    return administrationFor(context, args.vatnumber, 'vatnumber').categories;
  },

  journals(args: { companyNumber: string }, context: GraphqlContext) {
    requireScope(context, 'journal_read');
    return administrationFor(context, args.companyNumber, 'companyNumber').journals;
  },

  customers(args: { companyNumber: string; offset?: number | null }, context: GraphqlContext) {
    requireScope(context, 'contact_read');
    const administration = administrationFor(context, args.companyNumber, 'companyNumber');
    const offset = nonNegativeInteger(args.offset, 'offset');
    return administration.customers.slice(offset, offset + CUSTOMERS_PER_PAGE);
  },

  getCompanyStatistics(
    args: { type: string; startPeriod: string; endPeriod: string },
    context: GraphqlContext,
  ) {
    requireScope(context, 'statistics');
    if (args.type !== 'AIR' && args.type !== 'processing') {
      fail(`Unknown statistics type "${args.type}": use AIR or processing.`);
    }
    const periods = monthsBetween(args.startPeriod, args.endPeriod);
    return context.state.seed.administrations.map((administration) => ({
      companyNumber: `BE${administration.companyNumber}`,
      items: periods.map((period) => ({
        period,
        value: statisticValue(administration.companyNumber, args.type, period),
      })),
    }));
  },

  updateAppInfo(args: UpdateAppInfoArguments, context: GraphqlContext) {
    requireScope(context, 'read_administrations');
    const administration = administrationFor(context, args.vatnumber, 'vatnumber');
    const previous = context.state.appInfo.get(administration.companyNumber);
    const info: AppInfo = {
      vatnumber: args.vatnumber,
      imageUrl: args.imageUrl ?? previous?.imageUrl ?? null,
      emailaddress: args.emailaddress ?? previous?.emailaddress ?? null,
      badge:
        args.badge === null || args.badge === undefined
          ? (previous?.badge ?? null)
          : {
              text: args.badge.text ?? null,
              textColor: args.badge.textColor ?? null,
              color: args.badge.color ?? null,
            },
      icon:
        args.icon === null || args.icon === undefined
          ? (previous?.icon ?? null)
          : { type: args.icon.type ?? null, color: args.icon.color ?? null },
    };
    context.state.appInfo.set(administration.companyNumber, info);
    return info;
  },
};
