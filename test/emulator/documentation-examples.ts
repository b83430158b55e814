// The requests and answers of the Clearfacts developer documentation ("Recipes"), copied
// verbatim. The contract test sends these exact bytes and checks our answers have the
// documented shape. `0123123123` and the example ids are placeholders the test swaps for seeded
// ones, like `<token>`.

export interface DocumentedOperation {
  name: string;
  query: string;
  /** The curl -F 'variables=…' text, for operations the docs send as a form. */
  variables?: string;
  response: string;
}

export const DOCUMENTED_COMPANY_NUMBER = '0123123123';
export const DOCUMENTED_CATEGORY_ID = 'f5c3d05a-2d05-4329-ae31-3f144bfbeb41';
export const DOCUMENTED_GROUP_ID = '2ff2f0a8-3753-11e8-8c32-02907d97d1d8';
export const DOCUMENTED_ASSOCIATE_ID = '198772ef-d095-4859-9328-dc47950853b9';
export const DOCUMENTED_DOCUMENT_ID = 'B74D7E7D-2408-4517-AA31-BB76018E844D';

export const accountant: DocumentedOperation = {
  name: 'Query - Accountant',
  query: `query accountant {
accountant {
name,
companyNumber,
email,
address {
streetAddress,
country {
iso2,
name
}
}
}
}`,
  response: `{
"data": {
"accountant": {
"name": "Acme Company",
"companyNumber": "0123123123",
"email": "accountant@acme.be",
"address": {
"streetAddress": "Street 16",
"country": {
"iso2": "BE",
"name": "Belgium"
}
}
}
}
}`,
};

export const associates: DocumentedOperation = {
  name: 'Query - Associates',
  query: `query associates {
associates {
id,
email
}
}`,
  response: `{
"data": {
"associates": [
{
"id": "123e4567-e89b-12d3-a456-426614174000",
"email": "account.manager@acme.be"
}
]
}
}`,
};

export const associateGroups: DocumentedOperation = {
  name: 'Query - Associate Groups',
  query: `query groups {
associateGroups {
id,
name
}
}`,
  response: `{
"data": {
"associateGroups": [
{
"id": "2ff2f0a8-3753-11e8-8c32-02907d97d1d8",
"name": "Test Group"
}
]
}
}`,
};

export const addAssociate: DocumentedOperation = {
  name: 'Mutation - Add Associate',
  query: `mutation add ($associate: AddAssociateArgument!) {
addAssociate (associate: $associate) {
id,
associateGroups {
id,
name
},
plainPassword
}
}`,
  variables: `{ "associate": { "firstName": "Test", "lastName": "Associate", "email": "associate@acme.be", "type": "ADMIN", "associateGroups": [{ "id": "2ff2f0a8-3753-11e8-8c32-02907d97d1d8" }], "active": true, "language": "nl_BE", "sendActivationMail": false } }`,
  response: `{
"data": {
"addAssociate": {
"id": "198772ef-d095-4859-9328-dc47950853b9",
"associateGroups": [
{
"id": "2ff2f0a8-3753-11e8-8c32-02907d97d1d8",
"name": "Test Group"
}
],
"plainPassword": "generatedPassword123"
}
}
}`,
};

export const editAssociate: DocumentedOperation = {
  name: 'Mutation - Edit Associate',
  query: `mutation edit ($id: ID!, $associate: EditAssociateArgument!) {
editAssociate (id: $id, associate: $associate) {
id,
firstName
}
}`,
  variables: `{ "id": "198772ef-d095-4859-9328-dc47950853b9", "associate": { "firstName": "Updated" } }`,
  response: `{
"data": {
"editAssociate": {
"id": "198772ef-d095-4859-9328-dc47950853b9",
"firstName": "Updated"
}
}
}`,
};

const administrationFields = `name,
companyNumber,
accountManager,
emails {
type,
emailAddress
}
address {
streetAddress,
country {
iso2,
name
}
}`;

const documentedAdministration = `{
"name": "Acme Company",
"companyNumber": "0123123123",
"accountManager": "account.manager@acme.be",
"emails": [
{
"type": "purchase",
"emailAddress": "aankoop-0123123123@acme.clearfacts.be"
},
{
"type": "purchase",
"emailAddress": "achat-0123123123@acme.clearfacts.be"
}
],
"address": {
"streetAddress": "Street 16",
"country": {
"iso2": "BE",
"name": "Belgium"
}
}
}`;

export const administrations: DocumentedOperation = {
  name: 'Query - Administrations',
  query: `query admins {
administrations {
${administrationFields}
}
}`,
  response: `{
"data": {
"administrations": [
${documentedAdministration}
]
}
}`,
};

export const administration: DocumentedOperation = {
  name: 'Query - Administration',
  query: `query admin {
administration (companyNumber: "0123123123") {
${administrationFields}
}
}`,
  response: `{
"data": {
"administration": ${documentedAdministration}
}
}`,
};

export const uploadFile: DocumentedOperation = {
  name: 'Mutation - Upload File',
  query: `mutation upload ($vatNumber: String!, $fileName: String!, $invoiceType: InvoiceTypeArgument!) {
uploadFile (vatnumber: $vatNumber, filename: $fileName, invoicetype: $invoiceType) {
uuid,
amountOfPages
}
}`,
  variables: `{ "vatNumber": "0123123123", "fileName": "test_upload.pdf", "invoiceType": "PURCHASE" }`,
  response: `{
"data": {
"uploadFile": {
"uuid": "B74D7E7D-2408-4517-AA31-BB76018E844D",
"amountOfPages": 1
}
}
}`,
};

export const document: DocumentedOperation = {
  name: 'Query - Document',
  query: `query doc {
document (id: "B74D7E7D-2408-4517-AA31-BB76018E844D") {
date,
... on InvoiceDocument {
type,
paymentState
}
}
}`,
  response: `{
"data": {
"document": {
"date": "2025-01-01",
"type": "PURCHASE",
"paymentState": "UNPAID"
}
}
}`,
};

export const archiveCategories: DocumentedOperation = {
  name: 'Query - Archive Categories',
  query: `query categories {
archiveCategories (vatnumber: "0123123123") {
various {
id,
name
},
permanent {
id,
name
}
}
}`,
  response: `{
"data": {
"archiveCategories": {
"various": [
{
"id": "f5c3d05a-2d05-4329-ae31-3f144bfbeb41",
"name": "Beleggingen"
}
],
"permanent": [
{
"id": "2fcff67d-3753-11e8-8c32-02907d97d1d8",
"name": "Huurovereenkomst"
}
]
}
}
}`,
};

export const uploadArchiveFile: DocumentedOperation = {
  name: 'Mutation - Upload Archive File',
  query: `mutation upload ($vatNumber: String!, $fileName: String!, $type: VariousType!, $category: String!) {
uploadArchiveFile (vatnumber: $vatNumber, filename: $fileName, type: $type, category: $category) {
uuid,
amountOfPages
}
}`,
  variables: `{ "vatNumber": "0123123123", "fileName": "test_upload.pdf", "type": "VARIOUS", "category": "f5c3d05a-2d05-4329-ae31-3f144bfbeb41" }`,
  response: `{
"data": {
"uploadArchiveFile": {
"uuid": "B74D7E7D-2408-4517-AA31-BB76018E844D",
"amountOfPages": 1
}
}
}`,
};

export const journals: DocumentedOperation = {
  name: 'Query - Journals',
  query: `query journals {
journals (companyNumber: "0123123123") {
id,
name,
creditNote
}
}`,
  response: `{
"data": {
"journals": [
{
"id": "CFAK",
"name": "ClearFacts Aankopen",
"creditNote": false
}
]
}
}`,
};

export const customers: DocumentedOperation = {
  name: 'Query - Customers',
  query: `query customers {
customers (companyNumber: "0123123123") {
id,
name
}
}`,
  response: `{
"data": {
"customers": [
{
"id": "ACME",
"name": "Acme Corporation"
}
]
}
}`,
};

export const companyStatistics: DocumentedOperation = {
  name: 'Query - Company Statistics',
  query: `query statistics {
getCompanyStatistics (type: "AIR", startPeriod: "2025-01-01", endPeriod: "2025-12-31") {
companyNumber,
items {
period,
value
}
}
}`,
  response: `{
"data": {
"getCompanyStatistics": [
{
"companyNumber": "BE0123123123",
"items": [
{
"period": "01/2025",
"value": 5
}
]
}
]
}
}`,
};

export const updateAppInfo: DocumentedOperation = {
  name: 'Mutation - Update App Info',
  query: `mutation update ($vatnumber: String!, $imageUrl: String, $emailAddress: String, $badgeText: String, $badgeTextColor: String, $badgeColor: String, $iconType: String, $iconColor: String) {
updateAppInfo (vatnumber: $vatnumber, imageUrl: $imageUrl, emailaddress: $emailAddress, badge: { text: $badgeText, textColor: $badgeTextColor, color: $badgeColor }, icon: { type: $iconType, color: $iconColor }) {
vatnumber,
imageUrl,
emailaddress,
icon { type, color },
badge { text, textColor, color }
}
}`,
  variables: `{ "vatnumber": "0123123123", "imageUrl": "XXX", "emailAddress": "test@clearfacts.be", "badgeText": "NEW", "badgeTextColor": "#d5a855", "badgeColor": "red", "iconType": "trophy", "iconColor":"yellow" }`,
  response: `{
"data": {
"updateAppInfo": {
"vatnumber": "0123123123",
"imageUrl" : "XXX",
"emailaddress": "test@clearfacts.be",
"icon": {
"type": "trophy",
"color": "yellow"
},
"badge": {
"text": "NEW",
"textColor": "#d5a855",
"color": "red"
}
}
}
}`,
};

export const userInfoResponse = `{
"sub":"user@domain.com",
"username":"user@domain.com",
"email":"user@domain.com"
}`;

export const openIdConfigurationResponse = `{
"issuer": "https://login.clearfacts.be",
"authorization_endpoint": "https://login.clearfacts.be/oauth2-server/authorize",
"token_endpoint": "https://login.clearfacts.be/oauth2-server/token",
"userinfo_endpoint": "https://login.clearfacts.be/oauth2-server/userinfo",
"jwks_uri": "https://login.clearfacts.be/oauth2-server/jwks.json",
"response_types_supported": ["code", "token"],
"subject_types_supported": ["public"],
"id_token_signing_alg_values_supported": ["RS256"],
"scopes_supported": ["openid", "profile", "email"]
}`;
