import { z } from 'zod';
import { STAFF_ROLES } from '../../platform/access/roles.ts';
import { catalogMessage } from '../../platform/http/problem.ts';

export const SignInFormSchema = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(1024),
  _csrf: z.string().optional(),
});

export const NewStaffUserSchema = z.object({
  email: z.email().max(254).transform((e) => e.toLowerCase()),
  name: z.string().trim().min(1).max(200),
  password: z
    .string()
    .max(1024)
    .refine((p) => p.length >= 12, catalogMessage('staff.passwordTooShort', { min: 12 })),
  agency: z.string().min(1),
  role: z.enum(STAFF_ROLES),
});
export type NewStaffUser = z.input<typeof NewStaffUserSchema>;
