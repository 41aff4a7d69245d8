import { GUARDS_METADATA, INTERCEPTORS_METADATA } from '@nestjs/common/constants';
import { ApiInputGuard } from './api-input.guard';
import { AdminOrSelf, authDecisionOf, MinRole, Public } from './auth.decorators';
import { MutationAudit } from './mutation-audit';

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

  it('a @MinRole handler carries the audit interceptor; a @Public one carries no interceptor (the webhook path stays plain)', () => {
    class Routes {
      @MinRole('admin') change(): void {}
      @Public('a routing key') hook(): void {}
    }
    expect(Reflect.getMetadata(INTERCEPTORS_METADATA, Routes.prototype.change)).toEqual([MutationAudit]);
    expect(Reflect.getMetadata(INTERCEPTORS_METADATA, Routes.prototype.hook)).toBeUndefined();
    expect(Reflect.getMetadata(GUARDS_METADATA, Routes.prototype.change)).toEqual([ApiInputGuard]);
    expect(Reflect.getMetadata(GUARDS_METADATA, Routes.prototype.hook)).toBeUndefined();
  });

  it('@AdminOrSelf is an admin decision that also admits a responder session of the user named by the parameter', () => {
    class Routes {
      @AdminOrSelf('id', { adminOnlyFields: ['role'] }) update(): void {}
      @AdminOrSelf() addRule(): void {}
    }
    expect(authDecisionOf(Routes.prototype.update)).toEqual({
      kind: 'api-key',
      minRole: 'admin',
      self: { param: 'id', minRole: 'responder', adminOnlyFields: ['role'] },
    });
    expect(authDecisionOf(Routes.prototype.addRule)).toMatchObject({ minRole: 'admin', self: { param: 'id', adminOnlyFields: [] } });
    expect(Reflect.getMetadata(INTERCEPTORS_METADATA, Routes.prototype.update)).toEqual([MutationAudit]);
    expect(Reflect.getMetadata(GUARDS_METADATA, Routes.prototype.update)).toEqual([ApiInputGuard]);
  });
});
