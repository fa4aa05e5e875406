import { appointmentsClientMatters } from '../appointments/appointments.client-matters.ts';
import { inquiriesClientMatters } from '../inquiries/inquiries.client-matters.ts';
import { phoneClientMatters } from '../phone/phone.client-matters.ts';
import type { ClientMatterSource } from './client-matter-source.ts';

export type { ClientAppointment, ClientCallback, ClientInquiry, ClientMatters } from './client-matter-source.ts';

/** Every feature's source of a client's own matters, in the order the page lists them. */
export const CLIENT_MATTER_SOURCES: readonly ClientMatterSource[] = [inquiriesClientMatters, appointmentsClientMatters, phoneClientMatters];
