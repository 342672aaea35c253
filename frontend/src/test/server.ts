import { setupServer } from 'msw/node';

/** MSW: each test adds the handlers it needs (unhandled requests fail the test). */
export const server = setupServer();
