import { z } from 'astro/zod';
import { baseFields, pastDate, text, type SchemaContext } from './common.ts';

export const SIGNAL_STATUSES = ['new', 'answered', 'became-play', 'became-frd'] as const;

/**
 * `signals/<id>.yaml`: a gap or a play idea an SE brought to office hours. It stays open (`new`)
 * until it is answered, or turned into a play or an FRD, which it then links.
 */
export const signalSchema = (ctx: SchemaContext) =>
  z
    .strictObject({
      ...baseFields(ctx),
      /** The cloud it comes from (a `clouds` id). */
      cloud: ctx.ref('clouds').describe("The cloud it comes from (a `clouds` id)."),
      /** gap (something we lack or that loses deals) or play-idea (something that wins, worth repeating). */
      kind: z.enum(['gap', 'play-idea']).describe("gap (something we lack or that loses deals) or play-idea (something that wins, worth repeating)."),
      /** The signal in one line. */
      title: text().describe("The signal in one line."),
      /** What the SE saw: the deal situation (anonymized), what the customer asked, what happened. */
      detail: text().describe("What the SE saw: the deal situation (anonymized), what the customer asked, what happened."),
      /** Who submitted it, as a role ("SE, Azure deals, EMEA"), never a person's name. */
      submittedBy: text().describe("Who submitted it, as a role (\"SE, Azure deals, EMEA\"), never a person's name."),
      /** When it was submitted (YYYY-MM-DD). */
      date: pastDate().describe("When it was submitted (YYYY-MM-DD)."),
      /** new (open), answered, became-play, became-frd. */
      status: z.enum(SIGNAL_STATUSES).describe("new (open), answered, became-play, became-frd."),
      /** The published answer. Required once answered; not yet there while new. */
      answer: text().optional().describe("The published answer. Required once answered; not yet there while new."),
      /** The play (id) it became; required when status is became-play. */
      play: ctx.ref('plays').optional().describe("The play (id) it became; required when status is became-play."),
      /** The FRD (id) it became; required when status is became-frd. */
      frd: ctx.ref('frds').optional().describe("The FRD (id) it became; required when status is became-frd."),
    })
    .superRefine((s, rctx) => {
      // A missing field is reported on the `status` line that requires it; a field that does not belong, on its own line.
      const issue = (path: string, message: string) => rctx.addIssue({ code: 'custom', path: [path], input: (s as Record<string, unknown>)[path], message });
      if (s.status === 'answered' && s.answer === undefined) issue('status', 'an answered signal needs `answer` (the published answer)');
      if (s.status === 'became-play' && s.play === undefined) issue('status', 'a signal that became a play needs `play` (the play id)');
      if (s.status === 'became-frd' && s.frd === undefined) issue('status', 'a signal that became an FRD needs `frd` (the FRD id)');
      if (s.status === 'new' && s.answer !== undefined) issue('answer', 'a new signal has no answer yet: set `status: answered` (or became-play / became-frd)');
      if (s.play !== undefined && s.status !== 'became-play') issue('play', '`play` is only for a signal with `status: became-play`');
      if (s.frd !== undefined && s.status !== 'became-frd') issue('frd', '`frd` is only for a signal with `status: became-frd`');
    });
export type Signal = z.output<ReturnType<typeof signalSchema>>;
