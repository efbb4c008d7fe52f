import { seesWholePlan } from '../people/permissions.js';
import type { Subcommand } from './subcommand.js';

/** A sub-command for coordinators and admins: anyone else is refused before a word of theirs is read. */
export function coordinatorsOnly(subcommand: Subcommand): Subcommand {
  return {
    ...subcommand,
    run: (ctx) => (seesWholePlan(ctx.person) ? subcommand.run(ctx) : ctx.reply({ text: ctx.m.common.notAllowed })),
  };
}
