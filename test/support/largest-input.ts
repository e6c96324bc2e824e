import { z, type ZodTypeAny } from 'zod';

/**
 * Values a test supplies where the schema cannot say what the largest valid value is: a
 * pattern (dates, ids), a verb, free-form action data, or a choice between refinements.
 * Keyed by the field's name; a function gets the path.
 */
export type Hints = Record<string, unknown | ((path: string) => unknown)>;

/**
 * Every typed character can cost four bytes on the wire: `"` becomes `\"` in JSON, and JSON
 * is counted in UTF-16. Text people type and inert escaping can produce it, so the largest
 * input fills each string with it.
 */
const WIDEST = 'ŵ';

/**
 * The largest value a zod schema accepts: every string at its maximum length in the widest
 * characters, every array at its maximum length, every optional part present. A string or an
 * array without a maximum is an error naming it (a card that accepts anything cannot be
 * measured, and Teams will refuse it one day): bound it in the schema.
 */
export function largestInput(schema: ZodTypeAny, hints: Hints = {}, path = ''): unknown {
  const key = path.split('.').at(-1) ?? '';
  if (key in hints) {
    const hint = hints[key];
    return typeof hint === 'function' ? (hint as (p: string) => unknown)(path) : hint;
  }
  const def = schema._def as { typeName: z.ZodFirstPartyTypeKind };
  switch (def.typeName) {
    case z.ZodFirstPartyTypeKind.ZodObject: {
      const shape = (schema as z.AnyZodObject).shape as Record<string, ZodTypeAny>;
      return Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, largestInput(v, hints, path ? `${path}.${k}` : k)]));
    }
    case z.ZodFirstPartyTypeKind.ZodString:
      return largestString(schema as z.ZodString, path);
    case z.ZodFirstPartyTypeKind.ZodArray: {
      const array = schema as z.ZodArray<ZodTypeAny>;
      const max = array._def.exactLength?.value ?? array._def.maxLength?.value;
      if (max === undefined) throw new Error(`${path || 'the card'} is a list without a maximum length`);
      return Array.from({ length: max }, (_, i) => largestInput(array.element, hints, `${path}.${i}`));
    }
    case z.ZodFirstPartyTypeKind.ZodNumber: {
      const checks = (schema as z.ZodNumber)._def.checks;
      const max = checks.find((c) => c.kind === 'max');
      const min = checks.find((c) => c.kind === 'min');
      return max && 'value' in max ? max.value : min && 'value' in min ? min.value : 0;
    }
    case z.ZodFirstPartyTypeKind.ZodBoolean:
      return true;
    case z.ZodFirstPartyTypeKind.ZodEnum: {
      const options = (schema as z.ZodEnum<[string, ...string[]]>).options;
      return [...options].sort((a, b) => b.length - a.length)[0];
    }
    case z.ZodFirstPartyTypeKind.ZodLiteral:
      return (schema as z.ZodLiteral<unknown>).value;
    case z.ZodFirstPartyTypeKind.ZodOptional:
    case z.ZodFirstPartyTypeKind.ZodNullable:
      return largestInput((schema as z.ZodOptional<ZodTypeAny>).unwrap(), hints, path);
    case z.ZodFirstPartyTypeKind.ZodDefault:
      return largestInput((schema as z.ZodDefault<ZodTypeAny>).removeDefault(), hints, path);
    case z.ZodFirstPartyTypeKind.ZodEffects:
      return largestInput((schema as z.ZodEffects<ZodTypeAny>).innerType(), hints, path);
    case z.ZodFirstPartyTypeKind.ZodUnion: {
      const options = (schema as z.ZodUnion<[ZodTypeAny, ...ZodTypeAny[]]>).options;
      const tries = options.map((o) => largestInput(o, hints, path));
      return tries.sort((a, b) => JSON.stringify(b).length - JSON.stringify(a).length)[0];
    }
    default:
      throw new Error(`${path || 'the card'}: no largest value for ${def.typeName}; give a hint`);
  }
}

function largestString(schema: z.ZodString, path: string): string {
  const checks = schema._def.checks;
  const max = checks.find((c) => c.kind === 'max' || c.kind === 'length');
  if (!max || !('value' in max)) throw new Error(`${path} is text without a maximum length`);
  if (checks.some((c) => c.kind === 'url')) {
    const base = 'https://example.org/';
    return base + 'a'.repeat(Math.max(0, max.value - base.length));
  }
  if (checks.some((c) => c.kind === 'regex')) throw new Error(`${path} has a pattern: give a hint`);
  return WIDEST.repeat(max.value);
}
