import { resolve } from 'node:path';
import type { CliGroup } from '../../platform/cli-command.ts';
import { validateAgencyProfileFile } from './agency-profile.loader.ts';

export const agenciesCommands: CliGroup = {
  validate: {
    usage: 'FILE [FILE ...]',
    description: 'Check agency profile files against the schema without starting the platform.',
    options: {},
    run: async (_values, files, { out, err }) => {
      if (files.length === 0) {
        err('Give at least one profile file, e.g. agencies/vsaa.yaml');
        return 2;
      }
      let failed = 0;
      for (const file of files) {
        const result = await validateAgencyProfileFile(resolve(file));
        if (result.ok) out(`OK ${file}: ${result.profile.name.lv} (${result.profile.slug}), ${result.profile.channels.length} channels`);
        else {
          failed += 1;
          err(result.error.message);
        }
      }
      return failed === 0 ? 0 : 1;
    },
  },
};
