import { authDecisionOf, MinRole, Public } from './auth.decorators';

describe('auth decisions', () => {
  it('a handler carries the one decision it was given', () => {
    class Routes {
      @MinRole('responder') ack(): void {}
      @Public('a signature') hook(): void {}
      plain(): void {}
    }
    expect(authDecisionOf(Routes.prototype.ack)).toEqual({ kind: 'api-key', minRole: 'responder' });
    expect(authDecisionOf(Routes.prototype.hook)).toEqual({ kind: 'public', verifiedBy: 'a signature' });
    expect(authDecisionOf(Routes.prototype.plain)).toBeUndefined();
  });

  it('two decisions on one handler fail when the class is defined', () => {
    expect(() => {
      class Routes {
        @Public('a token')
        @MinRole('admin')
        both(): void {}
      }
      return Routes;
    }).toThrow('both has two authentication decisions');
  });
});
