/**
 * The DMs of the simulated quarter, worked out by hand from the story in
 * reminders-quarter-support.ts and checked against the Norwegian calendar:
 * "local send time  s<step>|<period>|m<measure>|a<agency>|<recipient>".
 *
 * - Measure 1/JD (cadence 14): due 12 Mar; Kari reports after the overdue DM. Due 30 Mar
 *   (step 1 on Friday 26th, step 2 would be Wednesday 31st after the DST change) is met.
 *   Due 13 Apr, after Easter: Kari is away with Per as substitute, so Per alone gets steps 1
 *   and 2 (6 and 14 Apr) and Liv step 3 (16 Apr). Reported in the round; due 11 May, then 26 May.
 * - Measure 2/JD (cadence 30): due Monday 29 Mar; Per snoozes the due-soon DM and gets it
 *   again on Friday 26th at 09:00 (period ~z1). Then the round (deadline 30 Apr) governs:
 *   steps 1 and 2, and the team lead step is not sent because Kari reports on 4 May.
 * - Measure 2/BFD: Una's account is gone (refused for good, reported to Kim once, on 17 Mar);
 *   Ola says "ikke aktuelt" on 31 Mar, gets the round notice, then completes the measure.
 * - Measure 2/UDI has nobody: Kim (coordinator) gets its steps, and the weekly overdue summary
 *   on Tuesday 13 Apr (Easter Monday moved it), 19 Apr, Tuesday 18 May (after 17 May) and 24 May.
 * - Measure 3/BFD (cadence 21): Berit (team lead) gets step 3 on 24 Mar; Ola is away 3–7 May
 *   without a substitute, so Berit also gets his overdue DM, flagged, on 5 May. Due 31 May is
 *   Whit Monday, so it is due 1 June and its step 1 comes on Thursday 27 May.
 * - The round opens Tuesday 20 Apr at 13:17 and tells every contact at once.
 */
export const EXPECTED_QUARTER: string[] = [
  '2004-03-10 09:00 s1|d2004-03-12|m1|a1|U0KARI01',
  '2004-03-10 09:00 s1|d2004-03-12|m1|a1|U0PER001',
  '2004-03-15 09:00 s2|d2004-03-12|m1|a1|U0KARI01',
  '2004-03-15 09:00 s2|d2004-03-12|m1|a1|U0PER001',
  '2004-03-17 09:00 s1|d2004-03-19|m3|a2|U0OLA001',
  '2004-03-17 09:00 s5|f:U0UNA001:user_not_found|m3|a2|U0KOORD1',
  '2004-03-22 09:00 s2|d2004-03-19|m3|a2|U0OLA001',
  '2004-03-24 09:00 s3|d2004-03-19|m3|a2|U0LEADBF',
  '2004-03-25 09:00 s1|d2004-03-29|m2|a1|U0KARI01',
  '2004-03-25 09:00 s1|d2004-03-29|m2|a1|U0PER001',
  '2004-03-25 09:00 s1|d2004-03-29|m2|a2|U0OLA001',
  '2004-03-25 09:00 s1|d2004-03-29|m2|a3|U0KOORD1',
  '2004-03-26 09:00 s1|d2004-03-29~z1|m2|a1|U0PER001',
  '2004-03-26 09:00 s1|d2004-03-30|m1|a1|U0KARI01',
  '2004-03-26 09:00 s1|d2004-03-30|m1|a1|U0PER001',
  '2004-03-30 09:00 s2|d2004-03-29|m2|a1|U0KARI01',
  '2004-03-30 09:00 s2|d2004-03-29|m2|a1|U0PER001',
  '2004-03-30 09:00 s2|d2004-03-29|m2|a2|U0OLA001',
  '2004-03-30 09:00 s2|d2004-03-29|m2|a3|U0KOORD1',
  '2004-04-01 09:00 s3|d2004-03-29|m2|a3|U0KOORD1',
  '2004-04-06 09:00 s1|d2004-04-13|m1|a1|U0PER001',
  '2004-04-07 09:00 s1|d2004-04-14|m3|a2|U0OLA001',
  '2004-04-13 09:00 s4|w2004-W16|m0|a0|U0KOORD1',
  '2004-04-14 09:00 s2|d2004-04-13|m1|a1|U0PER001',
  '2004-04-16 09:00 s3|d2004-04-13|m1|a1|U0LEADJD',
  '2004-04-19 09:00 s4|w2004-W17|m0|a0|U0KOORD1',
  '2004-04-20 13:17 s0|r1|m0|a0|U0KARI01',
  '2004-04-20 13:17 s0|r1|m0|a0|U0KOORD1',
  '2004-04-20 13:17 s0|r1|m0|a0|U0OLA001',
  '2004-04-20 13:17 s0|r1|m0|a0|U0PER001',
  '2004-04-28 09:00 s1|r1|m2|a1|U0KARI01',
  '2004-04-28 09:00 s1|r1|m2|a1|U0PER001',
  '2004-04-28 09:00 s1|r1|m2|a3|U0KOORD1',
  '2004-04-30 09:00 s1|d2004-05-04|m3|a2|U0OLA001',
  '2004-05-03 09:00 s2|r1|m2|a1|U0KARI01',
  '2004-05-03 09:00 s2|r1|m2|a1|U0PER001',
  '2004-05-03 09:00 s2|r1|m2|a3|U0KOORD1',
  '2004-05-05 09:00 s2|d2004-05-04|m3|a2|U0LEADBF',
  '2004-05-05 09:00 s3|r1|m2|a3|U0KOORD1',
  '2004-05-07 09:00 s1|d2004-05-11|m1|a1|U0KARI01',
  '2004-05-07 09:00 s1|d2004-05-11|m1|a1|U0PER001',
  '2004-05-07 09:00 s3|d2004-05-04|m3|a2|U0LEADBF',
  '2004-05-12 09:00 s2|d2004-05-11|m1|a1|U0KARI01',
  '2004-05-12 09:00 s2|d2004-05-11|m1|a1|U0PER001',
  '2004-05-18 09:00 s4|w2004-W21|m0|a0|U0KOORD1',
  '2004-05-24 09:00 s1|d2004-05-26|m1|a1|U0KARI01',
  '2004-05-24 09:00 s1|d2004-05-26|m1|a1|U0PER001',
  '2004-05-24 09:00 s4|w2004-W22|m0|a0|U0KOORD1',
  '2004-05-27 09:00 s1|d2004-06-01|m3|a2|U0OLA001',
  '2004-05-27 09:00 s2|d2004-05-26|m1|a1|U0KARI01',
  '2004-05-27 09:00 s2|d2004-05-26|m1|a1|U0PER001',
];
