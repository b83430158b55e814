// `check` on e-invoices says what the app would do with them: what each one is (kind, supplier,
// number, total), the administrations it goes to (the customer's purchases, the supplier's
// sales), the UBL 2.1 schema's verdict with its warnings, or why it is refused; in words in
// nl/fr/en and in --json. The invoices are built from plain inputs (e-invoice-builder.ts), and the
// schema verdict expected is Debian's xmllint's on the file itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import {
  DUTCH_SUPPLIER,
  GERMAN_CUSTOMER,
  ciiXml,
  sampleInvoice,
  ublXml,
  type InvoiceInput,
} from '../../fixtures/e-invoice-builder.ts';
import { runCli } from '../../support/cli-process.ts';
import { xmllintSchemaErrors } from '../../support/xmllint-oracle.ts';

const Outlook = z.object({
  routesTo: z.object({ purchase: z.array(z.string()), sale: z.array(z.string()) }),
  schema: z.enum(['valid', 'invalid', 'unchecked', 'envelope']),
  advice: z.array(z.object({ code: z.string(), text: z.string() })),
});
const Preview = z.object({
  fileName: z.string(),
  eInvoice: z
    .object({
      documentType: z.string(),
      number: z.string().nullable(),
      payableAmount: z.number().nullable(),
      currency: z.string().nullable(),
      supplier: z.object({ name: z.string().nullable() }),
    })
    .nullable(),
  eInvoiceOutlook: Outlook.nullable(),
  refusal: z.object({ code: z.string(), text: z.string() }).nullable(),
});

const invoice = sampleInvoice();
const creditNote = sampleInvoice({
  root: 'CreditNote',
  typeCode: '381',
  number: 'CN-7',
  payableAmount: '42.00',
});
const foreign = sampleInvoice({ supplier: DUTCH_SUPPLIER, customer: GERMAN_CUSTOMER });
/** An element UBL 2.1 does not know, before the issue date. */
const unknownElement = ublXml(invoice).replace(
  '<cbc:IssueDate>',
  '<cbc:Remark>spoken</cbc:Remark><cbc:IssueDate>',
);

async function files(t: { after: (fn: () => Promise<void>) => void }) {
  const root = await mkdtemp(path.join(tmpdir(), 'cf-cli-check-einvoice-'));
  t.after(() => rm(root, { recursive: true, force: true }));
  const written: Record<string, string> = {};
  const write = async (name: string, text: string) => {
    written[name] = path.join(root, name);
    await writeFile(written[name], text);
  };
  await write('invoice.xml', ublXml(invoice));
  await write('credit-note.xml', ublXml(creditNote));
  await write('foreign.xml', ublXml(foreign));
  await write('unknown-element.xml', unknownElement);
  await write('cii.xml', ciiXml('CII-1'));
  return {
    paths: written as Record<
      'invoice.xml' | 'credit-note.xml' | 'foreign.xml' | 'unknown-element.xml' | 'cii.xml',
      string
    >,
    cli: { configDir: path.join(root, 'config'), apiUrl: 'http://127.0.0.1:9/graphql' },
  };
}

/** xmllint's verdict on a UBL file: 'valid' without errors, else 'invalid'. */
async function oracleVerdict(filePath: string, root: InvoiceInput['root']) {
  const errors = await xmllintSchemaErrors(filePath, root);
  assert.ok(errors !== null, 'xmllint (libxml2-utils) is installed');
  return { verdict: errors.length === 0 ? 'valid' : 'invalid', errors };
}

test('check --json: an e-invoice, where it goes, the schema verdict; a CII file, why it is refused', async (t) => {
  const { paths, cli } = await files(t);
  const result = await runCli(cli, ['check', '--json', ...Object.values(paths)]);
  assert.equal(result.stderr, '');
  assert.equal(result.code, 1, 'the CII file is refused');
  const previews = new Map(
    z
      .array(Preview)
      .parse(JSON.parse(result.stdout))
      .map((preview) => [preview.fileName, preview]),
  );

  for (const [name, input] of [
    ['invoice.xml', invoice],
    ['credit-note.xml', creditNote],
  ] as const) {
    const preview = previews.get(name);
    assert.equal(preview?.refusal, null, name);
    assert.deepEqual(
      [
        preview?.eInvoice?.documentType,
        preview?.eInvoice?.number,
        preview?.eInvoice?.payableAmount,
        preview?.eInvoice?.currency,
        preview?.eInvoice?.supplier.name,
      ],
      [
        input.root === 'CreditNote' ? 'credit_note' : 'invoice',
        input.number,
        Number(input.payableAmount),
        input.currency,
        input.supplier.name,
      ],
    );
    assert.deepEqual(preview?.eInvoiceOutlook?.routesTo, {
      purchase: [input.customer.companyNumber],
      sale: [input.supplier.companyNumber],
    });
    assert.equal(
      preview?.eInvoiceOutlook?.schema,
      (await oracleVerdict(paths[name], input.root)).verdict,
    );
  }

  assert.deepEqual(
    previews.get('foreign.xml')?.eInvoiceOutlook?.routesTo,
    { purchase: [], sale: [] },
    'a Dutch supplier and a German customer name no Belgian administration',
  );

  const broken = previews.get('unknown-element.xml');
  const oracle = await oracleVerdict(paths['unknown-element.xml'], 'Invoice');
  assert.equal(oracle.verdict, 'invalid');
  assert.equal(broken?.refusal, null, 'the schema is advice: the file would still be sent');
  assert.equal(broken?.eInvoiceOutlook?.schema, 'invalid');
  assert.deepEqual(
    broken?.eInvoiceOutlook?.advice
      .filter((advice) => advice.code === 'ubl_xsd_invalid')
      .map((advice) => advice.text),
    oracle.errors.map(
      (error) =>
        `Advice: UBL 2.1 schema, line ${error.line}, cbc:${error.element}: this element is not allowed here (unknown, or in the wrong place).`,
    ),
  );

  const cii = previews.get('cii.xml');
  assert.equal(cii?.refusal?.code, 'e_invoice_unsupported');
  assert.equal(cii?.eInvoiceOutlook, null);
});

test('check in words says it in the terminal language: nl, fr and en', async (t) => {
  const { paths, cli } = await files(t);
  const run = (locale: string, ...names: (keyof typeof paths)[]) =>
    runCli({ ...cli, env: { LC_ALL: locale, LANG: locale } }, [
      'check',
      ...names.map((name) => paths[name]),
    ]);

  const english = await run('en_GB.UTF-8', 'invoice.xml', 'unknown-element.xml', 'foreign.xml');
  assert.equal(english.stderr, '');
  const lines = english.stdout.split('\n');
  for (const expected of [
    /^ {2}content {2}invoice F2026\/00417 from Brouwerij Één & Zonen NV, total 1,210\.50 EUR$/,
    /^ {2}goes to {2}the purchases of 0202239951, its customer$/,
    /^ {2}goes to {2}the sales of 0403170701, its supplier$/,
    /^ {2}schema {3}follows the UBL 2\.1 schema$/,
    /^ {2}schema {3}does not follow the UBL 2\.1 schema/,
    /^ {11}Advice: UBL 2\.1 schema, line \d+, cbc:Remark:/,
    /^ {2}goes to {2}no party gives a Belgian company number/,
  ]) {
    assert.ok(
      lines.some((line) => expected.test(line)),
      `${String(expected)} in\n${english.stdout}`,
    );
  }

  const dutch = await run('nl_BE.UTF-8', 'credit-note.xml', 'unknown-element.xml');
  assert.match(
    dutch.stdout,
    /inhoud {5}creditnota CN-7 van Brouwerij Één & Zonen NV, totaal 42,00 EUR/,
  );
  assert.match(dutch.stdout, /gaat naar {2}de aankopen van 0202239951, de klant/);
  assert.match(dutch.stdout, /schema {5}volgt het UBL 2\.1-schema niet/);
  const french = await run('fr_BE.UTF-8', 'credit-note.xml');
  assert.match(
    french.stdout,
    /contenu {5}note de crédit CN-7 de Brouwerij Één & Zonen NV, montant dû 42,00 EUR/,
  );
  assert.match(french.stdout, /va vers {5}les ventes de 0403170701, son fournisseur/);
  assert.match(french.stdout, /schéma {6}suit le schéma UBL 2\.1/);
  // An XML has no pages of its own: none is claimed for it.
  assert.doesNotMatch(dutch.stdout, /\bpagina/, dutch.stdout);
  assert.doesNotMatch(french.stdout, /\bpage/, french.stdout);
  // No English line reaches a nl or fr terminal.
  for (const words of [dutch.stdout, french.stdout]) {
    assert.doesNotMatch(words, /goes to|the purchases|follows the|does not follow|Advice:/);
  }
});
