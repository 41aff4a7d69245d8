import { FieldError, ValidationError } from '../common/errors';
import { UsersService } from '../users/users.service';
import { compileSchedule, InvalidScheduleError, LayerSnapshot, Restriction } from './resolution';
import { LayerDto, ScheduleInputDto } from './schedules.dto';

export interface ScheduleInput {
  name: string;
  timeZone: string;
  layers: LayerSnapshot[];
}

/**
 * Checks what class-validator cannot see (end after start, day fields only on
 * weekly windows, users that exist) and turns the DTO into resolver layers.
 * Every error names its field (`layers.1.users`); all are reported at once.
 */
export async function parseScheduleInput(dto: ScheduleInputDto, users: UsersService): Promise<ScheduleInput> {
  const errors: FieldError[] = [];
  const layers = dto.layers.map((layer, i) => parseLayer(layer, `layers.${i}`, i, errors));
  const missing = new Set(await users.missingIds(dto.layers.flatMap((l) => l.users.map((u) => u.toLowerCase()))));
  dto.layers.forEach((layer, i) => {
    const unknown = [...new Set(layer.users.map((u) => u.toLowerCase()).filter((u) => missing.has(u)))];
    if (unknown.length) errors.push({ field: `layers.${i}.users`, message: `unknown user ids: ${unknown.join(', ')}` });
  });
  if (errors.length) throw new ValidationError(errors);
  const input = { name: dto.name.trim(), timeZone: dto.timeZone, layers };
  try {
    compileSchedule({ timeZone: input.timeZone, layers, overrides: [] });
  } catch (e) {
    // A last line of defence: the DTO rules should already have caught anything the resolver refuses.
    if (e instanceof InvalidScheduleError) {
      throw ValidationError.field(e.field.replace(/\[(\d+)\]/g, '.$1'), e.message.replace(`${e.field}: `, ''));
    }
    throw e;
  }
  return input;
}

function parseLayer(dto: LayerDto, path: string, index: number, errors: FieldError[]): LayerSnapshot {
  const start = new Date(dto.start);
  const end = dto.end == null ? null : new Date(dto.end);
  if (end && end.getTime() <= start.getTime()) errors.push({ field: `${path}.end`, message: 'must be after start' });
  const restrictions: Restriction[] = (dto.restrictions ?? []).map((r, j) => {
    if (r.type === 'weekly') {
      return { type: 'weekly', startDay: r.startDay!, startTime: r.startTime, endDay: r.endDay!, endTime: r.endTime };
    }
    for (const key of ['startDay', 'endDay'] as const) {
      if (r[key] !== undefined) {
        errors.push({ field: `${path}.restrictions.${j}.${key}`, message: 'is only allowed on weekly restrictions' });
      }
    }
    return { type: 'daily', startTime: r.startTime, endTime: r.endTime };
  });
  return {
    name: dto.name?.trim() || `Layer ${index + 1}`,
    start,
    end,
    rotation: { unit: dto.rotation.unit, length: dto.rotation.length, handoff: new Date(dto.rotation.handoff) },
    users: dto.users.map((u) => u.toLowerCase()),
    restrictions,
  };
}
