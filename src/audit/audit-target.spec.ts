import { describeAuditTarget } from './audit-target';

describe('describeAuditTarget', () => {
  const id = '11111111-1111-4111-8111-111111111111';
  const sub = '22222222-2222-4222-8222-222222222222';

  it('a create on a collection takes the id from the response', () => {
    expect(describeAuditTarget('POST', '/api/v1/users', {}, { id, name: 'Ada' })).toEqual({
      resourceType: 'user',
      resourceId: id,
      subresourceId: null,
      action: 'create',
    });
  });

  it('updates and deletes take the id from the path', () => {
    expect(describeAuditTarget('PUT', '/api/v1/schedules/:id', { id }, { id })).toMatchObject({ resourceType: 'schedule', resourceId: id, action: 'update' });
    expect(describeAuditTarget('PATCH', '/api/v1/services/:id', { id }, {})).toMatchObject({ resourceType: 'service', action: 'update' });
    expect(describeAuditTarget('DELETE', '/api/v1/escalation-policies/:id', { id }, undefined)).toMatchObject({
      resourceType: 'escalation-policy',
      resourceId: id,
      action: 'delete',
    });
    expect(describeAuditTarget('DELETE', '/api/v1/api-keys/:id', { id }, undefined)).toMatchObject({ resourceType: 'api-key', action: 'delete' });
  });

  it('sub-resources are filed under their parent, with their own id', () => {
    expect(describeAuditTarget('POST', '/api/v1/schedules/:id/overrides', { id }, { id: sub })).toEqual({
      resourceType: 'schedule',
      resourceId: id,
      subresourceId: sub,
      action: 'override.create',
    });
    expect(describeAuditTarget('DELETE', '/api/v1/users/:id/contact-methods/:cmId', { id, cmId: sub }, undefined)).toEqual({
      resourceType: 'user',
      resourceId: id,
      subresourceId: sub,
      action: 'contact-method.delete',
    });
    expect(describeAuditTarget('POST', '/api/v1/services/:id/integrations', { id }, { id: sub, key: 'k' })).toMatchObject({
      action: 'integration.create',
      subresourceId: sub,
    });
  });

  it('adding a member answers with the team: no sub id is invented', () => {
    expect(describeAuditTarget('POST', '/api/v1/teams/:id/members', { id }, { id })).toMatchObject({
      action: 'member.create',
      subresourceId: null,
    });
  });

  it('an action route on a resource is named after the action', () => {
    expect(describeAuditTarget('POST', '/api/v1/incidents/:id/acknowledge', { id }, { id })).toEqual({
      resourceType: 'incident',
      resourceId: id,
      subresourceId: null,
      action: 'acknowledge',
    });
  });

  it('an unknown collection still yields a row', () => {
    expect(describeAuditTarget('POST', '/api/v1/widgets/:id/gizmos', { id }, {})).toMatchObject({ resourceType: 'widgets', action: 'gizmos' });
  });
});
