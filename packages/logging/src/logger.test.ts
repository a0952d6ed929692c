import { PassThrough } from 'node:stream';
import { createLogger, type LoggerOptions } from './logger';

function capture(options: Partial<LoggerOptions> = {}) {
  const stream = new PassThrough();
  const lines: Record<string, unknown>[] = [];
  stream.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n'))
      if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
  });
  const logger = createLogger({ service: 'test', stream, ...options });
  return { logger, lines };
}

const flush = () => new Promise((r) => setImmediate(r));

describe('createLogger', () => {
  it('writes JSON lines with timestamp, level, message and service', async () => {
    const { logger, lines } = capture();
    logger.info('hello', { n: 1 });
    await flush();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'info', message: 'hello', service: 'test', n: 1 });
    expect(Date.parse(String(lines[0]?.timestamp))).not.toBeNaN();
  });

  it('binds context through child loggers, nested', async () => {
    const { logger, lines } = capture();
    logger.child({ runId: 'r1' }).child({ task: 'ingest' }).warn('slow');
    await flush();
    expect(lines[0]).toMatchObject({ runId: 'r1', task: 'ingest', level: 'warn', message: 'slow' });
  });

  it('respects the level', async () => {
    const { logger, lines } = capture({ level: 'warn' });
    logger.info('dropped');
    logger.debug('dropped');
    logger.error('kept');
    await flush();
    expect(lines.map((l) => l.message)).toEqual(['kept']);
  });

  it('serialises errors with name, message, stack and cause', async () => {
    const { logger, lines } = capture();
    const cause = new TypeError('root problem');
    const err = new RangeError('outer problem', { cause });
    logger.error('failed', { error: err });
    await flush();
    const e = lines[0]?.error as Record<string, unknown>;
    expect(e.name).toBe('RangeError');
    expect(e.message).toBe('outer problem');
    expect(String(e.stack)).toContain('RangeError: outer problem');
    expect(e.cause).toMatchObject({ name: 'TypeError', message: 'root problem' });
  });

  it('redacts secret keys, URL query keys, registered secrets and connection passwords, nested', async () => {
    const { logger, lines } = capture({ secrets: ['registered-secret-1234'] });
    logger.info('calling https://api.the-odds-api.com/v4/sports?apiKey=abcdef123&regions=us', {
      headers: { 'x-apisports-key': 'k-123456', Authorization: 'Bearer t0k3n' },
      config: { nested: [{ password: 'hunter22' }, { apiKey: 'zzz999' }] },
      note: 'the key registered-secret-1234 leaked into text',
      db: 'postgres://app:pa55word@db:5432/nba',
    });
    await flush();
    const text = JSON.stringify(lines[0]);
    for (const secret of [
      'abcdef123',
      'k-123456',
      't0k3n',
      'hunter22',
      'zzz999',
      'registered-secret-1234',
      'pa55word',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(lines[0]?.message).toBe('calling https://api.the-odds-api.com/v4/sports?apiKey=[REDACTED]&regions=us');
    expect(lines[0]?.headers).toEqual({ 'x-apisports-key': '[REDACTED]', Authorization: '[REDACTED]' });
    expect(lines[0]?.db).toBe('postgres://app:[REDACTED]@db:5432/nba');
  });

  it('redacts secrets inside error messages and causes', async () => {
    const { logger, lines } = capture({ secrets: ['sekrit-value'] });
    const err = new Error('GET /odds?apiKey=sekrit-value failed', { cause: new Error('with sekrit-value') });
    logger.error('request failed', { error: err });
    await flush();
    expect(JSON.stringify(lines[0])).not.toContain('sekrit-value');
  });

  it('does not mutate the caller objects', async () => {
    const { logger } = capture();
    const meta = { apiKey: 'keep-me-here' };
    logger.info('x', meta);
    await flush();
    expect(meta.apiKey).toBe('keep-me-here');
  });
});
