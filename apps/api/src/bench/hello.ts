// The baseline of `pnpm bench`: a bare Express 5 hello-world route, nothing else.
import express from 'express';
import { envNumber, readEnv } from '@nba/config';

const app = express();
app.get('/hello', (_req, res) => {
  res.json({ message: 'hello world' });
});
const server = app.listen(readEnv({ PORT: envNumber(0) }).PORT, '127.0.0.1', () => {
  process.send?.({ ready: true });
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
