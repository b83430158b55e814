// The accounting firm itself: the accountant, its associates (employees) and their groups.
import { randomBytes, randomUUID } from 'node:crypto';
import { fail, notePhantom, requireScope } from './resolver-support.ts';
import type { GraphqlContext } from './resolver-support.ts';
import type { SeedAssociate } from './seed.ts';

function associateAnswer(
  context: GraphqlContext,
  associate: SeedAssociate,
  plainPassword: string | null = null,
): Record<string, unknown> {
  const groups = context.state.seed.associateGroups;
  return {
    id: associate.id,
    firstName: associate.firstName,
    lastName: associate.lastName,
    email: associate.email,
    type: associate.type,
    active: associate.active,
    language: associate.language,
    associateGroups: associate.associateGroupIds.flatMap((id) =>
      groups.filter((group) => group.id === id),
    ),
    plainPassword,
  };
}

function associateGroupIds(
  context: GraphqlContext,
  groups: { id: string }[] | null | undefined,
): string[] | undefined {
  if (groups === null || groups === undefined) return undefined;
  return groups.map(({ id }) => {
    if (!context.state.seed.associateGroups.some((group) => group.id === id)) {
      fail(`Unknown associate group "${id}".`);
    }
    return id;
  });
}

interface AssociateArgument {
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
  type?: string | null;
  associateGroups?: { id: string }[] | null;
  active?: boolean | null;
  language?: string | null;
  sendActivationMail?: boolean | null;
}

export const associateResolvers = {
  accountant(_args: unknown, context: GraphqlContext) {
    requireScope(context, 'accountant');
    return context.state.seed.accountant;
  },

  associates(_args: unknown, context: GraphqlContext) {
    requireScope(context, 'associate_read');
    return context.state.associates.map((associate) => associateAnswer(context, associate));
  },

  associateGroups(_args: unknown, context: GraphqlContext) {
    requireScope(context, 'associate_read');
    return context.state.seed.associateGroups;
  },

  addAssociate(args: { associate: Required<AssociateArgument> }, context: GraphqlContext) {
    notePhantom(context, 'addAssociate', args);
    requireScope(context, 'associate_actions');
    const input = args.associate;
    const email = (input.email ?? '').trim().toLowerCase();
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
      fail(`"${input.email}" is not an e-mail address.`);
    if (context.state.associates.some((associate) => associate.email === email)) {
      fail(`An associate with e-mail address ${email} already exists.`);
    }
    const associate: SeedAssociate = {
      id: randomUUID(),
      firstName: input.firstName ?? '',
      lastName: input.lastName ?? '',
      email,
      type: input.type ?? 'USER',
      active: input.active ?? true,
      language: input.language ?? 'nl_BE',
      associateGroupIds: associateGroupIds(context, input.associateGroups) ?? [],
    };
    context.state.associates.push(associate);
    return associateAnswer(context, associate, randomBytes(12).toString('base64url'));
  },

  editAssociate(args: { id: string; associate: AssociateArgument }, context: GraphqlContext) {
    notePhantom(context, 'editAssociate', args);
    requireScope(context, 'associate_actions');
    const associate = context.state.associates.find((candidate) => candidate.id === args.id);
    if (associate === undefined) fail(`Associate "${args.id}" not found.`);
    const input = args.associate;
    associate.firstName = input.firstName ?? associate.firstName;
    associate.lastName = input.lastName ?? associate.lastName;
    associate.email = input.email?.trim().toLowerCase() ?? associate.email;
    associate.type = input.type ?? associate.type;
    associate.active = input.active ?? associate.active;
    associate.language = input.language ?? associate.language;
    associate.associateGroupIds =
      associateGroupIds(context, input.associateGroups) ?? associate.associateGroupIds;
    return associateAnswer(context, associate);
  },
};
