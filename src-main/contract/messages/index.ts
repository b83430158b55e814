// Messages as data: the Message schema, the three catalogues and the renderer, in one import.
export * from './message.ts';
export type { Catalogue, PluralText } from './catalogue.ts';
export * from './render-message.ts';
