// What people control of their reminders (issue 13), implemented in src/db/reminder-controls.ts.

/** A centre's reminder settings as stored. */
export interface TReminderSettings {
  reminderCron: string;
  reminderTimezone: string;
  referentReminderDays: number;
  escalationDays: number;
  draftReminderDays: number;
  startingSoonDays: number;
}

/** Pause and settings of reminders. */
export interface TReminderControls {
  /** Pauses `personId`'s reminders; false when they already were. */
  pause(personId: number, now: Date): Promise<boolean>;
  /** Resumes them; false when they were not paused. */
  resume(personId: number): Promise<boolean>;
  /** A centre's name and settings, null when there is no such centre. */
  settings(centreId: number): Promise<{ name: string; settings: TReminderSettings } | null>;
  saveSettings(centreId: number, settings: TReminderSettings): Promise<void>;
  /** The id of the centre with this code (case-insensitive), null when none. */
  centreIdOfCode(code: string): Promise<number | null>;
}
