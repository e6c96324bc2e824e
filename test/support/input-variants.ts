import { z, type ZodTypeAny } from 'zod';
import type { Hints } from './largest-input';

/**
 * The `k`-th of several ordinary inputs a zod schema accepts, so a test sees every way a
 * card can look: each choice (`z.enum`) takes its `k`-th option, shifted by the item's place
 * in a list so one list shows several; booleans alternate; numbers run minimum, maximum,
 * middle; lists hold three items; text is a short word. Where the schema cannot say (a
 * pattern, a verb), `hints` gives the value by field name, as for the largest input.
 */
export function inputVariant(schema: ZodTypeAny, k: number, hints: Hints = {}, path = ''): unknown {
  const key = path.split('.').at(-1) ?? '';
  if (key in hints) {
    const hint = hints[key];
    return typeof hint === 'function' ? (hint as (p: string, k: number) => unknown)(path, k) : hint;
  }
  const def = schema._def as { typeName: z.ZodFirstPartyTypeKind };
  switch (def.typeName) {
    case z.ZodFirstPartyTypeKind.ZodObject: {
      const shape = (schema as z.AnyZodObject).shape as Record<string, ZodTypeAny>;
      return Object.fromEntries(Object.entries(shape).map(([name, v]) => [name, inputVariant(v, k, hints, path ? `${path}.${name}` : name)]));
    }
    case z.ZodFirstPartyTypeKind.ZodString: {
      const checks = (schema as z.ZodString)._def.checks;
      if (checks.some((c) => c.kind === 'url')) return 'https://example.org/';
      if (checks.some((c) => c.kind === 'regex')) throw new Error(`${path} has a pattern: give a hint`);
      const min = checks.find((c) => c.kind === 'min');
      return 'Text'.padEnd(min && 'value' in min ? min.value : 0, 't');
    }
    case z.ZodFirstPartyTypeKind.ZodArray: {
      const array = schema as z.ZodArray<ZodTypeAny>;
      const length = array._def.exactLength?.value ?? Math.max(array._def.minLength?.value ?? 0, Math.min(3, array._def.maxLength?.value ?? 3));
      return Array.from({ length }, (_, i) => inputVariant(array.element, k + i, hints, `${path}.${i}`));
    }
    case z.ZodFirstPartyTypeKind.ZodNumber: {
      const checks = (schema as z.ZodNumber)._def.checks;
      const max = checks.find((c) => c.kind === 'max');
      const min = checks.find((c) => c.kind === 'min');
      const lo = min && 'value' in min ? min.value : 0;
      const hi = max && 'value' in max ? max.value : lo + 10;
      return [lo, hi, Math.round((lo + hi) / 2)][k % 3];
    }
    case z.ZodFirstPartyTypeKind.ZodBoolean:
      return k % 2 === 0;
    case z.ZodFirstPartyTypeKind.ZodEnum: {
      const options = (schema as z.ZodEnum<[string, ...string[]]>).options;
      return options[k % options.length];
    }
    case z.ZodFirstPartyTypeKind.ZodLiteral:
      return (schema as z.ZodLiteral<unknown>).value;
    case z.ZodFirstPartyTypeKind.ZodRecord:
      return {};
    case z.ZodFirstPartyTypeKind.ZodNullable:
      // Every fourth variant leaves it out: "not rated", "no date".
      return k % 4 === 3 ? null : inputVariant((schema as z.ZodNullable<ZodTypeAny>).unwrap(), k, hints, path);
    case z.ZodFirstPartyTypeKind.ZodOptional:
      return k % 4 === 3 ? undefined : inputVariant((schema as z.ZodOptional<ZodTypeAny>).unwrap(), k, hints, path);
    case z.ZodFirstPartyTypeKind.ZodDefault:
      return inputVariant((schema as z.ZodDefault<ZodTypeAny>).removeDefault(), k, hints, path);
    case z.ZodFirstPartyTypeKind.ZodEffects:
      return inputVariant((schema as z.ZodEffects<ZodTypeAny>).innerType(), k, hints, path);
    case z.ZodFirstPartyTypeKind.ZodUnion: {
      const options = (schema as z.ZodUnion<[ZodTypeAny, ...ZodTypeAny[]]>).options;
      return inputVariant(options[k % options.length]!, k, hints, path);
    }
    default:
      throw new Error(`${path || 'the card'}: no variant for ${def.typeName}; give a hint`);
  }
}
