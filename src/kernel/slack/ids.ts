/**
 * Every Slack identifier the bot sends or listens for. Listeners, view
 * builders and tests import from here; a hand-copied ID is a bug waiting.
 */
export const ids = {
  views: {
    home: 'home',
    // Updates (issue 3): the update modal, and the notice that replaces it when the user may not go on.
    updateModal: 'update_modal',
    updateNotice: 'update_notice',
    // Digest (issue 5): the full text of an update trimmed in a digest.
    digestUpdate: 'digest_update',
    // Reminders (issue 4): "ikke aktuelt denne perioden" asks for a reason.
    reminderWaiver: 'reminder_waiver',
  },
  actions: {
    // Updates (issue 3). `input` is the action_id of every input in the update modal.
    updates: {
      open: 'update_open',
      edit: 'update_edit',
      pagePrev: 'update_page_prev',
      pageNext: 'update_page_next',
      pickMeasure: 'update_pick_measure',
      pickAgency: 'update_pick_agency',
      input: 'update_input',
    },
    // Digest (issue 5)
    digestReadUpdate: 'digest_read_update',
    // Reminders (issue 4): the buttons on every reminder DM; `reason` is the waiver modal's input.
    reminders: {
      updateNow: 'reminder_update_now',
      snooze: 'reminder_snooze',
      waive: 'reminder_waive',
      reason: 'reminder_waiver_reason',
    },
  },
  blocks: {
    // Updates (issue 3): the inputs of the update modal.
    updates: {
      measure: 'update_measure',
      agency: 'update_agency',
      status: 'update_status',
      progress: 'update_progress',
      done: 'update_done',
      challenges: 'update_challenges',
      nextSteps: 'update_next_steps',
      spend: 'update_spend',
      periodDate: 'update_period',
    },
    // Reminders (issue 4)
    reminders: {
      buttons: 'reminder_buttons',
      reason: 'reminder_waiver_reason',
    },
  },
} as const;
