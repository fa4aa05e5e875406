import type { CliGroup } from '../../platform/cli-command.ts';

// `calendar import FILE` is added by the calendar feature.
export const calendarCommands: CliGroup = {};
