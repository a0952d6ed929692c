import { CodedError } from './coded-error';

type ExampleCode = 'BROKEN' | 'MISSING';
class ExampleError extends CodedError<ExampleCode> {
  override readonly name = 'ExampleError';
}

describe('CodedError', () => {
  it('carries its subclass name, a code, the message and the cause', () => {
    const cause = new Error('root');
    const e = new ExampleError('MISSING', 'nothing there', { cause });
    expect(e).toBeInstanceOf(Error);
    expect(e).toBeInstanceOf(CodedError);
    expect(e.name).toBe('ExampleError');
    expect(e.code).toBe('MISSING');
    expect(e.message).toBe('nothing there');
    expect(e.cause).toBe(cause);
    expect(String(e)).toBe('ExampleError: nothing there');
  });
});
