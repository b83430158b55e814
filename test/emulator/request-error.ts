// A request the server cannot even start to execute (bad body, wrong content type): answered
// with an HTTP error status and a GraphQL-shaped `errors` list, as GraphQL servers do.
export class RequestError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.name = 'RequestError';
    this.status = status;
  }
}
