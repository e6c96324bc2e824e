import { z } from 'zod';

/** A school id as card data carries it: only its shape is trusted; the register decides the rest. */
export const schoolIdInput = z.string().regex(/^(wg-\d{7}|s-[a-z0-9-]{1,64})$/);
