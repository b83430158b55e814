// What a Clearfacts token looks like, checked before it is stored or sent so a mistyped paste
// gets a clear sentence instead of a 401 later. Clearfacts issues two kinds, both valid as Bearer:
// personal access tokens (exactly 80 printable ASCII characters) and OIDC tokens (signed JWTs).
import { z } from 'zod';

const PRINTABLE_ASCII_80 = /^[\x21-\x7e]{80}$/;
const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** A personal access token: exactly 80 printable ASCII characters, no spaces. */
export const PersonalAccessToken = z
  .string()
  .regex(
    PRINTABLE_ASCII_80,
    'a Clearfacts personal access token is exactly 80 characters (letters, digits and symbols, no spaces)',
  );

/** Any token Clearfacts accepts: a personal access token or an OIDC token (a JWT). */
export const ApiToken = z
  .string()
  .trim()
  .refine(
    (token) => PRINTABLE_ASCII_80.test(token) || JWT.test(token),
    'a personal access token is exactly 80 characters (letters, digits and symbols, no spaces) and an OpenID Connect token is a JWT (three parts separated by dots)',
  );
export type ApiToken = z.infer<typeof ApiToken>;
