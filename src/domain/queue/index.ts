export { formatTicketNumber, queueDayOf, queueLetters, type QueueService } from './ticket-number.ts';
export { APPOINTMENT_EARLY_MINUTES, callOrder, chooseNext, isAppointmentDue, isCallableBy, type CallingCounter, type WaitingTicket } from './call-next.ts';
export { estimateWaitMinutes, median, percentile, RECENT_SERVICES, type WaitEstimateInput } from './estimate.ts';
export { dailyFigures, figuresOf, TICKET_STATUSES, type DailyFigures, type Figures, type TicketFact, type TicketStatus } from './figures.ts';
export { canApply, isCounterOpenToday, isExpired, statusAfter, TICKET_ACTIONS, type TicketAction } from './ticket-state.ts';
